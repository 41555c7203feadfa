import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { complaintRootCauses, rootCauses } from "@/db/schema";
import { ensureMarkets, insertComplaints, setVolume } from "@/lib/metric/fixtures.test-util";
import { first } from "@/lib/must";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { getActionRateTrend, windowsOfCheck } from "./rate-trend";

let database: TestDatabase;
let cause: string;

async function tagged(receivedOn: string, count: number, market = "SE") {
  const ids = await insertComplaints(Array.from({ length: count }, () => ({ receivedOn, market })));
  await db
    .insert(complaintRootCauses)
    .values(ids.map((complaintId) => ({ complaintId, rootCauseId: cause, primary: true })));
}

beforeAll(async () => {
  database = await useTestDatabase();
  await ensureMarkets("SE", "NO");
  ({ id: cause } = first(
    await db
      .insert(rootCauses)
      .values({ name: `Unclear product name ${randomUUID()}` })
      .returning(),
    "inserted cause",
  ));
  // Shipped in 2019-03. Volumes from 2019-01 to 2019-05, none for 2019-06 yet.
  for (const month of ["2019-01", "2019-02", "2019-03", "2019-04", "2019-05"]) await setVolume("SE", month, 1_000_000);
  await tagged("2019-01-10", 20);
  await tagged("2019-02-10", 10);
  await tagged("2019-03-10", 8);
  await tagged("2019-04-10", 3);
  await tagged("2019-04-12", 50, "NO");
});

afterAll(async () => {
  await database.drop();
});

const scope = { market: "SE", productId: null, rootCauseIds: [] as string[], shippedOn: "2019-03-15" };

describe("getActionRateTrend", () => {
  it("rates each month around the shipped month, in the default windows cut at the latest volume", async () => {
    const trend = await getActionRateTrend(db, { ...scope, rootCauseIds: [cause] }, null, false);
    expect(trend).toMatchObject({
      shippedMonth: "2019-03",
      before: { from: "2018-09", to: "2019-02" },
      after: { from: "2019-04", to: "2019-05" },
    });
    // 30 complaints on 2,000,000 purchases before (months without volume left out), 3 on 2,000,000 after.
    expect(trend!.rateBefore).toBeCloseTo(15);
    expect(trend!.rateAfter).toBeCloseTo(1.5);
    expect(trend!.months.map((m) => m.month)).toEqual([
      "2018-09",
      "2018-10",
      "2018-11",
      "2018-12",
      "2019-01",
      "2019-02",
      "2019-03",
      "2019-04",
      "2019-05",
    ]);
    // A month without volume is a gap, not a zero; the other market's complaints stay out.
    expect(trend!.months[0]).toEqual({ month: "2018-09", complaints: 0, perMillion: null });
    expect(trend!.months.slice(4)).toEqual([
      { month: "2019-01", complaints: 20, perMillion: 20 },
      { month: "2019-02", complaints: 10, perMillion: 10 },
      { month: "2019-03", complaints: 8, perMillion: 8 },
      { month: "2019-04", complaints: 3, perMillion: 3 },
      { month: "2019-05", complaints: 0, perMillion: 0 },
    ]);
  });

  it("uses the latest check's windows when there is one", async () => {
    const windows = windowsOfCheck({
      beforeFrom: "2019-01",
      beforeTo: "2019-02",
      afterFrom: "2019-04",
      afterTo: "2019-04",
    });
    const trend = await getActionRateTrend(db, { ...scope, rootCauseIds: [cause] }, windows, false);
    expect(trend!.months.map((m) => m.month)).toEqual(["2019-01", "2019-02", "2019-03", "2019-04"]);
    expect(trend!.rateAfter).toBeCloseTo(3);
    // A check run before any month after shipping had a volume stored an empty after window.
    expect(
      windowsOfCheck({ beforeFrom: "2019-01", beforeTo: "2019-02", afterFrom: "2019-04", afterTo: "2019-03" }).after,
    ).toBeNull();
  });

  it("withholds months and windows of 1 to 4 complaints from leadership, and has nothing without causes", async () => {
    const trend = await getActionRateTrend(db, { ...scope, rootCauseIds: [cause] }, null, true);
    expect(trend!.months.find((m) => m.month === "2019-04")).toEqual({
      month: "2019-04",
      complaints: null,
      perMillion: null,
    });
    expect(trend!.rateAfter).toBeNull();
    expect(trend!.rateBefore).toBeCloseTo(15);
    expect(await getActionRateTrend(db, scope, null, false)).toBeNull();
  });
});
