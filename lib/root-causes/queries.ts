// No `server-only` marker here: the benchmark calls the report under plain Node.
import { eq, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { rowsOf } from "@/db/rows";
import { products } from "@/db/schema";
import type { Role } from "@/lib/domain/values";
import { AppError } from "@/lib/errors";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { phraseIn } from "@/lib/i18n/say";
import { addMonths, currentMonth, monthsBetween, toMonth, yearOf } from "@/lib/metric/months";
import { assertMarket, type Executor, getLatestDataMonth } from "@/lib/metric/queries";
import { suppressesSmallCells } from "@/lib/metric/suppression";
import { resolveProducts } from "@/lib/metric/volumes";
import { buildReport, type RootCauseReport } from "./report";
import type { RootCauseReportQuery } from "./validations";

/** A product by id, name or old name (as imports match them); a clear error naming the field when none matches. */
async function resolveProduct(value: string, executor: Executor): Promise<{ id: string; name: string }> {
  const id = z.uuid().safeParse(value).success
    ? value
    : (await resolveProducts(executor, [value.toLowerCase()])).get(value.toLowerCase());
  const [found] = id
    ? await executor.select({ id: products.id, name: products.name }).from(products).where(eq(products.id, id))
    : [];
  if (!found)
    throw new AppError("invalid", (locale) => ({
      message: phraseIn(locale, ["rootCauseRules.productUnknown", { product: value }]),
      details: [{ path: "product", message: phraseIn(locale, "rootCauseRules.productNoMatch") }],
    }));
  return found;
}

/** What a report covers: its filters, resolved and checked, and its period (defaults applied). */
export type ReportScope = {
  market: string | null;
  channel: NonNullable<RootCauseReportQuery["channel"]> | null;
  journeyStage: NonNullable<RootCauseReportQuery["journeyStage"]> | null;
  product: { id: string; name: string } | null;
  from: string;
  to: string;
};

/**
 * The scope a report query names: the market and product checked (a product by name as imports match
 * it), the period defaulting to the year up to the latest month with data. Shared by the report and its
 * matrices so each reads only what it needs.
 */
export async function resolveReportScope(query: RootCauseReportQuery, executor: Executor = db): Promise<ReportScope> {
  const market = query.market ?? null;
  const [product] = await Promise.all([
    query.product ? resolveProduct(query.product, executor) : null,
    market ? assertMarket(market, executor) : null,
  ]);
  const to = query.to ?? (await getLatestDataMonth(market, executor)) ?? currentMonth();
  const from = query.from ?? toMonth(yearOf(to), 1);
  if (from > to)
    throw new AppError("invalid", (locale) => ({
      message: phraseIn(locale, "rootCauseRules.fromAfterTo"),
      details: [{ path: "from", message: phraseIn(locale, "rootCauseRules.afterTo") }],
    }));
  return { market, channel: query.channel ?? null, journeyStage: query.journeyStage ?? null, product, from, to };
}

/** The scope's filters on a rollup (`root_cause_month_counts` or `complaint_month_counts`) under `alias`. */
export function rollupFilters(alias: string, scope: ReportScope): SQL {
  const { market, channel, product, journeyStage } = scope;
  const parts = [sql`not ${sql.raw(alias)}.excluded`];
  if (market) parts.push(sql`${sql.raw(alias)}.market = ${market}`);
  if (channel) parts.push(sql`${sql.raw(alias)}.channel = ${channel}::channel`);
  if (product) parts.push(sql`${sql.raw(alias)}.product_id = ${product.id}::uuid`);
  if (journeyStage) parts.push(sql`${sql.raw(alias)}.journey_stage = ${journeyStage}::journey_stage`);
  return sql.join(parts, sql` and `);
}

/**
 * The root-cause report for a scope, from the rollups (a handful of small indexed queries whatever
 * the number of complaints). Small cells are withheld here, on the server, for roles that see
 * aggregates only. Used by the page, the API and the benchmark.
 */
export async function getRootCauseReport(
  query: RootCauseReportQuery,
  role: Role,
  locale: Locale = DEFAULT_LOCALE,
  executor: Executor = db,
): Promise<RootCauseReport> {
  const resolved = await resolveReportScope(query, executor);
  const { market, channel, journeyStage, product, from, to } = resolved;
  const length = monthsBetween(from, to).length;
  const previous = { from: addMonths(from, -length), to: addMonths(from, -1) };
  const filters = (alias: string) => rollupFilters(alias, resolved);
  const volumeScope = product ? sql`v.product_id = ${product.id}::uuid` : sql`v.product_id is null`;

  const [causes, scope, volumes, names, actions] = await Promise.all([
    executor.execute(sql`
      select r.root_cause_id::text as "rootCauseId", r.market, r.month, sum(r.count)::int as complaints,
             coalesce(sum(r.count) filter (where r.is_primary), 0)::int as primary
      from root_cause_month_counts r
      where r.month between ${previous.from} and ${to} and ${filters("r")}
      -- Grouped by the uuid and cast after: hashing its text cost a third more.
      group by r.root_cause_id, r.market, r.month having sum(r.count) <> 0`),
    executor.execute(sql`
      select r.market, r.month, sum(r.count)::int as complaints
      from complaint_month_counts r
      where r.month between ${previous.from} and ${to} and ${filters("r")}
      group by 1, 2 having sum(r.count) <> 0`),
    executor.execute(sql`
      select v.market, v.month, v.purchases::float8 as purchases
      from purchase_volumes v
      where v.month between ${previous.from} and ${to} and v.purchases > 0 and ${volumeScope}
        ${market ? sql`and v.market = ${market}` : sql``}`),
    executor.execute(sql`select id::text as id, name from root_causes`),
    executor.execute(sql`
      select l.root_cause_id::text as id, count(*)::int as actions,
             (count(*) filter (where a.status in ('shipped', 'verified')))::int as shipped
      from remediation_root_causes l join remediation_actions a on a.id = l.action_id
      where a.status <> 'cancelled' ${market ? sql`and (a.market is null or a.market = ${market})` : sql``}
      group by l.root_cause_id`),
  ]);

  const report = buildReport({
    period: { from, to },
    previous,
    causes: rowsOf<{ rootCauseId: string; market: string; month: string; complaints: number; primary: number }>(
      causes,
    ).map((r) => ({
      ...r,
      complaints: Number(r.complaints),
      primary: Number(r.primary),
    })),
    scope: rowsOf<{ market: string; month: string; complaints: number }>(scope).map((r) => ({
      ...r,
      complaints: Number(r.complaints),
    })),
    volumes: rowsOf<{ market: string; month: string; purchases: number }>(volumes).map((r) => ({
      ...r,
      purchases: Number(r.purchases),
    })),
    names: new Map(rowsOf<{ id: string; name: string }>(names).map((r) => [r.id, r.name])),
    locale,
    actions: new Map(rowsOf<{ id: string; actions: number }>(actions).map((r) => [r.id, Number(r.actions)])),
    shippedActions: new Map(rowsOf<{ id: string; shipped: number }>(actions).map((r) => [r.id, Number(r.shipped)])),
    suppressSmallCells: suppressesSmallCells(role),
  });
  return { market, product, channel, journeyStage, denominator: product ? "product" : "market", ...report };
}
