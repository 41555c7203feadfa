import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db";
import { rowsOf } from "@/db/rows";
import { effectivenessChecks, products, remediationRootCauses } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { phraseIn, refuse } from "@/lib/i18n/say";
import { addMonths } from "@/lib/metric/months";
import { first } from "@/lib/must";
import { defineOperation } from "@/lib/operations";
import { fieldErrorsOf, parseIn } from "@/lib/validation";
import { type CheckCell, checkWindows, type EffectivenessResult, evaluateEffectiveness } from "./effectiveness";
import { effectivenessRunSchema } from "./validations";
import { readVerdict, storedVerdict, verdictIn } from "./verdict";
import { loadActionForChange } from "./write";

type Scope = { market: string | null; productId: string | null; rootCauseIds: string[] };

function volumeScope(scope: Scope) {
  const product = scope.productId ? sql`product_id = ${scope.productId}::uuid` : sql`product_id is null`;
  return scope.market ? sql`${product} and market = ${scope.market}` : product;
}

/** The latest month with a purchase volume in the action's scope (the product's volumes for a product scope). */
export async function latestVolumeMonth(q: Db | Tx, scope: Scope): Promise<string | null> {
  const [row] = rowsOf<{ month: string | null }>(
    await q.execute(sql`select max(month) as month from purchase_volumes where ${volumeScope(scope)}`),
  );
  return row?.month ?? null;
}

/**
 * Per market and month from `from` to `to`: distinct counted complaints (no exclusion reason) in scope
 * tagged with any of the root causes, beside the month's purchase volume. Read from the complaints
 * themselves, not the rollups, so a tag added today counts today.
 */
export async function loadCheckCells(q: Db | Tx, scope: Scope, from: string, to: string): Promise<CheckCell[]> {
  if (!scope.rootCauseIds.length) return [];
  const start = `${from}-01`;
  const end = `${addMonths(to, 1)}-01`;
  const causes = sql.join(
    scope.rootCauseIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const result = await q.execute(sql`
    with counted as (
      select c.market, to_char(c.received_on, 'YYYY-MM') as month, count(distinct c.id)::int as complaints
      from complaint_root_causes crc
      join complaints c on c.id = crc.complaint_id
      where crc.root_cause_id in (${causes})
        and c.excluded_reason is null
        and c.received_on >= ${start}::date and c.received_on < ${end}::date
        ${scope.market ? sql`and c.market = ${scope.market}` : sql``}
        ${scope.productId ? sql`and c.product_id = ${scope.productId}::uuid` : sql``}
      group by 1, 2
    ),
    volumes as (
      select market, month, purchases::float8 as purchases
      from purchase_volumes
      where ${volumeScope(scope)} and month between ${from} and ${to}
    )
    select coalesce(c.month, v.month) as month, coalesce(c.complaints, 0)::int as complaints, v.purchases
    from counted c full join volumes v on v.market = c.market and v.month = c.month
  `);
  return rowsOf<{ month: string; complaints: number; purchases: number | null }>(result).map((r) => ({
    month: r.month,
    complaints: Number(r.complaints),
    purchases: r.purchases == null ? null : Number(r.purchases),
  }));
}

/** The check for one action's scope and shipped date, without storing it. */
export async function computeEffectiveness(
  q: Db | Tx,
  scope: Scope & { shippedOn: string; months: number },
): Promise<EffectivenessResult> {
  const latest = await latestVolumeMonth(q, scope);
  if (scope.productId && !latest) {
    const [product] = await q.select({ name: products.name }).from(products).where(eq(products.id, scope.productId));
    // The product's name is the product's own; "the product" stands in for one that has gone.
    throw new AppError("invalid", (locale) => {
      const values = { product: product?.name ?? phraseIn(locale, "remediationRules.theProduct") };
      return {
        message: scope.market
          ? phraseIn(locale, ["remediationRules.noVolumesForProductIn", { ...values, market: scope.market }])
          : phraseIn(locale, ["remediationRules.noVolumesForProduct", values]),
      };
    });
  }
  const windows = checkWindows(scope.shippedOn, scope.months, latest);
  const cells = await loadCheckCells(q, scope, windows.before.from, windows.after?.to ?? windows.before.to);
  return evaluateEffectiveness(cells, windows);
}

/** Runs the check for a shipped action and stores it with who ran it and when. */
export const runEffectivenessCheck = defineOperation({
  name: "remediation.runEffectivenessCheck",
  permission: "remediation:update_own",
  input: effectivenessRunSchema,
  work: async ({ tx, input, actor, audit }) => {
    const action = await loadActionForChange(tx, actor, input.actionId);
    if (!action.shippedOn || !["shipped", "verified"].includes(action.status)) {
      throw refuse("invalid", "remediationRules.checkOnlyShipped");
    }
    const links = await tx
      .select({ id: remediationRootCauses.rootCauseId })
      .from(remediationRootCauses)
      .where(eq(remediationRootCauses.actionId, action.id));
    if (!links.length) throw refuse("invalid", "remediationRules.checkNeedsRootCause");
    const result = await computeEffectiveness(tx, {
      market: action.market,
      productId: action.productId,
      rootCauseIds: links.map((l) => l.id),
      shippedOn: action.shippedOn,
      months: input.months,
    });
    const after = result.after ?? {
      from: addMonths(action.shippedOn.slice(0, 7), 1),
      to: action.shippedOn.slice(0, 7),
    };
    const row = first(
      await tx
        .insert(effectivenessChecks)
        .values({
          actionId: action.id,
          beforeFrom: result.before.from,
          beforeTo: result.before.to,
          afterFrom: after.from,
          afterTo: after.to,
          beforeComplaints: result.beforeTotals.complaints,
          beforePurchases: result.beforeTotals.purchases,
          afterComplaints: result.afterTotals.complaints,
          afterPurchases: result.afterTotals.purchases,
          rateBefore: result.rateBefore,
          rateAfter: result.rateAfter,
          rateRatio: result.rateRatio,
          ciLow: result.ciLow,
          ciHigh: result.ciHigh,
          verdict: storedVerdict(result.said),
          computedBy: actor.userId,
        })
        .returning(),
      "inserted effectiveness checks",
    );
    await audit({
      action: "remediation.effectiveness_check",
      entityType: "remediation_action",
      entityId: action.id,
      // The audit keeps what the check said in English words (as it did before), with its kind.
      after: {
        checkId: row.id,
        verdict: verdictIn(row.verdict, "en"),
        kind: result.kind,
        rateRatio: row.rateRatio,
        ciLow: row.ciLow,
        ciHigh: row.ciHigh,
      },
      meta: { months: input.months, corrected: result.corrected, rootCauseIds: links.map((l) => l.id) },
    });
    return {
      // The verdict in the words of whoever ran it (the API's caller, the page's reader).
      ...readVerdict(row, actor.locale ?? DEFAULT_LOCALE),
      kind: result.kind,
      corrected: result.corrected,
      beforeMonths: result.beforeTotals.months,
      afterMonths: result.afterTotals.months,
    };
  },
});

/** The API's form of the check: the action from the path, `months` (only) from an optional body. */
export const runEffectivenessCheckByApi = defineOperation({
  name: "remediation.runEffectivenessCheckByApi",
  permission: "remediation:update_own",
  input: z.object({ actionId: z.string(), months: z.unknown().optional() }).strict(),
  work: (ctx) => {
    if (!z.uuid().safeParse(ctx.input.actionId).success) throw refuse("not_found", "remediationRules.actionNotFound");
    const locale = ctx.actor.locale ?? DEFAULT_LOCALE;
    const parsed = parseIn(effectivenessRunSchema, ctx.input, locale);
    if (!parsed.success) {
      // The field messages are already in the reader's language (the parse's); so is the headline.
      const details = fieldErrorsOf(parsed.error);
      throw new AppError("invalid", (l) => ({ message: phraseIn(l, "errors.fieldsNeedAttention"), details }));
    }
    return runEffectivenessCheck.work({ ...ctx, input: parsed.data });
  },
});
