import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPublishedZeroMission, publicCsv } from "@/lib/metric/public";
import { getZeroMission } from "@/lib/metric/queries";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { seedDemoData } from "./index";

let database: TestDatabase;

beforeAll(async () => {
  database = await useTestDatabase();
  await seedDemoData(database.db);
});

afterAll(async () => {
  await database?.drop();
});

describe("the demo data's published figures", () => {
  it("publishes every month of 2018 and 2019 for both markets, matching the live figures", async () => {
    for (const market of ["SE", "NO"]) {
      const published = await getPublishedZeroMission(market);
      const live = await getZeroMission({ market, from: "2018-01", to: "2019-12" });
      expect(published.months.map((m) => m.month)).toEqual(live.months.map((m) => m.month));
      expect(published.months.map((m) => m.perMillion)).toEqual(live.months.map((m) => m.perMillion));
      expect(published.months.every((m) => m.restatements.length === 0)).toBe(true);
    }
  });

  it("reads like the bank's own table: Sweden 40 in 2018, a 2019 target 10 % lower (36)", async () => {
    const se = await getPublishedZeroMission("SE");
    const [y2018, y2019] = se.years;
    expect(Math.round(y2018.perMillion!)).toBe(40);
    expect(y2018.target).toBe(40);
    expect(Math.round(y2019.target!)).toBe(36);
    expect(y2019.perMillion!).toBeLessThan(y2018.perMillion!);
    const csv = publicCsv(se).split("\r\n");
    expect(csv[0]).toBe("year,jan,feb,mar,apr,may,jun,jul,aug,sep,oct,nov,dec,average");
    expect(csv[1]).toMatch(/^2018(,\d+){12},40$/);
  });
});
