import { describe, expect, it } from "vitest";
import { uChart } from "./control-chart";

describe("uChart", () => {
  it("draws ū ± 3·√(ū/nᵢ) per month and flags months outside", () => {
    // ū = (30 + 10 + 100) / 3,000,000 = 46.667 per million.
    // For n = 1,000,000: σ = √(46.667e-6 / 1e6) = 6.8313e-6 → 6.8313 per million; 3σ = 20.494.
    // Limits 26.173 … 67.161: January (30) is noise, February (10) a real fall, March (100) a real rise.
    const chart = uChart([
      { month: "2019-01", complaints: 30, purchases: 1_000_000 },
      { month: "2019-02", complaints: 10, purchases: 1_000_000 },
      { month: "2019-03", complaints: 100, purchases: 1_000_000 },
    ]);
    expect(chart.centre).toBeCloseTo(46.6667, 3);
    const [jan, feb, mar] = chart.points;
    expect(jan!.upper).toBeCloseTo(67.161, 2);
    expect(jan!.lower).toBeCloseTo(26.173, 2);
    expect(jan!.signal).toBeNull();
    expect(feb!.signal).toBe("below");
    expect(mar!.signal).toBe("above");
  });

  it("widens the limits for a month with fewer purchases", () => {
    // ū = (40 + 4) / 1,100,000 = 40 per million. For n = 100,000: 3σ = 3·√(40e-6 / 1e5) = 60 per million.
    const chart = uChart([
      { month: "2019-01", complaints: 40, purchases: 1_000_000 },
      { month: "2019-02", complaints: 4, purchases: 100_000 },
    ]);
    expect(chart.centre).toBeCloseTo(40, 10);
    expect(chart.points[1]!.upper).toBeCloseTo(100, 8);
    expect(chart.points[1]!.lower).toBe(0);
    // For n = 1,000,000: 3σ = 3·√(40e-6 / 1e6) = 18.974 per million.
    expect(chart.points[0]!.upper).toBeCloseTo(58.974, 3);
    expect(chart.points[0]!.lower).toBeCloseTo(21.026, 3);
  });

  it("leaves months without volume out of the centre line and without limits", () => {
    const chart = uChart([
      { month: "2019-01", complaints: 20, purchases: 1_000_000 },
      { month: "2019-02", complaints: 500, purchases: null },
    ]);
    expect(chart.centre).toBe(20);
    expect(chart.points[1]).toMatchObject({ perMillion: null, upper: null, lower: null, signal: null });
  });

  it("has no centre line without any volume", () => {
    expect(uChart([{ month: "2019-01", complaints: 3, purchases: null }]).centre).toBeNull();
  });
});
