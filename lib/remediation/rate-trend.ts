import type { Db, Tx } from "@/db";
import { monthlyFigures, perMillion } from "@/lib/metric/compute";
import { monthOf } from "@/lib/metric/months";
import { isSmallCount } from "@/lib/metric/suppression";
import { latestVolumeMonth, loadCheckCells } from "./checks";
import { checkWindows, type MonthRange, windowTotals } from "./effectiveness";

/** Months each side of the shipped month when no check has chosen the windows yet (the check's default). */
export const DEFAULT_WINDOW_MONTHS = 6;

export type RateTrend = {
  shippedMonth: string;
  before: MonthRange;
  /** Null while no month after shipping has a purchase volume. */
  after: MonthRange | null;
  /** The windows' rates from today's data (null without volume, or withheld). */
  rateBefore: number | null;
  rateAfter: number | null;
  /** Each month from the start of the before window to the end of the after one (or the shipped month). */
  months: { month: string; complaints: number | null; perMillion: number | null }[];
};

/**
 * The monthly rate of an action's root causes (complaints per million purchases of its scope) around
 * its shipped date, with the before and after windows of its latest check (or the default windows),
 * for the chart on the action's page. From today's data, like the check. For roles that see
 * aggregates only, a month of 1–4 complaints is a gap, and a window of 1–4 has no rate.
 */
export async function getActionRateTrend(
  q: Db | Tx,
  scope: { market: string | null; productId: string | null; rootCauseIds: string[]; shippedOn: string },
  windows: { before: MonthRange; after: MonthRange | null } | null,
  suppressSmallCells: boolean,
): Promise<RateTrend | null> {
  if (!scope.rootCauseIds.length) return null;
  const shippedMonth = monthOf(scope.shippedOn);
  const chosen = windows ?? checkWindows(scope.shippedOn, DEFAULT_WINDOW_MONTHS, await latestVolumeMonth(q, scope));
  const from = chosen.before.from;
  const to = chosen.after && chosen.after.to > shippedMonth ? chosen.after.to : shippedMonth;
  const cells = await loadCheckCells(q, scope, from, to);
  const small = (n: number) => suppressSmallCells && isSmallCount(n);
  const rateOf = (range: MonthRange | null) => {
    const totals = windowTotals(cells, range);
    return range && !small(totals.complaints) ? perMillion(totals.complaints, totals.purchases) : null;
  };
  return {
    shippedMonth,
    before: chosen.before,
    after: chosen.after,
    rateBefore: rateOf(chosen.before),
    rateAfter: rateOf(chosen.after),
    months: monthlyFigures(
      cells.map((c) => ({ ...c, market: "" })),
      from,
      to,
    ).map(({ month, complaints, perMillion }) =>
      small(complaints) ? { month, complaints: null, perMillion: null } : { month, complaints, perMillion },
    ),
  };
}

/** The windows a stored check used (an after window that ends before it starts had no month yet). */
export function windowsOfCheck(check: { beforeFrom: string; beforeTo: string; afterFrom: string; afterTo: string }) {
  return {
    before: { from: check.beforeFrom, to: check.beforeTo },
    after: check.afterTo < check.afterFrom ? null : { from: check.afterFrom, to: check.afterTo },
  };
}
