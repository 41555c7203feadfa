/** Calendar months as `YYYY-MM` strings: the metric's unit of time. */

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
  return MONTH_PATTERN.test(value);
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function yearOf(month: string): number {
  return Number(month.slice(0, 4));
}

export function monthNumber(month: string): number {
  return Number(month.slice(5, 7));
}

export function toMonth(year: number, monthNo: number): string {
  return `${year}-${String(monthNo).padStart(2, "0")}`;
}

export function addMonths(month: string, delta: number): string {
  const index = yearOf(month) * 12 + monthNumber(month) - 1 + delta;
  return toMonth(Math.floor(index / 12), (index % 12) + 1);
}

/** Every month from `from` to `to`, both included; empty when `to` is before `from`. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) months.push(m);
  return months;
}

/** The first day of the month and the first day of the next, for `received_on` range filters. */
export function monthRange(from: string, to: string): { start: string; end: string } {
  return { start: `${from}-01`, end: `${addMonths(to, 1)}-01` };
}

export function currentMonth(now = new Date()): string {
  return toMonth(now.getUTCFullYear(), now.getUTCMonth() + 1);
}
