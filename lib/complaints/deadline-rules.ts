import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db";
import { deadlineRules, markets } from "@/db/schema";
import { CHANNELS } from "@/lib/domain/values";
import { type MessageKey, refuse, rule } from "@/lib/i18n/say";
import { first } from "@/lib/must";
import { defineOperation } from "@/lib/operations";

const days = (missing: MessageKey) =>
  z.coerce
    .number(rule(missing))
    .int(rule("complaintRules.wholeDays"))
    .min(1, rule("complaintRules.atLeastOneDay"))
    .max(365, rule("complaintRules.atMost365Days"));

export const deadlineRuleSchema = z.object({
  market: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, rule("complaintRules.marketMissing")),
  channel: z.enum(CHANNELS, rule("complaintRules.channelMissing")),
  acknowledgeDays: days("complaintRules.acknowledgeDaysMissing"),
  acknowledgeBusinessDays: z.boolean(),
  finalResponseDays: days("complaintRules.finalResponseDaysMissing"),
  finalResponseBusinessDays: z.boolean(),
});
export const deadlineRuleKeySchema = deadlineRuleSchema.pick({ market: true, channel: true });

export async function listDeadlineRules(q: Db | Tx) {
  return q.select().from(deadlineRules).orderBy(asc(deadlineRules.market), asc(deadlineRules.channel));
}

/** Sets a market and channel's deadlines. Existing complaints follow at once: due dates are computed, not stored. */
export const saveDeadlineRule = defineOperation({
  name: "complaints.saveDeadlineRule",
  permission: "admin:manage",
  input: deadlineRuleSchema,
  work: async ({ tx, input, audit }) => {
    const [market] = await tx.select({ code: markets.code }).from(markets).where(eq(markets.code, input.market));
    if (!market)
      throw refuse("invalid", "complaintRules.marketUnknown", {
        market: ["complaintRules.noMarket", { market: input.market }],
      });
    const where = and(eq(deadlineRules.market, input.market), eq(deadlineRules.channel, input.channel));
    const [before] = await tx.select().from(deadlineRules).where(where);
    const rule = first(
      await tx
        .insert(deadlineRules)
        .values(input)
        .onConflictDoUpdate({ target: [deadlineRules.market, deadlineRules.channel], set: input })
        .returning(),
      "inserted deadline rules",
    );
    await audit({
      action: before ? "deadline_rule.update" : "deadline_rule.create",
      entityType: "deadline_rule",
      entityId: rule.id,
      before: before ?? null,
      after: rule,
    });
    return rule;
  },
});

/** Removes a rule so the defaults apply again. */
export const deleteDeadlineRule = defineOperation({
  name: "complaints.deleteDeadlineRule",
  permission: "admin:manage",
  input: deadlineRuleKeySchema,
  work: async ({ tx, input, audit }) => {
    const [removed] = await tx
      .delete(deadlineRules)
      .where(and(eq(deadlineRules.market, input.market), eq(deadlineRules.channel, input.channel)))
      .returning();
    if (!removed) throw refuse("not_found", "complaintRules.deadlineRuleNotFound");
    await audit({ action: "deadline_rule.delete", entityType: "deadline_rule", entityId: removed.id, before: removed });
    return { deleted: true };
  },
});
