import { describe, expect, it } from "vitest";
import { addBusinessDays, addCalendarDays, complaintDueDates, deadlineClock } from "./deadlines";

/** Day by day, the slow obvious way, to check the closed form against. */
function naiveBusinessDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  let left = n;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const dow = d.getUTCDay();
    if (dow !== 0 && dow !== 6) left--;
  }
  return d.toISOString().slice(0, 10);
}

describe("business days", () => {
  it("skips weekends", () => {
    expect(addBusinessDays("2019-05-03", 1)).toBe("2019-05-06"); // Friday → Monday
    expect(addBusinessDays("2019-05-06", 5)).toBe("2019-05-13");
    expect(addBusinessDays("2019-05-04", 1)).toBe("2019-05-06"); // Saturday → Monday
    expect(addBusinessDays("2019-05-05", 5)).toBe("2019-05-10"); // Sunday → Friday
    expect(addBusinessDays("2019-05-06", 15)).toBe("2019-05-27");
  });
  it("agrees with counting day by day over a year of start dates", () => {
    for (let i = 0; i < 365; i++) {
      const start = addCalendarDays("2019-01-01", i);
      for (const n of [1, 2, 3, 4, 5, 6, 9, 10, 15, 21]) {
        expect(addBusinessDays(start, n), `${start} + ${n}`).toBe(naiveBusinessDays(start, n));
      }
    }
  });
  it("adds calendar days across months and leap days", () => {
    expect(addCalendarDays("2020-02-28", 1)).toBe("2020-02-29");
    expect(addCalendarDays("2018-12-31", 56)).toBe("2019-02-25");
  });
});

describe("complaintDueDates", () => {
  it("defaults to 5 business days and 8 weeks", () => {
    expect(complaintDueDates({ receivedOn: "2019-05-06", rule: null, paymentService: false })).toEqual({
      acknowledgeBy: "2019-05-13",
      respondBy: "2019-07-01",
    });
  });
  it("gives payment-service complaints 15 business days", () => {
    expect(complaintDueDates({ receivedOn: "2019-05-06", rule: null, paymentService: true }).respondBy).toBe(
      "2019-05-27",
    );
  });
  it("uses the market and channel rule, keeping the stricter payment-service limit", () => {
    const rule = {
      acknowledgeDays: 2,
      acknowledgeBusinessDays: false,
      finalResponseDays: 10,
      finalResponseBusinessDays: true,
    };
    expect(complaintDueDates({ receivedOn: "2019-05-06", rule, paymentService: false })).toEqual({
      acknowledgeBy: "2019-05-08",
      respondBy: "2019-05-20",
    });
    expect(complaintDueDates({ receivedOn: "2019-05-06", rule, paymentService: true }).respondBy).toBe("2019-05-20");
  });
});

describe("deadlineClock", () => {
  const base = {
    acknowledgeBy: "2019-05-13",
    respondBy: "2019-07-01",
    acknowledgedAt: null,
    respondedAt: null,
    status: "triaged" as const,
    excludedReason: null,
  };
  it("counts down and turns overdue after the due date", () => {
    expect(deadlineClock({ ...base, today: "2019-05-10" }).acknowledge).toMatchObject({ state: "open", daysLeft: 3 });
    expect(deadlineClock({ ...base, today: "2019-05-13" }).acknowledge.state).toBe("due_today");
    const late = deadlineClock({ ...base, today: "2019-05-14" });
    expect(late.acknowledge).toMatchObject({ state: "overdue", daysLeft: -1 });
    expect(late.overdue).toBe(true);
  });
  it("records met and late deadlines once done", () => {
    const clock = deadlineClock({
      ...base,
      acknowledgedAt: new Date("2019-05-09T10:00:00Z"),
      respondedAt: "2019-07-02T08:00:00Z",
      today: "2019-08-01",
    });
    expect(clock.acknowledge).toMatchObject({ state: "met", doneOn: "2019-05-09" });
    expect(clock.finalResponse).toMatchObject({ state: "late", doneOn: "2019-07-02" });
    expect(clock.overdue).toBe(false);
  });
  it("does not depend on the status except that closing or excluding stops it", () => {
    const a = deadlineClock({ ...base, status: "new", today: "2019-06-01" });
    const b = deadlineClock({ ...base, status: "analysed", today: "2019-06-01" });
    expect(a).toEqual(b);
    expect(deadlineClock({ ...base, status: "closed", today: "2019-09-01" }).overdue).toBe(false);
    expect(deadlineClock({ ...base, excludedReason: "test", today: "2019-09-01" }).overdue).toBe(false);
  });
});
