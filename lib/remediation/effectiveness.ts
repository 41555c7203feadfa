import type { NestedPhrase, Phrase } from "@/lib/i18n/say";
import { perMillion } from "@/lib/metric/compute";
import { addMonths, monthOf } from "@/lib/metric/months";
import { isSmallCount } from "@/lib/metric/suppression";
import { type VerdictKind, WITHHELD_VERDICT } from "./verdict";

/**
 * The effectiveness check as pure statistics: complaints with the action's root causes per million
 * purchases in the months before shipping against the months after, as a rate ratio with a 95 %
 * confidence interval (Wald interval of the log rate ratio, Poisson counts).
 */

export const Z_95 = 1.959963984540054;
export const CONTINUITY = 0.5;

export type MonthRange = { from: string; to: string };
export type Windows = {
  before: MonthRange;
  /** Null while no month after shipping has a purchase volume yet. */
  after: MonthRange | null;
};

/**
 * Before: the `months` months ending the month before the shipped month. After: the `months` months
 * starting the month after, cut at the latest month with a purchase volume. The shipped month itself
 * is left out: the change was live for only part of it.
 */
export function checkWindows(shippedOn: string, months: number, latestVolumeMonth: string | null): Windows {
  const shipped = monthOf(shippedOn);
  const before = { from: addMonths(shipped, -months), to: addMonths(shipped, -1) };
  const afterFrom = addMonths(shipped, 1);
  const nominalTo = addMonths(shipped, months);
  if (!latestVolumeMonth || latestVolumeMonth < afterFrom) return { before, after: null };
  return { before, after: { from: afterFrom, to: latestVolumeMonth < nominalTo ? latestVolumeMonth : nominalTo } };
}

/** One market's month: counted complaints and the purchase volume (null when none is recorded). */
export type CheckCell = { month: string; complaints: number; purchases: number | null };
export type WindowTotals = { complaints: number; purchases: number; months: number };

/** Sums a window over the cells that have a volume; complaints of months without one are left out of both. */
export function windowTotals(cells: readonly CheckCell[], range: MonthRange | null): WindowTotals {
  const totals = { complaints: 0, purchases: 0, months: 0 };
  if (!range) return totals;
  const months = new Set<string>();
  for (const cell of cells) {
    if (cell.month < range.from || cell.month > range.to || cell.purchases == null || cell.purchases <= 0) continue;
    totals.complaints += cell.complaints;
    totals.purchases += cell.purchases;
    months.add(cell.month);
  }
  totals.months = months.size;
  return totals;
}

export type RateComparison = {
  rateBefore: number | null;
  rateAfter: number | null;
  /** After over before; below 1 means fewer complaints per purchase after shipping. */
  rateRatio: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  /** 0.5 was added to both counts because one of them was zero. */
  corrected: boolean;
  kind: Exclude<VerdictKind, "withheld">;
  /** The verdict as what it says (its message and figures), kept so and worded when read (./verdict). */
  said: Phrase;
};

/** A change of rate as a whole percentage, without its sign. */
const pct = (value: number) => Math.round(Math.abs(value) * 100);

/** An end of the interval as a whole percentage change with its sign: +50, −4, 0. */
function signed(ratio: number): number | NestedPhrase {
  const change = Math.round((ratio - 1) * 100);
  if (change > 0) return ["remediationRules.verdict.plus", { n: change }];
  return change < 0 ? ["remediationRules.verdict.minus", { n: -change }] : 0;
}

/** The rate ratio, its interval and the verdict, as its message and figures. */
export function compareRates(before: WindowTotals, after: WindowTotals): RateComparison {
  const rateBefore = perMillion(before.complaints, before.purchases);
  const rateAfter = perMillion(after.complaints, after.purchases);
  const empty = { rateBefore, rateAfter, rateRatio: null, ciLow: null, ciHigh: null, corrected: false };
  if (after.months === 0 || after.purchases <= 0) {
    return { ...empty, kind: "not_enough_after", said: "remediationRules.verdict.notEnoughAfter" };
  }
  if (before.months === 0 || before.purchases <= 0) {
    return { ...empty, kind: "not_enough_before", said: "remediationRules.verdict.notEnoughBefore" };
  }
  // A zero count has no logarithm: add half a complaint to both windows (Haldane–Anscombe).
  const corrected = before.complaints === 0 || after.complaints === 0;
  const a = after.complaints + (corrected ? CONTINUITY : 0);
  const b = before.complaints + (corrected ? CONTINUITY : 0);
  const rateRatio = a / after.purchases / (b / before.purchases);
  const se = Math.sqrt(1 / a + 1 / b);
  const ciLow = Math.exp(Math.log(rateRatio) - Z_95 * se);
  const ciHigh = Math.exp(Math.log(rateRatio) + Z_95 * se);
  let kind: RateComparison["kind"];
  let said: NestedPhrase;
  if (ciHigh < 1) {
    kind = "fewer";
    said = [
      "remediationRules.verdict.fewer",
      { change: pct(1 - rateRatio), low: pct(1 - ciHigh), high: pct(1 - ciLow) },
    ];
  } else if (ciLow > 1) {
    kind = "more";
    said = [
      "remediationRules.verdict.more",
      { change: pct(rateRatio - 1), low: pct(ciLow - 1), high: pct(ciHigh - 1) },
    ];
  } else {
    kind = "no_change";
    const values = { change: pct(rateRatio - 1), low: signed(ciLow), high: signed(ciHigh) };
    said = [rateRatio < 1 ? "remediationRules.verdict.noChangeFell" : "remediationRules.verdict.noChangeRose", values];
  }
  if (corrected) said = ["remediationRules.verdict.corrected", { verdict: said, added: CONTINUITY }];
  return { rateBefore, rateAfter, rateRatio, ciLow, ciHigh, corrected, kind, said };
}

export type EffectivenessResult = Windows & RateComparison & { beforeTotals: WindowTotals; afterTotals: WindowTotals };

/** The whole check from the market-month cells of both windows. */
export function evaluateEffectiveness(cells: readonly CheckCell[], windows: Windows): EffectivenessResult {
  const beforeTotals = windowTotals(cells, windows.before);
  const afterTotals = windowTotals(cells, windows.after);
  return { ...windows, beforeTotals, afterTotals, ...compareRates(beforeTotals, afterTotals) };
}

type CheckFigures = {
  beforeComplaints?: number | null;
  afterComplaints?: number | null;
  rateBefore: number | null;
  rateAfter: number | null;
  rateRatio: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  verdict: string;
};

type Counts = "beforeComplaints" | "afterComplaints";
/** A check whose counts may be withheld (null). */
export type Withholdable<T> = Omit<T, Counts> & { [K in Extract<keyof T, Counts>]: T[K] | null } & {
  withheld: boolean;
};

/**
 * A check as a role that sees aggregates only may read it: when either window holds 1 to 4
 * complaints, its counts go, and so do the rates, ratio and interval that give them back with the
 * purchases. (Zero complaints single out nobody.)
 */
export function withholdSmallCheck<T extends CheckFigures>(check: T, suppress: boolean): Withholdable<T> {
  if (!suppress || !(isSmallCount(check.beforeComplaints) || isSmallCount(check.afterComplaints)))
    return { ...check, withheld: false };
  return {
    ...check,
    ...("beforeComplaints" in check ? { beforeComplaints: null } : {}),
    ...("afterComplaints" in check ? { afterComplaints: null } : {}),
    rateBefore: null,
    rateAfter: null,
    rateRatio: null,
    ciLow: null,
    ciHigh: null,
    verdict: WITHHELD_VERDICT,
    withheld: true,
  };
}
