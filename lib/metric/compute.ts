import type { TargetKind } from "@/lib/domain/values";
import { monthNumber, monthsBetween, toMonth, yearOf } from "./months";

/**
 * The zero-mission metric, as pure functions: complaints per one million purchases.
 * Every surface (dashboard, API, CLI, public page, effectiveness checks) computes through these.
 */

export const PER = 1_000_000;

/** One market's month: non-excluded complaints and the purchase volume (null when none is recorded). */
export type MonthCell = { market: string; month: string; complaints: number; purchases: number | null };

export type Figure = {
  /** Every counted complaint of the period, including months without a volume. */
  complaints: number;
  /** Purchases of the months that have a volume; null when none has. */
  purchases: number | null;
  /** Unrounded; null when no month of the period has purchases. */
  perMillion: number | null;
};

export type MonthFigure = Figure & { month: string };
export type YearFigure = Figure & { year: number; target: number | null };

export type Target = { year: number; kind: TargetKind; value: number };

/** A month (or any cell) without purchases has no figure: never zero, never infinite. */
export function perMillion(complaints: number, purchases: number | null | undefined): number | null {
  if (purchases == null || purchases <= 0) return null;
  return (complaints / purchases) * PER;
}

/**
 * Volume-weighted figure of any set of market-months: total complaints over total purchases, counting
 * only cells that have purchases (in numerator and denominator), never the mean of monthly figures.
 */
export function combine(cells: ReadonlyArray<Pick<MonthCell, "complaints" | "purchases">>): Figure {
  let complaints = 0;
  let coveredComplaints = 0;
  let purchases: number | null = null;
  for (const cell of cells) {
    complaints += cell.complaints;
    if (cell.purchases == null) continue;
    purchases = (purchases ?? 0) + cell.purchases;
    if (cell.purchases > 0) coveredComplaints += cell.complaints;
  }
  return { complaints, purchases, perMillion: perMillion(coveredComplaints, purchases) };
}

/** Per month from `from` to `to`: all given markets' cells summed (numerators and denominators). */
export function monthlyFigures(cells: readonly MonthCell[], from: string, to: string): MonthFigure[] {
  const byMonth = new Map<string, MonthCell[]>();
  for (const cell of cells) {
    const list = byMonth.get(cell.month);
    if (list) list.push(cell);
    else byMonth.set(cell.month, [cell]);
  }
  return monthsBetween(from, to).map((month) => ({ month, ...combine(byMonth.get(month) ?? []) }));
}

/** The figure of each calendar year touched by the range, from the range's cells only. */
export function yearlyFigures(
  cells: readonly MonthCell[],
  from: string,
  to: string,
  targetOf: (year: number) => number | null = () => null,
): YearFigure[] {
  const years: YearFigure[] = [];
  for (let year = yearOf(from); year <= yearOf(to); year++) {
    const inYear = cells.filter((c) => yearOf(c.month) === year && c.month >= from && c.month <= to);
    years.push({ year, ...combine(inYear), target: targetOf(year) });
  }
  return years;
}

/**
 * A year's target as a figure: absolute, or a percentage below the previous year's (weighted) figure.
 * Null when there is no target, or a reduction has no previous figure to reduce.
 */
export function resolveTarget(target: Target | undefined, previousYearFigure: number | null): number | null {
  if (!target) return null;
  if (target.kind === "absolute") return target.value;
  if (previousYearFigure == null) return null;
  return previousYearFigure * (1 - target.value / 100);
}

/** Each year's resolved target, given every market-month of the years before (for reductions). */
export function targetsByYear(targets: readonly Target[], cells: readonly MonthCell[]): Map<number, number | null> {
  const resolved = new Map<number, number | null>();
  for (const target of [...targets].sort((a, b) => a.year - b.year)) {
    const previous = combine(cells.filter((c) => yearOf(c.month) === target.year - 1)).perMillion;
    resolved.set(target.year, resolveTarget(target, previous));
  }
  return resolved;
}

export type YearToDate = {
  year: number;
  through: string;
  current: Figure;
  previous: Figure;
  /** Relative change against the previous year's same months (−0.1 = 10 % lower). */
  changeFromPrevious: number | null;
  target: number | null;
  /** Relative distance to the target (positive = above it, i.e. worse). */
  againstTarget: number | null;
};

export function relativeChange(value: number | null, reference: number | null): number | null {
  if (value == null || reference == null || reference === 0) return null;
  return value / reference - 1;
}

/** January through `through` of its year, against the same months of the previous year and the target. */
export function yearToDate(cells: readonly MonthCell[], through: string, target: number | null): YearToDate {
  const year = yearOf(through);
  const last = monthNumber(through);
  const within = (y: number) => (c: MonthCell) => c.month >= toMonth(y, 1) && c.month <= toMonth(y, last);
  const current = combine(cells.filter(within(year)));
  const previous = combine(cells.filter(within(year - 1)));
  return {
    year,
    through,
    current,
    previous,
    changeFromPrevious: relativeChange(current.perMillion, previous.perMillion),
    target,
    againstTarget: relativeChange(current.perMillion, target),
  };
}

export type LatestMonth = {
  month: string;
  figure: MonthFigure;
  previousMonth: MonthFigure | null;
  changeFromPreviousMonth: number | null;
  sameMonthLastYear: MonthFigure | null;
  changeFromLastYear: number | null;
};

/** The latest month that has a figure, with its change from the month before and from a year earlier. */
export function latestMonth(months: readonly MonthFigure[]): LatestMonth | null {
  const index = months.findLastIndex((m) => m.perMillion != null);
  const figure = months[index];
  if (!figure) return null;
  const previousMonth = months[index - 1] ?? null;
  const sameMonthLastYear = months[index - 12] ?? null;
  return {
    month: figure.month,
    figure,
    previousMonth,
    changeFromPreviousMonth: relativeChange(figure.perMillion, previousMonth?.perMillion ?? null),
    sameMonthLastYear,
    changeFromLastYear: relativeChange(figure.perMillion, sameMonthLastYear?.perMillion ?? null),
  };
}
