import { describe, expect, it } from "vitest";
import {
  type CheckCell,
  checkWindows,
  compareRates,
  evaluateEffectiveness,
  type RateComparison,
  windowTotals,
  withholdSmallCheck,
} from "./effectiveness";
import { storedVerdict, verdictIn, WITHHELD_VERDICT } from "./verdict";

/** The verdict as an English reader reads it once stored. */
const english = (result: RateComparison) => verdictIn(storedVerdict(result.said), "en");

describe("checkWindows", () => {
  it("takes the months before the shipped month and after it, leaving the shipped month out", () => {
    expect(checkWindows("2019-03-01", 6, "2019-12")).toEqual({
      before: { from: "2018-09", to: "2019-02" },
      after: { from: "2019-04", to: "2019-09" },
    });
  });

  it("cuts the after window at the latest month with a volume", () => {
    expect(checkWindows("2019-11-20", 6, "2019-12").after).toEqual({ from: "2019-12", to: "2019-12" });
    expect(checkWindows("2019-01-15", 3, "2019-12")).toEqual({
      before: { from: "2018-10", to: "2018-12" },
      after: { from: "2019-02", to: "2019-04" },
    });
  });

  it("has no after window until a month after shipping has a volume", () => {
    expect(checkWindows("2019-12-02", 6, "2019-12").after).toBeNull();
    expect(checkWindows("2019-12-02", 6, null).after).toBeNull();
  });
});

describe("windowTotals", () => {
  it("counts only months that have a volume, in numerator and denominator", () => {
    const cells: CheckCell[] = [
      { month: "2019-01", complaints: 10, purchases: 1000 },
      { month: "2019-02", complaints: 7, purchases: null },
      { month: "2019-03", complaints: 5, purchases: 500 },
      { month: "2019-04", complaints: 99, purchases: 1000 },
    ];
    expect(windowTotals(cells, { from: "2019-01", to: "2019-03" })).toEqual({
      complaints: 15,
      purchases: 1500,
      months: 2,
    });
    expect(windowTotals(cells, null)).toEqual({ complaints: 0, purchases: 0, months: 0 });
  });

  it("sums several markets' cells of one month", () => {
    const cells: CheckCell[] = [
      { month: "2019-01", complaints: 4, purchases: 1000 },
      { month: "2019-01", complaints: 2, purchases: 500 },
    ];
    expect(windowTotals(cells, { from: "2019-01", to: "2019-01" })).toEqual({
      complaints: 6,
      purchases: 1500,
      months: 1,
    });
  });
});

describe("compareRates", () => {
  it("reports a fall with its interval (known numbers)", () => {
    const result = compareRates(
      { complaints: 100, purchases: 1_000_000, months: 6 },
      { complaints: 58, purchases: 1_000_000, months: 6 },
    );
    expect(result.rateBefore).toBe(100);
    expect(result.rateAfter).toBe(58);
    expect(result.rateRatio).toBeCloseTo(0.58, 10);
    // SE = sqrt(1/58 + 1/100) = 0.165049; exp(ln 0.58 ± 1.96 SE)
    expect(result.ciLow).toBeCloseTo(0.41972, 4);
    expect(result.ciHigh).toBeCloseTo(0.80148, 4);
    expect(result.kind).toBe("fewer");
    expect(result.corrected).toBe(false);
    expect(english(result)).toBe("Fewer complaints after shipping: the rate fell 42 % (95 % CI 20–58 %)");
  });

  it("weighs the rates by purchases", () => {
    const result = compareRates(
      { complaints: 200, purchases: 4_000_000, months: 6 },
      { complaints: 120, purchases: 2_000_000, months: 3 },
    );
    expect(result.rateBefore).toBe(50);
    expect(result.rateAfter).toBe(60);
    expect(result.rateRatio).toBeCloseTo(1.2, 10);
    expect(result.kind).toBe("no_change");
    expect(english(result)).toMatch(/^No clear change: the rate rose 20 %, but the 95 % CI runs from −4 to \+50 %$/);
  });

  it("reports a rise", () => {
    const result = compareRates(
      { complaints: 50, purchases: 1_000_000, months: 6 },
      { complaints: 150, purchases: 1_000_000, months: 6 },
    );
    expect(result.kind).toBe("more");
    expect(english(result)).toMatch(/^More complaints after shipping: the rate rose 200 % \(95 % CI \d+–\d+ %\)$/);
  });

  it("adds 0.5 to both counts when one is zero, and says so", () => {
    const result = compareRates(
      { complaints: 40, purchases: 1_000_000, months: 6 },
      { complaints: 0, purchases: 1_000_000, months: 6 },
    );
    expect(result.corrected).toBe(true);
    expect(result.rateAfter).toBe(0);
    expect(result.rateRatio).toBeCloseTo(0.5 / 40.5, 10);
    expect(result.ciHigh).toBeCloseTo(Math.exp(Math.log(0.5 / 40.5) + 1.959964 * Math.sqrt(1 / 0.5 + 1 / 40.5)), 5);
    expect(Number.isFinite(result.ciLow!)).toBe(true);
    expect(result.kind).toBe("fewer");
    expect(english(result)).toMatch(
      /^Fewer complaints.*\. One window had no complaints, so 0\.5 was added .*correction\)$/,
    );
  });

  it("finds no clear change when both windows are empty", () => {
    const result = compareRates(
      { complaints: 0, purchases: 1_000_000, months: 6 },
      { complaints: 0, purchases: 1_000_000, months: 6 },
    );
    expect(result).toMatchObject({ kind: "no_change", corrected: true, rateRatio: 1 });
  });

  it("says there is not enough data without a month after shipping", () => {
    const result = compareRates(
      { complaints: 40, purchases: 1_000_000, months: 6 },
      { complaints: 0, purchases: 0, months: 0 },
    );
    expect(result).toMatchObject({
      kind: "not_enough_after",
      rateRatio: null,
      ciLow: null,
      ciHigh: null,
      rateBefore: 40,
      rateAfter: null,
    });
    expect(english(result)).toBe("Not enough data yet (needs at least one month after shipping with a volume)");
  });

  it("says there is not enough data without a month before shipping", () => {
    const result = compareRates(
      { complaints: 0, purchases: 0, months: 0 },
      { complaints: 3, purchases: 1000, months: 1 },
    );
    expect(result.kind).toBe("not_enough_before");
  });
});

describe("evaluateEffectiveness", () => {
  it("puts the windows and the comparison together", () => {
    const cells: CheckCell[] = [
      { month: "2019-01", complaints: 30, purchases: 100_000 },
      { month: "2019-02", complaints: 99, purchases: 100_000 },
      { month: "2019-03", complaints: 10, purchases: 100_000 },
    ];
    const result = evaluateEffectiveness(cells, checkWindows("2019-02-10", 1, "2019-03"));
    expect(result.beforeTotals).toEqual({ complaints: 30, purchases: 100_000, months: 1 });
    expect(result.afterTotals).toEqual({ complaints: 10, purchases: 100_000, months: 1 });
    expect(result.rateRatio).toBeCloseTo(1 / 3, 10);
  });
});

describe("withholdSmallCheck", () => {
  const check = (beforeComplaints: number, afterComplaints: number) => ({
    beforeComplaints,
    afterComplaints,
    rateBefore: 1,
    rateAfter: 1,
    rateRatio: 1,
    ciLow: 0.5,
    ciHigh: 2,
    verdict: "No clear change",
  });

  it("withholds a window of 1 to 4 complaints only for roles that see aggregates only", () => {
    expect(withholdSmallCheck(check(4, 30), true)).toMatchObject({
      beforeComplaints: null,
      afterComplaints: null,
      rateRatio: null,
      withheld: true,
      verdict: WITHHELD_VERDICT,
    });
    expect(withholdSmallCheck(check(30, 1), true).withheld).toBe(true);
    expect(withholdSmallCheck(check(4, 30), false)).toMatchObject({ beforeComplaints: 4, withheld: false });
    // Zero singles out nobody; five or more is an aggregate.
    expect(withholdSmallCheck(check(0, 5), true)).toMatchObject({
      beforeComplaints: 0,
      afterComplaints: 5,
      withheld: false,
    });
  });
});
