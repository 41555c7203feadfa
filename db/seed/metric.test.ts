import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPublishedZeroMission, publicCsv } from "@/lib/metric/public";
import { getTargets, getZeroMission } from "@/lib/metric/queries";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { seedDemoData } from "./index";

// A January start: the demo's two years are whole calendar years, 2023 and 2024, the bank's 2018 and 2019 moved.
const NOW = new Date("2025-01-05T08:00:00Z");

let database: TestDatabase;

beforeAll(async () => {
  database = await useTestDatabase();
  await seedDemoData(database.db, { now: NOW });
});

afterAll(async () => {
  await database?.drop();
});

describe("the demo data's published figures", () => {
  it("publishes every month of its two years for both markets, matching the live figures", async () => {
    for (const market of ["SE", "NO"]) {
      const published = await getPublishedZeroMission(market);
      const live = await getZeroMission({ market, from: "2023-01", to: "2024-12" });
      expect(published.months).toHaveLength(24);
      expect(published.months.map((m) => m.month)).toEqual(live.months.map((m) => m.month));
      expect(published.months.map((m) => m.perMillion)).toEqual(live.months.map((m) => m.perMillion));
      expect(published.months.every((m) => m.restatements.length === 0)).toBe(true);
    }
  });

  it("reads like the bank's own table moved in time: Sweden 40 in its first year, lower in its second", async () => {
    const se = await getPublishedZeroMission("SE");
    const [first, second] = se.years;
    expect(first!.year).toBe(2023);
    expect(Math.round(first!.perMillion!)).toBe(40);
    expect(second!.year).toBe(2024);
    expect(second!.perMillion!).toBeLessThan(first!.perMillion!);
    const csv = publicCsv(se).split("\r\n");
    expect(csv[0]).toBe("year,jan,feb,mar,apr,may,jun,jul,aug,sep,oct,nov,dec,average");
    expect(csv[1]).toMatch(/^2023(,\d+){12},40$/);
  });

  it("sets last year's target at 40 and this year's 10 % below last year", async () => {
    const targets = await getTargets("SE");
    expect(targets.map((t) => [t.year, t.kind, t.value])).toEqual([
      [2024, "absolute", 40],
      [2025, "reduction", 10],
    ]);
    expect((await getPublishedZeroMission("SE")).years[1]!.target).toBe(40);
  });
});
