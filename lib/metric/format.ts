import { formatNumber, numberFormat } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";

/** Display formatting for figures: one place, so every page shows numbers alike. */

export function formatFigure(value: number | null | undefined, digits = 1, locale = "en-GB"): string {
  if (value == null) return "—";
  return numberFormat(locale, digits).format(value);
}

export function formatCount(value: number | null | undefined, locale = "en-GB"): string {
  if (value == null) return "—";
  return numberFormat(locale).format(value);
}

/** A relative change as "+4.2 %" / "−10.0 %" ("+4,2 %" in Swedish). */
export function formatChange(value: number | null | undefined, locale: Locale = "en"): string {
  if (value == null) return "—";
  const percent = value * 100;
  const sign = percent > 0.05 ? "+" : percent < -0.05 ? "−" : "±";
  return `${sign}${formatNumber(Math.abs(percent), locale, 1)} %`;
}

/** Fewer complaints is better: a fall is good news. */
export function changeTone(value: number | null | undefined): "good" | "bad" | "flat" {
  if (value == null || Math.abs(value) < 0.0005) return "flat";
  return value < 0 ? "good" : "bad";
}
