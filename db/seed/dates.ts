const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * The demo is planned on a fixed canonical timeline (the bank's 2018–2019 table, "today" in January 2020)
 * and then moved by whole months so that its last month is the month before the seed runs. Planning on
 * the canonical calendar keeps every random draw, and so every monthly figure, the same whatever the
 * start month; only the dates move.
 */
export const CANONICAL_START_MONTH = "2020-01";
/** The canonical "today" of the tests that pin the demo to its original dates. */
export const SEED_NOW = new Date("2020-01-10T12:00:00Z");

/** Where the demo lands in time: the start month's offset, in months, from the canonical one. */
export type DemoCalendar = {
  /** The month the seed runs in (YYYY-MM); the data covers the 24 months before it. */
  startMonth: string;
  offset: number;
  /** The seed's real moment: workflows stop here. */
  now: Date;
  /** `now` moved back onto the canonical timeline, where the lifecycles are played. */
  canonicalNow: Date;
};

export function demoCalendar(now: Date): DemoCalendar {
  const startMonth = now.toISOString().slice(0, 7);
  const offset = monthsBetween(CANONICAL_START_MONTH, startMonth);
  return { startMonth, offset, now, canonicalNow: shiftTime(now, -offset) };
}

/** Year and month (1-12) of a `YYYY-MM…` string. */
function yearMonth(month: string): [number, number] {
  const [y, m] = month.split("-").map(Number);
  if (y === undefined || m === undefined) throw new Error(`Not a YYYY-MM month: ${month}`);
  return [y, m];
}

export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = yearMonth(from);
  const [ty, tm] = yearMonth(to);
  return (ty - fy) * 12 + (tm - fm);
}

export function shiftMonth(month: string, months: number): string {
  const [y, m] = yearMonth(month);
  const d = new Date(Date.UTC(y, m - 1 + months, 1));
  return d.toISOString().slice(0, 7);
}

/**
 * A moment `months` later, at the same place within its month: each month is stretched linearly onto
 * its target (31 days onto 28 and back), so the order of events is kept, every moment stays in the
 * month it maps to, and the first of a month stays the first.
 */
export function shiftTime(at: Date, months: number): Date {
  if (months === 0) return at;
  const month = at.toISOString().slice(0, 7);
  const from = monthStart(month);
  const fromLength = monthStart(shiftMonth(month, 1)) - from;
  const target = shiftMonth(month, months);
  const to = monthStart(target);
  const toLength = monthStart(shiftMonth(target, 1)) - to;
  const elapsed = at.getTime() - from;
  return new Date(to + (toLength === fromLength ? elapsed : Math.floor(elapsed * (toLength / fromLength))));
}

/** A day `months` later: where its first moment lands (see `shiftTime`), so later moments of the day land no earlier. */
export function shiftDate(date: string, months: number): string {
  if (months === 0) return date;
  return shiftTime(new Date(`${date}T00:00:00Z`), months)
    .toISOString()
    .slice(0, 10);
}

function monthStart(month: string): number {
  return Date.parse(`${month}-01T00:00:00Z`);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function daysInMonth(month: string): number {
  const [y, m] = yearMonth(month);
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
