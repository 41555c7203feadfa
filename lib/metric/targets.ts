import { and, eq } from "drizzle-orm";
import { targets } from "@/db/schema";
import type { AuditEntry } from "@/lib/audit/log";
import type { Actor } from "@/lib/auth/actor";
import { refuse } from "@/lib/i18n/say";
import { assertMarket, type Executor } from "./queries";
import type { TargetInput } from "./validations";

type WriteContext = { tx: Executor; actor: Actor; audit: (entry: AuditEntry | AuditEntry[]) => Promise<void> };

/** Sets (or replaces) a market's target for a year, audited with the previous target. */
export async function setTarget(ctx: WriteContext, input: TargetInput) {
  const { tx, actor } = ctx;
  await assertMarket(input.market, tx);
  const [before] = await tx
    .select()
    .from(targets)
    .where(and(eq(targets.market, input.market), eq(targets.year, input.year)));
  const values = { market: input.market, year: input.year, kind: input.kind, value: input.value };
  await tx
    .insert(targets)
    .values({ ...values, updatedBy: actor.userId })
    .onConflictDoUpdate({
      target: [targets.market, targets.year],
      set: { kind: input.kind, value: input.value, updatedBy: actor.userId, updatedAt: new Date() },
    });
  await ctx.audit({
    action: "metric.target.set",
    entityType: "target",
    entityId: `${input.market}-${input.year}`,
    before: before ? { market: before.market, year: before.year, kind: before.kind, value: before.value } : null,
    after: values,
  });
  return values;
}

export async function deleteTarget(ctx: WriteContext, input: { market: string; year: number }) {
  const [removed] = await ctx.tx
    .delete(targets)
    .where(and(eq(targets.market, input.market), eq(targets.year, input.year)))
    .returning();
  if (!removed) throw refuse("not_found", ["adminRules.metric.noTarget", { market: input.market, year: input.year }]);
  await ctx.audit({
    action: "metric.target.delete",
    entityType: "target",
    entityId: `${input.market}-${input.year}`,
    before: { market: removed.market, year: removed.year, kind: removed.kind, value: removed.value },
  });
  return { market: removed.market, year: removed.year };
}
