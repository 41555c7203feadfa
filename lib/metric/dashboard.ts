import { db } from "@/db";
import type { Role } from "@/lib/domain/values";
import type { Locale } from "@/lib/i18n/locales";
import { must } from "@/lib/must";
import { personalDataAccessOf } from "@/lib/privacy/gate";
import { getShippedActionMarkers, type ShippedActionMarker } from "@/lib/remediation/markers";
import { type Breakdown, getBreakdowns } from "./breakdowns";
import {
  combine,
  type LatestMonth,
  latestMonth,
  type MonthFigure,
  monthlyFigures,
  targetsByYear,
  type YearToDate,
  yearToDate,
} from "./compute";
import { type ControlSignal, uChart } from "./control-chart";
import { addMonths, toMonth, yearOf } from "./months";
import { type Executor, getLatestDataMonth, getMarkets, getMonthCells, getTargets, unknownMarket } from "./queries";
import { suppressesSmallCells } from "./suppression";

/** Months the chart shows (two years, so the year-on-year pattern is visible). */
export const CHART_MONTHS = 24;

export type ChartPoint = MonthFigure & {
  target: number | null;
  centre: number | null;
  upper: number | null;
  lower: number | null;
  signal: ControlSignal;
};

export type DashboardData = {
  market: string | null;
  markets: { code: string; name: string }[];
  /** The last month shown; null on a database without complaints or volumes. */
  through: string | null;
  chart: ChartPoint[];
  centre: number | null;
  ytd: YearToDate | null;
  latest: LatestMonth | null;
  breakdownPeriod: { from: string; to: string } | null;
  breakdowns: Breakdown[];
  /** Remediation actions shipped in the chart's months, for markers on the chart. */
  shippedActions: ShippedActionMarker[];
  /** Whether small cells were withheld for this role. */
  suppressesSmallCells: boolean;
};

/**
 * Everything the leadership dashboard shows, from the rollups: a handful of small indexed queries
 * whatever the number of complaints. The benchmark calls this directly.
 */
export async function getDashboardData(
  options: { market: string | null; through?: string; role: Role; locale?: Locale },
  executor: Executor = db,
): Promise<DashboardData> {
  const { market, role } = options;
  const [markets, latestData] = await Promise.all([
    getMarkets(executor),
    options.through ? null : getLatestDataMonth(market, executor),
  ]);
  if (market && !markets.some((m) => m.code === market)) throw unknownMarket(market);
  const through = options.through ?? latestData;
  const suppresses = suppressesSmallCells(role);
  if (!through) {
    return {
      market,
      markets,
      through: null,
      chart: [],
      centre: null,
      ytd: null,
      latest: null,
      breakdownPeriod: null,
      breakdowns: [],
      shippedActions: [],
      suppressesSmallCells: suppresses,
    };
  }

  const from = addMonths(through, -(CHART_MONTHS - 1));
  // Reduction targets need the whole year before the chart's first year.
  const cells = await getMonthCells(market, toMonth(yearOf(from) - 1, 1), through, executor);
  const targets = market ? targetsByYear(await getTargets(market, executor), cells) : new Map<number, number | null>();
  const months = monthlyFigures(
    cells.filter((c) => c.month >= from),
    from,
    through,
  );
  const control = uChart(months);
  const chart = months.map((m, i) => {
    const { centre, upper, lower, signal } = must(control.points[i], "the u-chart has a point per month");
    return { ...m, target: targets.get(yearOf(m.month)) ?? null, centre, upper, lower, signal };
  });

  const latest = latestMonth(months);
  const ytdThrough = latest?.month ?? through;
  const ytd = yearToDate(cells, ytdThrough, targets.get(yearOf(ytdThrough)) ?? null);
  const breakdownPeriod = { from: toMonth(yearOf(ytdThrough), 1), to: ytdThrough };
  const periodCells = cells.filter((c) => c.month >= breakdownPeriod.from && c.month <= breakdownPeriod.to);
  const [breakdowns, shippedActions] = await Promise.all([
    getBreakdowns(
      { market, ...breakdownPeriod, role, purchases: combine(periodCells).purchases, locale: options.locale },
      executor,
    ),
    getShippedActionMarkers(
      {
        market,
        from,
        to: through,
        suppressSmallCells: suppresses,
        access: personalDataAccessOf(role),
        locale: options.locale,
      },
      executor,
    ),
  ]);
  return {
    market,
    markets,
    through,
    chart,
    centre: control.centre,
    ytd,
    latest,
    breakdownPeriod,
    breakdowns,
    shippedActions,
    suppressesSmallCells: suppresses,
  };
}
