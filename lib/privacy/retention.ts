import { asc, eq, sql } from "drizzle-orm";
import { type Db, db, type Tx } from "@/db";
import { rowsOf } from "@/db/rows";
import { markets, retentionRules } from "@/db/schema";
import { writeAudit } from "@/lib/audit/log";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/roles";
import { forbidden, notFound } from "@/lib/errors";
import { refuse } from "@/lib/i18n/say";
import { first } from "@/lib/must";
import { defineOperation } from "@/lib/operations";
import { clearStoredUploads, erasePersonalData } from "./erase";
import { redactText } from "./redact";
import { eraseComplaintSchema, retentionRuleKeySchema, retentionRuleSchema } from "./validations";

/** Complaints erased per transaction: each batch commits, so a long run can stop and resume. */
export const RETENTION_BATCH = 500;

export async function listRetentionRules(q: Db | Tx = db) {
  return q.select().from(retentionRules).orderBy(asc(retentionRules.market));
}

/** The first day whose closings are still kept: today minus the rule's months (UTC). */
export function retentionCutoff(months: number, today: Date = new Date()): string {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - months, 1));
  // The same day of that month, or its last day when it is shorter (31 March − 1 month = 28/29 February).
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(today.getUTCDate(), last));
  return d.toISOString().slice(0, 10);
}

/**
 * Closed complaints of a market whose personal data is due for erasure: closed before the cutoff and
 * not erased yet. A complaint closed again after a reopening counts from its last closing; one closed
 * without a recorded transition (imported history) counts from the day it was received.
 */
function dueWhere(market: string, cutoff: string) {
  return sql`c.market = ${market} and c.status = 'closed' and c.anonymised_at is null and c.received_on < ${cutoff}::date
    and not exists (select 1 from status_transitions t where t.complaint_id = c.id and t.to_status = 'closed' and t.at >= ${cutoff}::date)`;
}

async function dueIds(market: string, cutoff: string, limit: number): Promise<string[]> {
  return rowsOf<{ id: string }>(
    await db.execute(sql`select c.id::text from complaints c where ${dueWhere(market, cutoff)} limit ${limit}`),
  ).map((r) => r.id);
}

export type RetentionMarket = { market: string; months: number; cutoff: string; due: number; erased: number };
export type RetentionRun = { dryRun: boolean; markets: RetentionMarket[]; erased: number; uploadsCleared: number };

/** Counts what each market's rule makes due now. */
export async function retentionDue(today: Date = new Date()): Promise<RetentionMarket[]> {
  const rules = await listRetentionRules();
  return Promise.all(
    rules.map(async (rule) => {
      const cutoff = retentionCutoff(rule.anonymiseAfterMonths, today);
      const { n } = first(
        rowsOf<{ n: number }>(
          await db.execute(sql`select count(*)::int as n from complaints c where ${dueWhere(rule.market, cutoff)}`),
        ),
        "count",
      );
      return { market: rule.market, months: rule.anonymiseAfterMonths, cutoff, due: Number(n), erased: 0 };
    }),
  );
}

/**
 * Applies every market's rule: erases the personal data of the complaints that are due, a batch per
 * transaction, and records the run in the audit log. Safe to stop and run again; a dry run only counts.
 * For admins (the retention page) and the command line, which a scheduler can run every night.
 */
export async function runRetention(
  actor: Actor,
  options: { dryRun?: boolean; today?: Date } = {},
): Promise<RetentionRun> {
  if (!can(actor.role, "admin:manage")) throw forbidden();
  const plan = await retentionDue(options.today);
  let uploadsCleared = 0;
  if (!options.dryRun) {
    // Stored uploads hold the same personal data as they came in; they are not kept past a run.
    if (plan.length) uploadsCleared = await clearStoredUploads(db);
    for (const market of plan) {
      for (;;) {
        const ids = await dueIds(market.market, market.cutoff, RETENTION_BATCH);
        if (ids.length === 0) break;
        market.erased += await db.transaction((tx) => erasePersonalData(tx, ids));
      }
    }
  }
  const run = {
    dryRun: !!options.dryRun,
    markets: plan,
    erased: plan.reduce((sum, m) => sum + m.erased, 0),
    uploadsCleared,
  };
  await writeAudit(db, actor, {
    action: run.dryRun ? "retention.dry_run" : "retention.run",
    entityType: "retention",
    after: run,
  });
  return run;
}

/** Sets how long a market keeps the personal data of closed complaints. */
export const saveRetentionRule = defineOperation({
  name: "privacy.saveRetentionRule",
  permission: "admin:manage",
  input: retentionRuleSchema,
  work: async ({ tx, input, actor, audit }) => {
    const [market] = await tx.select({ code: markets.code }).from(markets).where(eq(markets.code, input.market));
    if (!market)
      throw refuse("invalid", "adminRules.privacy.unknownMarket", {
        market: ["adminRules.taxonomies.noMarket", { market: input.market }],
      });
    const [before] = await tx.select().from(retentionRules).where(eq(retentionRules.market, input.market));
    const values = { ...input, updatedBy: actor.userId, updatedAt: new Date() };
    const rule = first(
      await tx
        .insert(retentionRules)
        .values(values)
        .onConflictDoUpdate({ target: retentionRules.market, set: values })
        .returning(),
      "inserted retention rules",
    );
    await audit({
      action: before ? "retention_rule.update" : "retention_rule.create",
      entityType: "retention_rule",
      entityId: rule.market,
      before: before ?? null,
      after: rule,
    });
    return rule;
  },
});

/** Removes a market's rule: its complaints keep their personal data until a rule is set again. */
export const deleteRetentionRule = defineOperation({
  name: "privacy.deleteRetentionRule",
  permission: "admin:manage",
  input: retentionRuleKeySchema,
  work: async ({ tx, input, audit }) => {
    const [removed] = await tx.delete(retentionRules).where(eq(retentionRules.market, input.market)).returning();
    if (!removed) throw refuse("not_found", ["adminRules.privacy.noRetentionRule", { market: input.market }]);
    await audit({
      action: "retention_rule.delete",
      entityType: "retention_rule",
      entityId: removed.market,
      before: removed,
    });
    return { deleted: true };
  },
});

/** Erases one complaint's personal data at once, e.g. on the customer's request. */
export const eraseComplaint = defineOperation({
  name: "privacy.eraseComplaint",
  permission: "admin:manage",
  input: eraseComplaintSchema,
  work: async ({ tx, input, audit }) => {
    const [found] = rowsOf<{ anonymised_at: string | null; external_id: string }>(
      await tx.execute(sql`select anonymised_at, external_id from complaints where id = ${input.id}`),
    );
    if (!found) throw notFound("adminRules.notFound.complaint");
    if (found.anonymised_at) throw refuse("conflict", "adminRules.privacy.alreadyErased");
    await erasePersonalData(tx, [input.id]);
    await clearStoredUploads(tx, [found.external_id]);
    await audit({
      action: "complaint.personal_data.erase",
      entityType: "complaint",
      entityId: input.id,
      after: { reason: redactText(input.reason) },
    });
    return { erased: true };
  },
});
