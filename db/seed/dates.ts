const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** The demo's "today": data ends with 2019 and the most recent complaints are still being worked on. */
export const SEED_NOW = new Date("2020-01-10T12:00:00Z");

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function daysInMonth(month: string): number {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isWeekend(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

export function addHours(at: Date, hours: number): Date {
  return new Date(at.getTime() + hours * HOUR_MS);
}

/** A moment on the given day, in office hours (07–16 UTC, 08–18 in Stockholm and Oslo). */
export function atOfficeHour(date: string, hourFraction: number): Date {
  return addHours(new Date(`${date}T07:00:00Z`), hourFraction * 9);
}
