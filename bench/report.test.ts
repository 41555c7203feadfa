import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { growthTable } from "./growth";
import { type BenchResult, markdown } from "./report";

const committed = JSON.parse(
  readFileSync(path.join(process.cwd(), "bench", "results", "bench-1000000.json"), "utf8"),
) as BenchResult;

describe("the bench's Markdown table", () => {
  it("marks rows measured again with the time each was measured, not the first such time for all", () => {
    const [a, b, c, ...rest] = committed.scenarios;
    const result: BenchResult = {
      ...committed,
      scenarios: [
        { ...a!, remeasuredAt: "2026-12-02T15:03:10.000Z" },
        { ...b!, remeasuredAt: "2026-12-02T21:40:07.000Z" },
        { ...c!, remeasuredAt: undefined },
        ...rest.map((s) => ({ ...s, remeasuredAt: undefined })),
      ],
    };
    const md = markdown(result);
    expect(md).toContain(`| ${a!.name} (${a!.auth}) ¹ |`);
    expect(md).toContain(`| ${b!.name} (${b!.auth}) ² |`);
    expect(md).toContain(`| ${c!.name} (${c!.auth}) |`);
    expect(md).toContain("¹ measured again at 2026-12-02 15:03 UTC; ² measured again at 2026-12-02 21:40 UTC");
  });

  it("says a grown database was grown, from which load, and that the import line is that load's", () => {
    const md = markdown({ ...committed, dataset: { ...committed.dataset, grownFrom: 1_000_000 } });
    expect(md).toContain("Grown from the 1,000,000-row load");
    expect(md).toContain("the import line is that load's");
    expect(markdown(committed)).not.toContain("Grown from");
  });

  it("says a request kind none of whose requests was answered in the run took longer than the run", () => {
    const [a, ...rest] = committed.scenarios;
    const none = { ...a!.load, requests: 0, rps: 0, p50: Number.NaN, p95: Number.NaN, p99: Number.NaN };
    const md = markdown({ ...committed, scenarios: [{ ...a!, load: none }, ...rest] });
    expect(md).toContain(`| ${a!.name} (${a!.auth}) | > 10,000 ⁰ | > 10,000 ⁰ | > 10,000 ⁰ | 0 |`);
    expect(md).toContain("⁰ none of the 10 connections' requests was answered within the 10 s of the run");
    expect(markdown(committed)).not.toContain("⁰");
  });

  it("is what the committed results say", () => {
    const md = readFileSync(path.join(process.cwd(), "bench", "results", "bench-1000000.md"), "utf8");
    expect(md).toBe(markdown(committed));
  });
});

describe("the growth table", () => {
  it("pairs each request at two sizes with the ratio of its times", () => {
    const grown: BenchResult = {
      ...committed,
      complaints: committed.complaints * 3,
      scenarios: committed.scenarios.map((s) => ({
        ...s,
        single: { ...s.single, p50: s.single.p50 * 2, sqlP50: s.single.sqlP50 * 4 },
      })),
    };
    const md = growthTable([grown, committed]);
    const [first] = committed.scenarios;
    const row = md.split("\n").find((l) => l.startsWith(`| ${first!.name} (${first!.auth}) |`));
    expect(row).toBeDefined();
    expect(row!.split(" | ")[3]).toBe("2.0×");
    expect(row!.split(" | ")[6]).toBe("4.0×");
    expect(md).toContain("3.0× the rows");
    expect(() => growthTable([committed])).toThrow(/two sizes/);
  });

  it("says a request none of whose requests was answered under load took longer than the run", () => {
    const [first, ...rest] = committed.scenarios;
    const none = { ...first!.load, requests: 0, rps: 0, p50: Number.NaN, p95: Number.NaN, p99: Number.NaN };
    const grown: BenchResult = {
      ...committed,
      complaints: committed.complaints * 3,
      scenarios: [{ ...first!, load: none }, ...rest],
    };
    const md = growthTable([grown, committed]);
    const row = md.split("\n").find((l) => l.startsWith(`| ${first!.name} (${first!.auth}) |`));
    expect(row!.endsWith(" | > 10,000 ⁰ |")).toBe(true);
    expect(md).toContain("⁰ none of the requests under load was answered within the run");
    expect(growthTable([committed, { ...committed, complaints: committed.complaints * 3 }])).not.toContain("⁰");
  });
});
