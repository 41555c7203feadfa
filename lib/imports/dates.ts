import type { DateFormat } from "./fields";

const PATTERNS: Record<DateFormat, { re: RegExp; order: ["y", "m", "d"] | ["d", "m", "y"] | ["m", "d", "y"] }> = {
  "YYYY-MM-DD": { re: /^(\d{4})-(\d{2})-(\d{2})$/, order: ["y", "m", "d"] },
  "YYYY/M/D": { re: /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/, order: ["y", "m", "d"] },
  "DD.MM.YYYY": { re: /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, order: ["d", "m", "y"] },
  "MM/DD/YYYY": { re: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, order: ["m", "d", "y"] },
};

/**
 * A calendar date in the given format as `YYYY-MM-DD`, or null when it does not match or names
 * no real day. Only the one format is tried: guessing between 03/04 and 04/03 silently moves
 * complaints between metric months.
 */
export function parseDate(value: string, format: DateFormat): string | null {
  const { re, order } = PATTERNS[format];
  const match = re.exec(value);
  if (!match) return null;
  const parts: Record<string, number> = {};
  order.forEach((key, i) => (parts[key] = Number(match[i + 1])));
  const { y, m, d } = parts;
  if (m < 1 || m > 12 || d < 1) return null;
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > daysInMonth) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}
