import type { Locale } from "@/lib/i18n/locales";

/**
 * Dates as people type and read them in a form field, in the reader's locale: British English writes
 * the day first (02/12/2026), Swedish writes ISO (2026-12-02). Forms and the server keep ISO values
 * (YYYY-MM-DD, or YYYY-MM for a month); these functions turn one into the other.
 *
 * Reading is forgiving where the meaning is plain: either locale accepts ISO (pasted from a system)
 * and the day-first order (the year last means day first: no month-first dates in either locale),
 * with "/", ".", "-" or spaces between the parts, and one-digit days and months.
 */
export type DatePrecision = "day" | "month";

export type DateTextResult =
  | { kind: "empty" }
  | { kind: "date"; iso: string }
  /** Not a date at all ("tomorrow", "12/2026" for a day). */
  | { kind: "unreadable" }
  /** Shaped like a date but not in the calendar (31/02/2026, month 13). */
  | { kind: "impossible" };

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The ISO value written the reader's way; anything that is not an ISO value comes back as it was. */
export function formatDateText(
  iso: string | null | undefined,
  locale: Locale,
  precision: DatePrecision = "day",
): string {
  if (!iso) return "";
  if (precision === "month") {
    const m = /^(\d{4})-(\d{2})$/.exec(iso.slice(0, 7));
    if (!m) return iso;
    return locale === "sv" ? `${m[1]}-${m[2]}` : `${m[2]}/${m[1]}`;
  }
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.slice(0, 10));
  if (!d) return iso;
  return locale === "sv" ? `${d[1]}-${d[2]}-${d[3]}` : `${d[3]}/${d[2]}/${d[1]}`;
}

const SEP = String.raw`\s*[-/.\s]\s*`;
const YEAR_FIRST_DAY = new RegExp(String.raw`^(\d{4})${SEP}(\d{1,2})${SEP}(\d{1,2})$`);
const YEAR_LAST_DAY = new RegExp(String.raw`^(\d{1,2})${SEP}(\d{1,2})${SEP}(\d{4})$`);
const YEAR_FIRST_MONTH = new RegExp(String.raw`^(\d{4})${SEP}(\d{1,2})$`);
const YEAR_LAST_MONTH = new RegExp(String.raw`^(\d{1,2})${SEP}(\d{4})$`);

const plausibleYear = (text: string) => /^(19|20|21)\d\d$/.test(text);

function day(year: number, month: number, dayOfMonth: number): DateTextResult {
  if (year < 1000 || month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > daysIn(year, month)) {
    return { kind: "impossible" };
  }
  return { kind: "date", iso: `${pad(year, 4)}-${pad(month)}-${pad(dayOfMonth)}` };
}

function month(year: number, monthOfYear: number): DateTextResult {
  if (year < 1000 || monthOfYear < 1 || monthOfYear > 12) return { kind: "impossible" };
  return { kind: "date", iso: `${pad(year, 4)}-${pad(monthOfYear)}` };
}

/** What a person typed, read as an ISO day (or month). */
export function parseDateText(text: string, locale: Locale, precision: DatePrecision = "day"): DateTextResult {
  const value = text.trim();
  if (!value) return { kind: "empty" };
  if (precision === "month") {
    let m = YEAR_FIRST_MONTH.exec(value);
    if (m) return month(Number(m[1]), Number(m[2]));
    m = YEAR_LAST_MONTH.exec(value);
    if (m) return month(Number(m[2]), Number(m[1]));
    return { kind: "unreadable" };
  }
  let m = YEAR_FIRST_DAY.exec(value);
  if (m) return day(Number(m[1]), Number(m[2]), Number(m[3]));
  m = YEAR_LAST_DAY.exec(value);
  if (m) return day(Number(m[3]), Number(m[2]), Number(m[1]));
  // Eight digits without separators: the year is where a year can be; when both ends could be one, the
  // reader's own order comes first (20122026: 20 December 2026), and the other when that is no date.
  if (/^\d{8}$/.test(value)) {
    const yearFirst = plausibleYear(value.slice(0, 4))
      ? day(Number(value.slice(0, 4)), Number(value.slice(4, 6)), Number(value.slice(6)))
      : null;
    const yearLast = plausibleYear(value.slice(4))
      ? day(Number(value.slice(4)), Number(value.slice(2, 4)), Number(value.slice(0, 2)))
      : null;
    const [preferred, other] = locale === "sv" ? [yearFirst, yearLast] : [yearLast, yearFirst];
    if (preferred?.kind === "date") return preferred;
    if (other?.kind === "date") return other;
    return preferred ?? other ?? { kind: "impossible" };
  }
  return { kind: "unreadable" };
}

/** An ISO day as a local Date for a calendar widget (midnight, the browser's zone), and back. */
export function isoToLocalDate(iso: string | null | undefined): Date | undefined {
  const d = iso ? /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso) : null;
  return d ? new Date(Number(d[1]), Number(d[2]) - 1, Number(d[3] ?? 1)) : undefined;
}

export function localDateToIso(date: Date, precision: DatePrecision = "day"): string {
  const ym = `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}`;
  return precision === "month" ? ym : `${ym}-${pad(date.getDate())}`;
}
