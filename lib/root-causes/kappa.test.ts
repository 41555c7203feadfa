import { describe, expect, it } from "vitest";
import { type CodePair, cohensKappa, kappaFor, kappaVerdict } from "./kappa";

const repeat = (pair: CodePair, times: number) => Array.from({ length: times }, () => pair);

describe("cohensKappa", () => {
  it("matches a worked example: 50 items, 70 % observed, 50 % by chance, kappa 0.4", () => {
    // Yes/yes 20, yes/no 5, no/yes 10, no/no 15 (the textbook table).
    const pairs = [
      ...repeat({ a: "yes", b: "yes" }, 20),
      ...repeat({ a: "yes", b: "no" }, 5),
      ...repeat({ a: "no", b: "yes" }, 10),
      ...repeat({ a: "no", b: "no" }, 15),
    ];
    const k = cohensKappa(pairs);
    expect(k.n).toBe(50);
    expect(k.observed).toBeCloseTo(0.7);
    expect(k.expected).toBeCloseTo(0.5);
    expect(k.kappa).toBeCloseTo(0.4);
    // SE = sqrt(0.7 × 0.3 / (50 × 0.25)) ≈ 0.1296.
    expect(k.low).toBeCloseTo(0.4 - 1.96 * 0.1296, 3);
    expect(k.high).toBeCloseTo(0.4 + 1.96 * 0.1296, 3);
  });

  it("is 1 for perfect agreement, 0 or less for agreement no better than chance, and counts 'none' as a code", () => {
    expect(
      cohensKappa([
        { a: "x", b: "x" },
        { a: "y", b: "y" },
        { a: null, b: null },
      ]).kappa,
    ).toBeCloseTo(1);
    expect(
      cohensKappa([
        { a: "x", b: "y" },
        { a: "y", b: "x" },
      ]).kappa,
    ).toBeCloseTo(-1);
    expect(
      cohensKappa([
        { a: "x", b: null },
        { a: null, b: "x" },
        { a: "x", b: "x" },
        { a: null, b: null },
      ]).kappa,
    ).toBeCloseTo(0);
  });

  it("is undefined when there is nothing to compare or both used one code throughout", () => {
    expect(cohensKappa([]).kappa).toBeNull();
    const same = cohensKappa(repeat({ a: "x", b: "x" }, 4));
    expect(same).toMatchObject({ observed: 1, expected: 1, kappa: null });
  });

  it("measures one root cause alone as given or not", () => {
    const pairs: CodePair[] = [
      { a: "x", b: "x" },
      { a: "x", b: "y" },
      { a: "y", b: "y" },
      { a: "z", b: "z" },
    ];
    // For x: given/given, given/not, not/not, not/not.
    expect(kappaFor(pairs, "x").observed).toBeCloseTo(0.75);
    expect(kappaFor(pairs, "z").kappa).toBeCloseTo(1);
  });
});

describe("kappaVerdict", () => {
  it("reads kappa in Landis and Koch's bands", () => {
    expect([null, -0.1, 0.1, 0.3, 0.5, 0.7, 0.9].map(kappaVerdict)).toEqual([
      "not defined",
      "poor (below chance)",
      "slight",
      "fair",
      "moderate",
      "substantial",
      "almost perfect",
    ]);
  });
});
