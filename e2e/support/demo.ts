import { demoCalendar, shiftDate, shiftMonth } from "@/db/seed/dates";

/*
 * The e2e server seeds the demo on its first start, today: its data covers the 24 months before this
 * month, the bank's 2018–2019 moved in time. Specs name demo months as the bank's table does
 * ("2019-07") and read them through these helpers, so they hold whatever month they run in.
 */
const { offset } = demoCalendar(new Date());

/** The demo month that stands for a month of the bank's 2018–2019 table: "2019-07" → seven months before the last. */
export function demoMonth(canonical: string): string {
  return shiftMonth(canonical, offset);
}

/** The first day of the demo month for `canonical` (YYYY-MM). */
export function demoFirstDay(canonical: string): string {
  return `${demoMonth(canonical)}-01`;
}

/** The last day of the demo month for `canonical` (YYYY-MM). */
export function demoLastDay(canonical: string): string {
  const [y, m] = demoMonth(canonical).split("-").map(Number);
  return new Date(Date.UTC(y!, m!, 0)).toISOString().slice(0, 10);
}

/** A day of the bank's timeline moved into the demo (`2019-03-01` → the first of the demo's month for it). */
export function demoDay(canonical: string): string {
  return shiftDate(canonical, offset);
}
