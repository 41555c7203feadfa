import { describe, expect, it } from "vitest";
import { demoCalendar, shiftDate, shiftMonth, shiftTime } from "./dates";

describe("moving the demo in time", () => {
  it("moves months and keeps the days of months of the same length", () => {
    expect(shiftMonth("2019-12", 1)).toBe("2020-01");
    expect(shiftMonth("2018-01", 83)).toBe("2024-12");
    expect(shiftDate("2019-01-15", 78)).toBe("2025-07-15");
    expect(shiftDate("2019-03-01", 7)).toBe("2019-10-01");
  });

  it("stretches a month onto a shorter one without leaving it or changing the order of events", () => {
    expect(shiftDate("2019-01-31", 1)).toBe("2019-02-28");
    expect(shiftDate("2019-01-01", 1)).toBe("2019-02-01");
    const moments = ["2019-01-30T16:00:00Z", "2019-01-31T07:00:00Z", "2019-01-31T08:00:00Z", "2019-02-01T00:00:00Z"];
    const moved = moments.map((m) => shiftTime(new Date(m), 1).getTime());
    expect(moved).toEqual([...moved].sort((a, b) => a - b));
    expect(new Set(moved).size).toBe(4);
    expect(shiftTime(new Date("2019-01-31T23:59:59Z"), 1).toISOString().slice(0, 7)).toBe("2019-02");
  });

  it("places the seed's moment on the canonical January 2020 and back", () => {
    const now = new Date("2026-02-27T10:15:00Z");
    const calendar = demoCalendar(now);
    expect(calendar).toMatchObject({ startMonth: "2026-02", offset: 73 });
    expect(calendar.canonicalNow.toISOString().slice(0, 7)).toBe("2020-01");
    expect(Math.abs(shiftTime(calendar.canonicalNow, 73).getTime() - now.getTime())).toBeLessThan(1000);
  });
});
