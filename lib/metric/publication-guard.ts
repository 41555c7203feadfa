import { formatMonth } from "@/lib/format";
import { INTL_LOCALE, type Locale } from "@/lib/i18n/locales";
import { phraseIn } from "@/lib/i18n/say";
import type { MonthFigure } from "./compute";
import { uChart } from "./control-chart";
import { formatFigure } from "./format";

/** How many months up to a month its control limits are drawn over: the dashboard chart's two years. */
export const GUARD_WINDOW_MONTHS = 24;

export type PublicationConcern = {
  month: string;
  kind: "no_complaints" | "above_limits" | "below_limits";
  /** For a figure outside its limits: the figure and the limits. */
  figures?: { perMillion: number; lower: number; upper: number };
};

/** A concern as a refusal names it: with its sentence in the reader's language. */
export type SaidConcern = PublicationConcern & { message: string };

const CONCERN_KEYS = {
  above_limits: "publication.confirm.aboveLimits",
  below_limits: "publication.confirm.belowLimits",
} as const;

/** "Dec 2025 has no counted complaints: …" in `locale`, the month and figures written as `locale` writes them. */
export function concernIn(concern: PublicationConcern, locale: Locale): SaidConcern {
  const month = formatMonth(concern.month, locale);
  const { kind, figures } = concern;
  if (kind === "no_complaints" || !figures)
    return { ...concern, message: phraseIn(locale, ["publication.confirm.noComplaints", { month }]) };
  const figure = (value: number) => formatFigure(value, 1, INTL_LOCALE[locale]);
  const values = {
    month,
    figure: figure(figures.perMillion),
    lower: figure(figures.lower),
    upper: figure(figures.upper),
  };
  return { ...concern, message: phraseIn(locale, [CONCERN_KEYS[kind], values]) };
}

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
    concerns.push({ month, kind: "no_complaints" });
    return concerns;
  }
  const point = uChart(window).points.find((p) => p.month === month);
  if (point?.signal && point.perMillion != null && point.lower != null && point.upper != null) {
    concerns.push({
      figures: { perMillion: point.perMillion, lower: point.lower, upper: point.upper },
      month,
      kind: point.signal === "above" ? "above_limits" : "below_limits",
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
