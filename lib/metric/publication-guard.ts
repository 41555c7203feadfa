import type { MonthFigure } from "./compute";
import { uChart } from "./control-chart";
import { formatFigure } from "./format";

/** How many months up to a month its control limits are drawn over: the dashboard chart's two years. */
export const GUARD_WINDOW_MONTHS = 24;

export type PublicationConcern = {
  month: string;
  kind: "no_complaints" | "above_limits" | "below_limits";
  message: string;
  /** For a figure outside its limits: the figure and the limits, so a page can say it in its reader's words. */
  figures?: { perMillion: number; lower: number; upper: number };
};

/**
 * What a person must confirm before a month goes out: no counted complaints at all (more often a
 * missing import than a perfect month), or a figure outside the month's u-chart limits (a real
 * change, or data that is wrong). `window` is the market's months up to and including `month`.
 */
export function publicationConcerns(window: readonly MonthFigure[], month: string): PublicationConcern[] {
  const figure = window.find((m) => m.month === month);
  if (!figure) return [];
  const concerns: PublicationConcern[] = [];
  if (figure.complaints === 0) {
    concerns.push({
      month,
      kind: "no_complaints",
      message: `${month} has no counted complaints: was every complaint of the month imported?`,
    });
    return concerns;
  }
  const point = uChart(window).points.find((p) => p.month === month);
  if (point?.signal && point.perMillion != null && point.lower != null && point.upper != null) {
    const limits = `${formatFigure(point.lower)}–${formatFigure(point.upper)}`;
    concerns.push({
      figures: { perMillion: point.perMillion, lower: point.lower, upper: point.upper },
      month,
      kind: point.signal === "above" ? "above_limits" : "below_limits",
      message: `${month}: ${formatFigure(point.perMillion)} per million is ${point.signal} its control limits (${limits}): a real change, or data to check first?`,
    });
  }
  return concerns;
}

/**
 * The figures of a restatement as the public reads them: whole numbers, and where the whole number
 * did not change, the unrounded figures beside them, so "from 35 to 35" never stands alone.
 */
export function restatedFigures(
  from: number | null,
  to: number | null,
  locale: string,
): { from: string | null; to: string | null } {
  const whole = (v: number | null) => (v == null ? null : Math.round(v).toLocaleString(locale));
  if (from == null || to == null || Math.round(from) !== Math.round(to)) return { from: whole(from), to: whole(to) };
  const exact = (v: number) => v.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return { from: `${whole(from)} (${exact(from)})`, to: `${whole(to)} (${exact(to)})` };
}
