import { describe, expect, it } from "vitest";
import { actionRateOf, buildReport, type ReportInput } from "./report";

const base = (over: Partial<ReportInput> = {}): ReportInput => ({
  period: { from: "2019-01", to: "2019-03" },
  previous: { from: "2018-10", to: "2018-12" },
  causes: [],
  scope: [],
  volumes: [],
  names: new Map([
    ["a", "Missed due date"],
    ["b", "Unclear product name"],
  ]),
  actions: new Map(),
  suppressSmallCells: false,
  ...over,
});

const months = (list: string[], purchases: number) => list.map((month) => ({ market: "SE", month, purchases }));

describe("buildReport", () => {
  it("rates tagged complaints per million purchases of the months that have a volume, a month without complaints included", () => {
    const report = buildReport(
      base({
        // January and February have volumes; March has complaints but no volume yet.
        volumes: months(["2019-01", "2019-02"], 500_000),
        causes: [
          { rootCauseId: "a", market: "SE", month: "2019-01", complaints: 10, primary: 8 },
          { rootCauseId: "a", market: "SE", month: "2019-03", complaints: 4, primary: 4 },
        ],
        scope: [
          { market: "SE", month: "2019-01", complaints: 40 },
          { market: "SE", month: "2019-03", complaints: 10 },
        ],
      }),
    );
    const [a] = report.rootCauses;
    expect(a!.complaints).toBe(14);
    expect(a!.primary).toBe(12);
    // 10 complaints in the covered months over 1,000,000 purchases (February adds purchases, not complaints).
    expect(a!.perMillion).toBeCloseTo(10);
    // Per month as well: February's zero is a real zero (it has purchases), March without volume is a gap.
    expect(a!.months).toEqual([
      { month: "2019-01", complaints: 10, perMillion: 20 },
      { month: "2019-02", complaints: 0, perMillion: 0 },
      { month: "2019-03", complaints: 4, perMillion: null },
    ]);
    expect(report.purchases).toBe(1_000_000);
    expect(report.monthsWithoutVolume).toEqual(["2019-03"]);
    expect(report.complaints).toBe(50);
    expect(report.tagged).toBe(12);
    expect(report.coverage).toBeCloseTo(12 / 50);
  });

  it("compares each cause's rate with the previous period and keeps causes that fell to zero", () => {
    const report = buildReport(
      base({
        volumes: [
          ...months(["2018-10", "2018-11", "2018-12"], 1_000_000),
          ...months(["2019-01", "2019-02", "2019-03"], 2_000_000),
        ],
        causes: [
          { rootCauseId: "a", market: "SE", month: "2018-11", complaints: 30, primary: 30 },
          { rootCauseId: "a", market: "SE", month: "2019-02", complaints: 30, primary: 20 },
          { rootCauseId: "b", market: "SE", month: "2018-12", complaints: 6, primary: 6 },
          { rootCauseId: "b", market: "SE", month: "2019-01", complaints: 10, primary: 10 },
        ],
      }),
    );
    const byId = new Map(report.rootCauses.map((r) => [r.id, r]));
    // a: 30 on 3M before (10 per million), 30 on 6M now (5 per million): halved.
    expect(byId.get("a")!.previous).toMatchObject({ complaints: 30, perMillion: 10 });
    expect(byId.get("a")!.perMillion).toBeCloseTo(5);
    expect(byId.get("a")!.changeInRate).toBeCloseTo(-0.5);
    // Shares are of tagged complaints (primary tags): 30 of 30 and 10 of 30.
    expect(byId.get("a")!.share).toBeCloseTo(1);
    expect(byId.get("b")!.share).toBeCloseTo(1 / 3);
    expect(report.rootCauses.map((r) => r.id)).toEqual(["a", "b"]);

    const gone = buildReport(
      base({ causes: [{ rootCauseId: "b", market: "SE", month: "2018-12", complaints: 6, primary: 6 }] }),
    );
    expect(gone.rootCauses).toHaveLength(1);
    expect(gone.rootCauses[0]).toMatchObject({ id: "b", complaints: 0, previous: { complaints: 6 } });
  });

  it("adds up the Pareto: causes by count, each with its cumulative share of all tags, reaching 100 %", () => {
    const report = buildReport(
      base({
        names: new Map([
          ["a", "Missed due date"],
          ["b", "Unclear product name"],
          ["c", "Slow refund"],
        ]),
        causes: [
          { rootCauseId: "b", market: "SE", month: "2019-01", complaints: 30, primary: 30 },
          { rootCauseId: "a", market: "SE", month: "2019-02", complaints: 60, primary: 50 },
          { rootCauseId: "c", market: "SE", month: "2019-03", complaints: 10, primary: 10 },
          // The previous period's tags are not this period's Pareto.
          { rootCauseId: "c", market: "SE", month: "2018-12", complaints: 500, primary: 500 },
        ],
      }),
    );
    expect(report.rootCauses.map((r) => [r.id, r.complaints, r.cumulativeShare])).toEqual([
      ["a", 60, 0.6],
      ["b", 30, 0.9],
      ["c", 10, 1],
    ]);
  });

  it("compares periods on tagged complaints, with each period's coverage, so unfinished tagging is no fall", () => {
    const report = buildReport(
      base({
        causes: [
          { rootCauseId: "a", market: "SE", month: "2018-11", complaints: 50, primary: 50 },
          { rootCauseId: "b", market: "SE", month: "2018-11", complaints: 50, primary: 50 },
          // Half of this period's complaints are tagged yet: the counts halve, the mix does not.
          { rootCauseId: "a", market: "SE", month: "2019-02", complaints: 25, primary: 25 },
          { rootCauseId: "b", market: "SE", month: "2019-02", complaints: 25, primary: 25 },
        ],
        scope: [
          { market: "SE", month: "2018-11", complaints: 100 },
          { market: "SE", month: "2019-02", complaints: 100 },
        ],
      }),
    );
    expect(report).toMatchObject({ coverage: 0.5, previousCoverage: 1, previousComplaints: 100, previousTagged: 100 });
    const a = report.rootCauses.find((r) => r.id === "a")!;
    expect(a.complaints).toBe(25);
    expect(a.previous).toMatchObject({ complaints: 50, share: 0.5 });
    expect(a.share).toBe(0.5);
    expect(a.changeInShare).toBe(0);
  });

  it("has no rate without any volume, never zero", () => {
    const report = buildReport(
      base({ causes: [{ rootCauseId: "a", market: "SE", month: "2019-01", complaints: 3, primary: 3 }] }),
    );
    expect(report.rootCauses[0]!.perMillion).toBeNull();
    expect(report.rootCauses[0]!.months.map((m) => m.perMillion)).toEqual([null, null, null]);
    expect(report.rootCauses[0]!.changeInRate).toBeNull();
    expect(report.purchases).toBeNull();
  });

  it("withholds 1 to 4 complaints from roles that see aggregates only, zeros and larger cells kept", () => {
    const input = base({
      volumes: months(["2018-12", "2019-01", "2019-02", "2019-03"], 1_000_000),
      causes: [
        { rootCauseId: "a", market: "SE", month: "2018-12", complaints: 3, primary: 3 },
        { rootCauseId: "a", market: "SE", month: "2019-01", complaints: 20, primary: 18 },
        { rootCauseId: "a", market: "SE", month: "2019-02", complaints: 2, primary: 2 },
        { rootCauseId: "b", market: "SE", month: "2019-01", complaints: 4, primary: 2 },
      ],
      scope: [{ market: "SE", month: "2019-01", complaints: 60 }],
    });
    const open = buildReport(input);
    expect(open.rootCauses.every((r) => !r.suppressed)).toBe(true);

    const report = buildReport({ ...input, suppressSmallCells: true });
    const [a, b] = report.rootCauses;
    expect(a).toMatchObject({
      id: "a",
      complaints: 22,
      suppressed: false,
      previous: { complaints: null, perMillion: null },
    });
    // The previous period's 3 would show through the change, so the change goes too.
    expect(a!.changeInRate).toBeNull();
    // February's 2 would be the total 22 minus January's 20: January is withheld with it.
    // A withheld month's rate goes with it: count = rate × purchases.
    expect(a!.months).toEqual([
      { month: "2019-01", complaints: null, perMillion: null },
      { month: "2019-02", complaints: null, perMillion: null },
      { month: "2019-03", complaints: 0, perMillion: 0 },
    ]);
    expect(open.rootCauses[0]!.months.map((m) => m.perMillion)).toEqual([20, 2, 0]);
    // b's 2 primary tags would be the 22 tagged minus a's 20: a's primary count is withheld with it.
    expect(a!.primary).toBeNull();
    expect(b).toMatchObject({
      id: "b",
      complaints: null,
      primary: null,
      share: null,
      perMillion: null,
      suppressed: true,
    });
    expect(b!.months.every((m) => m.complaints === null)).toBe(true);
    expect(report.complaints).toBe(60);
    expect(report.tagged).toBe(22);
  });

  it("rates each month across markets on the markets that have that month's volume", () => {
    const report = buildReport(
      base({
        volumes: [
          { market: "SE", month: "2019-01", purchases: 1_000_000 },
          { market: "NO", month: "2019-01", purchases: 1_000_000 },
          { market: "SE", month: "2019-02", purchases: 2_000_000 },
        ],
        causes: [
          { rootCauseId: "a", market: "SE", month: "2019-01", complaints: 6, primary: 6 },
          { rootCauseId: "a", market: "NO", month: "2019-01", complaints: 2, primary: 2 },
          { rootCauseId: "a", market: "SE", month: "2019-02", complaints: 4, primary: 4 },
          // NO has no February volume: its complaints are counted, not rated.
          { rootCauseId: "a", market: "NO", month: "2019-02", complaints: 9, primary: 9 },
        ],
      }),
    );
    expect(report.rootCauses[0]!.months).toEqual([
      { month: "2019-01", complaints: 8, perMillion: 4 },
      { month: "2019-02", complaints: 13, perMillion: 2 },
      { month: "2019-03", complaints: 0, perMillion: null },
    ]);
  });

  it("leaves a row alone when two or more of its months are withheld already", () => {
    const report = buildReport(
      base({
        suppressSmallCells: true,
        causes: [
          { rootCauseId: "a", market: "SE", month: "2019-01", complaints: 3, primary: 3 },
          { rootCauseId: "a", market: "SE", month: "2019-02", complaints: 2, primary: 2 },
          { rootCauseId: "a", market: "SE", month: "2019-03", complaints: 30, primary: 30 },
          { rootCauseId: "b", market: "SE", month: "2019-03", complaints: 40, primary: 40 },
        ],
      }),
    );
    const a = report.rootCauses.find((r) => r.id === "a")!;
    expect(a.months.map((m) => m.complaints)).toEqual([null, null, 30]);
    expect(report.rootCauses.map((r) => r.primary)).toEqual([40, 35]);
  });
});

describe("actionRateOf", () => {
  it("counts the causes behind 80 % of the tags that have an open or shipped action", () => {
    const report = buildReport(
      base({
        names: new Map([
          ["a", "Missed due date"],
          ["b", "Unclear product name"],
          ["c", "Slow refund"],
          ["d", "Technical error"],
        ]),
        causes: [
          { rootCauseId: "a", market: "SE", month: "2019-01", complaints: 50, primary: 50 },
          { rootCauseId: "b", market: "SE", month: "2019-01", complaints: 20, primary: 20 },
          { rootCauseId: "c", market: "SE", month: "2019-01", complaints: 20, primary: 20 },
          { rootCauseId: "d", market: "SE", month: "2019-01", complaints: 10, primary: 10 },
        ],
        actions: new Map([
          ["a", 2],
          ["d", 1],
        ]),
        shippedActions: new Map([["a", 1]]),
      }),
    );
    // a (50 %), then c and b (20 each, by name: 70 %, 90 %): the top three; d is past the 80 % line.
    expect(report.actionRate).toEqual({
      causes: 3,
      withAction: 1,
      withShipped: 1,
      share: 1 / 3,
      uncovered: [
        { id: "c", name: "Slow refund" },
        { id: "b", name: "Unclear product name" },
      ],
    });
    expect(report.rootCauses.find((r) => r.id === "a")).toMatchObject({ actions: 2, shippedActions: 1 });
  });

  it("has no rate without causes, and leaves withheld causes out", () => {
    expect(actionRateOf([])).toEqual({ causes: 0, withAction: 0, withShipped: 0, share: null, uncovered: [] });
    const report = buildReport(
      base({
        suppressSmallCells: true,
        causes: [
          { rootCauseId: "a", market: "SE", month: "2019-01", complaints: 30, primary: 30 },
          { rootCauseId: "b", market: "SE", month: "2019-01", complaints: 3, primary: 3 },
        ],
        actions: new Map([["a", 1]]),
      }),
    );
    expect(report.actionRate).toMatchObject({ causes: 1, withAction: 1, share: 1, uncovered: [] });
  });
});
