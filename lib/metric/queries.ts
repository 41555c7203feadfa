// No `server-only` marker here: the CLI, the seed and the benchmark call these under plain Node.
import { asc, eq, sql } from "drizzle-orm";
import { type Db, db, type Tx } from "@/db";
import { rowsOf } from "@/db/rows";
import { markets, products, targets } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { phraseIn } from "@/lib/i18n/say";
import {
  type MonthCell,
  type MonthFigure,
  monthlyFigures,
  type Target,
  targetsByYear,
  type YearFigure,
  yearlyFigures,
} from "./compute";
import { currentMonth, toMonth, yearOf } from "./months";
import type { MetricQuery } from "./validations";

export type Executor = Db | Tx;

/** Markets in the metric, in display order. */
export async function getMarkets(executor: Executor = db) {
  return executor.select({ code: markets.code, name: markets.name }).from(markets).orderBy(asc(markets.code));
}

export function unknownMarket(market: string): AppError {
  return new AppError("not_found", (locale) => ({
    message: phraseIn(locale, ["adminRules.metric.unknownMarketNamed", { market }]),
    details: [{ path: "market", message: phraseIn(locale, "adminRules.metric.unknownMarket") }],
  }));
}

export async function assertMarket(market: string, executor: Executor = db) {
  const [row] = await executor.select({ code: markets.code }).from(markets).where(eq(markets.code, market));
  if (!row) throw unknownMarket(market);
}

/**
 * Per market and month in the range: counted (non-excluded) complaints from the rollup and the market's
 * total purchase volume. A market-month with neither is left out (the pure functions fill the gaps).
 */
export async function getMonthCells(
  market: string | null,
  from: string,
  to: string,
  executor: Executor = db,
): Promise<MonthCell[]> {
  const marketFilter = (column: string) => (market ? sql`and ${sql.raw(column)} = ${market}` : sql``);
  const result = await executor.execute(sql`
    with counted as (
      select market, month, sum(count)::int as complaints
      from complaint_month_counts
      where month between ${from} and ${to} and not excluded ${marketFilter("market")}
      group by market, month
    ),
    volumes as (
      select market, month, purchases
      from purchase_volumes
      where product_id is null and month between ${from} and ${to} ${marketFilter("market")}
    )
    select coalesce(c.market, v.market) as market, coalesce(c.month, v.month) as month,
           coalesce(c.complaints, 0)::int as complaints, v.purchases::float8 as purchases
    from counted c full join volumes v on v.market = c.market and v.month = c.month
    order by 2, 1`);
  return rowsOf<{ market: string; month: string; complaints: number; purchases: number | null }>(result).map((r) => ({
    market: r.market,
    month: r.month,
    complaints: Number(r.complaints),
    purchases: r.purchases == null ? null : Number(r.purchases),
  }));
}

export async function getTargets(market: string, executor: Executor = db): Promise<Target[]> {
  return executor
    .select({ year: targets.year, kind: targets.kind, value: targets.value })
    .from(targets)
    .where(eq(targets.market, market))
    .orderBy(asc(targets.year));
}

export async function getAllTargets(executor: Executor = db) {
  return executor.select().from(targets).orderBy(asc(targets.market), asc(targets.year));
}

/**
 * The month the figures run up to by default: the latest month with a purchase volume, since a month
 * without one has no figure (a complaint registered today must not pull the view into empty months).
 * Without any volume, the latest month with complaints; null on an empty database.
 */
export async function getLatestDataMonth(market: string | null, executor: Executor = db): Promise<string | null> {
  const filter = market ? sql`where market = ${market}` : sql``;
  const [row] = rowsOf<{ month: string | null }>(
    await executor.execute(sql`
      select coalesce(
        (select max(month) from purchase_volumes ${filter}),
        (select max(month) from complaint_month_counts ${market ? sql`where market = ${market} and count > 0` : sql`where count > 0`})
      ) as month`),
  );
  return row?.month ?? null;
}

export type ZeroMission = {
  market: string | null;
  from: string;
  to: string;
  months: MonthFigure[];
  years: YearFigure[];
};

/**
 * The zero-mission figures as the v1 API, the CLI and the dashboard read them: current (unpublished)
 * figures, `perMillion` unrounded, targets resolved per year. All markets have no target.
 */
export async function getZeroMission(query: MetricQuery, executor: Executor = db): Promise<ZeroMission> {
  const market = query.market ?? null;
  if (market) await assertMarket(market, executor);
  const to = query.to ?? (await getLatestDataMonth(market, executor)) ?? currentMonth();
  const from = query.from ?? toMonth(yearOf(to) - 1, 1);
  if (from > to)
    throw new AppError("invalid", (locale) => ({
      message: phraseIn(locale, "adminRules.metric.fromAfterTo"),
      details: [{ path: "from", message: phraseIn(locale, "adminRules.metric.afterTo") }],
    }));
  // A reduction target needs the whole previous year, so the cells start a year before the range.
  const cells = await getMonthCells(market, toMonth(yearOf(from) - 1, 1), to, executor);
  const resolved = market ? targetsByYear(await getTargets(market, executor), cells) : new Map<number, number | null>();
  const inRange = cells.filter((c) => c.month >= from);
  return {
    market,
    from,
    to,
    months: monthlyFigures(inRange, from, to),
    years: yearlyFigures(inRange, from, to, (year) => resolved.get(year) ?? null),
  };
}

/** Months with a purchase volume in a market (the product-level rows left out). */
export async function getVolumeMonths(market: string, executor: Executor = db): Promise<string[]> {
  const rows = await executor.execute(sql`
    select month from purchase_volumes where market = ${market} and product_id is null and purchases > 0 order by month`);
  return rowsOf<{ month: string }>(rows).map((r) => r.month);
}

/** Products for the volume form's picker. */
export async function getProductOptions(executor: Executor = db) {
  return executor.select({ id: products.id, name: products.name }).from(products).orderBy(asc(products.name));
}
