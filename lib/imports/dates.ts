import type { DateFormat } from "./fields";

// Capture groups holding the year, month and day.
const PATTERNS: Record<DateFormat, { re: RegExp; y: number; m: number; d: number }> = {
  "YYYY-MM-DD": { re: /^(\d{4})-(\d{2})-(\d{2})$/, y: 1, m: 2, d: 3 },
  "YYYY/M/D": { re: /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/, y: 1, m: 2, d: 3 },
  "DD.MM.YYYY": { re: /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, y: 3, m: 2, d: 1 },
  "MM/DD/YYYY": { re: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, y: 3, m: 1, d: 2 },
};

/**
 * A calendar date in the given format as `YYYY-MM-DD`, or null when it does not match or names
 * no real day. Only the one format is tried: guessing between 03/04 and 04/03 silently moves
 * complaints between metric months.
 */
export function parseDate(value: string, format: DateFormat): string | null {
  const pattern = PATTERNS[format];
  const match = pattern.re.exec(value);
  if (!match) return null;
  const y = Number(match[pattern.y]);
  const m = Number(match[pattern.m]);
  const d = Number(match[pattern.d]);
  if (m < 1 || m > 12 || d < 1) return null;
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > daysInMonth) return null;
  // A valid date already in the stored form (the canonical format's) is returned as it is.
  if (format === "YYYY-MM-DD") return value;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}
