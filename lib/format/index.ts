import { DEFAULT_LOCALE, INTL_LOCALE, type Locale } from "@/lib/i18n/locales";

/**
 * Every date, time and number people read goes through here, so a page shows one date format and one
 * number format: the reader's locale's. Days are calendar days (stored as YYYY-MM-DD, read in UTC so
 * they never shift); times are instants, shown in the organisation's time zone.
 */
export const TIME_ZONE = "Europe/Stockholm";
const NONE = "—";

type Formats = { day: Intl.DateTimeFormat; dateTime: Intl.DateTimeFormat; month: Intl.DateTimeFormat };
const cache = new Map<string, Formats>();

function formatsFor(locale: Locale): Formats {
  const tag = INTL_LOCALE[locale] ?? INTL_LOCALE[DEFAULT_LOCALE];
  let formats = cache.get(tag);
  if (!formats) {
    formats = {
      day: new Intl.DateTimeFormat(tag, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }),
      dateTime: new Intl.DateTimeFormat(tag, {
        day: "numeric",
        month: "short",
        year: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        timeZone: TIME_ZONE,
      }),
      month: new Intl.DateTimeFormat(tag, { month: "short", year: "numeric", timeZone: "UTC" }),
    };
    cache.set(tag, formats);
  }
  return formats;
}

/** A calendar day ("2026-12-02", or an ISO timestamp whose first ten characters are the day). */
export function formatDay(value: string | Date | null | undefined, locale: Locale = DEFAULT_LOCALE): string {
  if (!value) return NONE;
  const day = value instanceof Date ? value.toISOString().slice(0, 10) : value.slice(0, 10);
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? NONE : formatsFor(locale).day.format(date);
}

/** An instant, to the minute, in the organisation's time zone. */
export function formatDateTime(value: Date | string | null | undefined, locale: Locale = DEFAULT_LOCALE): string {
  if (!value) return NONE;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? NONE : formatsFor(locale).dateTime.format(date);
}

/** A month ("2019-03" or a day in it). */
export function formatMonth(value: string | null | undefined, locale: Locale = DEFAULT_LOCALE): string {
  if (!value) return NONE;
  const date = new Date(`${value.slice(0, 7)}-01T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? NONE : formatsFor(locale).month.format(date);
}

// `toLocaleString` builds a new Intl.NumberFormat on every call (2–3 ms of a dashboard's render when it
// was used per cell); one per language tag and number of decimals is built once and kept.
const numberFormats = new Map<string, Intl.NumberFormat>();

/** The number format for a language tag and a fixed number of decimals (or the language's own). */
export function numberFormat(tag: string, digits?: number): Intl.NumberFormat {
  const key = `${tag}|${digits ?? ""}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(
      tag,
      digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits },
    );
    numberFormats.set(key, format);
  }
  return format;
}

/** A whole count or a figure with a fixed number of decimals. */
export function formatNumber(
  value: number | null | undefined,
  locale: Locale = DEFAULT_LOCALE,
  digits?: number,
): string {
  if (value == null || Number.isNaN(value)) return NONE;
  return numberFormat(INTL_LOCALE[locale] ?? INTL_LOCALE[DEFAULT_LOCALE], digits).format(value);
}

/** The formatting functions bound to one locale; pages get them from useFormat() or getFormat(). */
export function formatterFor(locale: Locale) {
  return {
    locale,
    day: (value: string | Date | null | undefined) => formatDay(value, locale),
    dateTime: (value: Date | string | null | undefined) => formatDateTime(value, locale),
    month: (value: string | null | undefined) => formatMonth(value, locale),
    number: (value: number | null | undefined, digits?: number) => formatNumber(value, locale, digits),
  };
}

export type Formatter = ReturnType<typeof formatterFor>;
