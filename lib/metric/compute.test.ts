import { describe, expect, it } from "vitest";
import {
  combine,
  latestMonth,
  type MonthCell,
  monthlyFigures,
  perMillion,
  resolveTarget,
  targetsByYear,
  yearlyFigures,
  yearToDate,
} from "./compute";
import { addMonths, monthsBetween } from "./months";

const se = (month: string, complaints: number, purchases: number | null): MonthCell => ({
  market: "SE",
  month,
  complaints,
  purchases,
});

describe("perMillion", () => {
  it("is complaints per one million purchases", () => {
    expect(perMillion(40, 1_000_000)).toBe(40);
    expect(perMillion(3, 250_000)).toBe(12);
  });

  it("is null without purchases, never zero or infinite", () => {
    expect(perMillion(5, null)).toBeNull();
    expect(perMillion(5, 0)).toBeNull();
    expect(perMillion(0, 0)).toBeNull();
    expect(perMillion(0, 1000)).toBe(0);
  });
});

describe("combine (volume-weighted periods)", () => {
  it("divides total complaints by total purchases, not the mean of the monthly figures", () => {
    // January 40 per million on 1,000,000 purchases; February 100 per million on 100,000 purchases.
    // Mean of months: (40 + 100) / 2 = 70. Weighted: 50 / 1,100,000 × 1e6 = 45.4545…
    const year = combine([se("2018-01", 40, 1_000_000), se("2018-02", 10, 100_000)]);
    expect(year.perMillion).toBeCloseTo(45.454545, 5);
    expect(year.perMillion).not.toBeCloseTo(70, 0);
    expect(year.complaints).toBe(50);
    expect(year.purchases).toBe(1_100_000);
  });

  it("leaves a month without volume out of the numerator and the denominator, but lists its complaints", () => {
    // March has 7 complaints and no volume: the figure stays 50 / 1,100,000; the 7 are still counted.
    const year = combine([se("2018-01", 40, 1_000_000), se("2018-02", 10, 100_000), se("2018-03", 7, null)]);
    expect(year.perMillion).toBeCloseTo(45.454545, 5);
    expect(year.complaints).toBe(57);
    expect(year.purchases).toBe(1_100_000);
  });

  it("has no figure when no month has a volume", () => {
    expect(combine([se("2018-01", 3, null)])).toEqual({ complaints: 3, purchases: null, perMillion: null });
    expect(combine([])).toEqual({ complaints: 0, purchases: null, perMillion: null });
  });

  it("treats a zero volume as no figure and keeps its complaints out of the figure", () => {
    const figure = combine([se("2018-01", 20, 500_000), se("2018-02", 4, 0)]);
    expect(figure.perMillion).toBe(40);
    expect(figure.purchases).toBe(500_000);
  });
});

describe("monthlyFigures and yearlyFigures", () => {
  it("sums numerators and denominators across markets (all markets)", () => {
    // SE 40 / 1,000,000 and NO 5 / 250,000: all markets 45 / 1,250,000 = 36 (not the mean 30).
    const cells: MonthCell[] = [
      se("2018-01", 40, 1_000_000),
      { market: "NO", month: "2018-01", complaints: 5, purchases: 250_000 },
    ];
    const [january] = monthlyFigures(cells, "2018-01", "2018-01");
    expect(january).toEqual({ month: "2018-01", complaints: 45, purchases: 1_250_000, perMillion: 36 });
  });

  it("leaves a market-month without volume out of the all-markets figure", () => {
    const cells: MonthCell[] = [
      se("2018-01", 40, 1_000_000),
      { market: "NO", month: "2018-01", complaints: 9, purchases: null },
    ];
    const [january] = monthlyFigures(cells, "2018-01", "2018-01");
    expect(january!.perMillion).toBe(40);
    expect(january!.complaints).toBe(49);
  });

  it("fills every month of the range, with null figures where nothing is known", () => {
    const months = monthlyFigures([se("2018-02", 8, 200_000)], "2018-01", "2018-03");
    expect(months.map((m) => [m.month, m.perMillion])).toEqual([
      ["2018-01", null],
      ["2018-02", 40],
      ["2018-03", null],
    ]);
    expect(months[0]).toEqual({ month: "2018-01", complaints: 0, purchases: null, perMillion: null });
  });

  it("gives one weighted figure per year of the range, with its target", () => {
    const cells = [se("2018-11", 30, 1_000_000), se("2018-12", 60, 1_000_000), se("2019-01", 9, 300_000)];
    const years = yearlyFigures(cells, "2018-12", "2019-01", (y) => (y === 2019 ? 36 : null));
    expect(years).toEqual([
      { year: 2018, complaints: 60, purchases: 1_000_000, perMillion: 60, target: null },
      { year: 2019, complaints: 9, purchases: 300_000, perMillion: 30, target: 36 },
    ]);
  });
});

describe("targets", () => {
  it("takes an absolute target as it is", () => {
    expect(resolveTarget({ year: 2018, kind: "absolute", value: 40 }, null)).toBe(40);
  });

  it("reduces the previous year's figure by a percentage (40 − 10 % = 36)", () => {
    expect(resolveTarget({ year: 2019, kind: "reduction", value: 10 }, 40)).toBeCloseTo(36, 10);
  });

  it("has no reduction target without a previous figure, and none without a target", () => {
    expect(resolveTarget({ year: 2019, kind: "reduction", value: 10 }, null)).toBeNull();
    expect(resolveTarget(undefined, 40)).toBeNull();
  });

  it("reduces from the previous year's weighted figure, not the mean of its months", () => {
    // 2018: 40 on 1,000,000 and 10 on 100,000 → weighted 45.4545…; −10 % → 40.9090…
    const cells = [se("2018-01", 40, 1_000_000), se("2018-02", 10, 100_000)];
    const resolved = targetsByYear([{ year: 2019, kind: "reduction", value: 10 }], cells);
    expect(resolved.get(2019)).toBeCloseTo(40.909091, 5);
  });
});

describe("yearToDate", () => {
  it("compares January–through with the same months a year earlier and with the target", () => {
    const cells = [
      se("2018-01", 40, 1_000_000),
      se("2018-02", 40, 1_000_000),
      se("2018-03", 100, 1_000_000), // outside the comparison: 2019 only runs through February
      se("2019-01", 30, 1_000_000),
      se("2019-02", 42, 1_000_000),
    ];
    const ytd = yearToDate(cells, "2019-02", 36);
    expect(ytd.current.perMillion).toBe(36);
    expect(ytd.previous.perMillion).toBe(40);
    expect(ytd.changeFromPrevious).toBeCloseTo(-0.1, 10);
    expect(ytd.againstTarget).toBeCloseTo(0, 10);
  });
});

describe("latestMonth", () => {
  it("takes the latest month with a figure and its change from the month before and the year before", () => {
    const cells = monthsBetween("2018-01", "2019-02").map((m, i) => se(m, 20 + i, 1_000_000));
    cells.push(se("2019-03", 5, null));
    const months = monthlyFigures(cells, "2018-01", "2019-03");
    const latest = latestMonth(months);
    expect(latest?.month).toBe("2019-02");
    expect(latest?.figure.perMillion).toBe(33);
    expect(latest?.changeFromPreviousMonth).toBeCloseTo(33 / 32 - 1, 10);
    expect(latest?.sameMonthLastYear?.month).toBe("2018-02");
    expect(latest?.changeFromLastYear).toBeCloseTo(33 / 21 - 1, 10);
  });

  it("is null when no month has a figure", () => {
    expect(latestMonth(monthlyFigures([], "2019-01", "2019-02"))).toBeNull();
  });
});

describe("months", () => {
  it("steps across year ends", () => {
    expect(addMonths("2018-12", 1)).toBe("2019-01");
    expect(addMonths("2019-01", -1)).toBe("2018-12");
    expect(addMonths("2019-03", -14)).toBe("2018-01");
    expect(monthsBetween("2018-11", "2019-02")).toEqual(["2018-11", "2018-12", "2019-01", "2019-02"]);
  });
});
