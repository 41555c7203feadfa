import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { effectivenessChecks, remediationActions } from "@/db/schema";
import { getDashboardData } from "@/lib/metric/dashboard";
import { ensureMarkets, insertComplaints, setVolume } from "@/lib/metric/fixtures.test-util";
import { first } from "@/lib/must";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { getShippedActionMarkers } from "./markers";

let database: TestDatabase;
const ids: Record<string, string> = {};

async function action(
  key: string,
  values: { title: string; status: "proposed" | "shipped" | "verified"; market: string | null; shippedOn?: string },
) {
  const row = first(
    await db
      .insert(remediationActions)
      .values({ ...values, shippedOn: values.shippedOn ?? null })
      .returning(),
    "inserted action",
  );
  ids[key] = row.id;
  return row.id;
}

async function check(actionId: string, verdict: string, before: number, after: number, at: string) {
  await db.insert(effectivenessChecks).values({
    actionId,
    beforeFrom: "2019-01",
    beforeTo: "2019-02",
    afterFrom: "2019-04",
    afterTo: "2019-05",
    beforeComplaints: before,
    beforePurchases: 2_000_000,
    afterComplaints: after,
    afterPurchases: 2_000_000,
    verdict,
    computedAt: new Date(at),
  });
}

beforeAll(async () => {
  database = await useTestDatabase();
  await ensureMarkets("SE", "NO");
  const rename = await action("rename", {
    title: "Rename the account",
    status: "shipped",
    market: "SE",
    shippedOn: "2019-03-15",
  });
  // Only the latest check counts.
  await check(rename, "No clear change: the rate fell 10 %", 40, 36, "2019-05-01T10:00:00Z");
  await check(rename, "Fewer complaints after shipping: the rate fell 50 %", 40, 20, "2019-06-01T10:00:00Z");
  const clock = await action("clock", {
    title: "Open around the clock, ask anna@bank.example",
    status: "verified",
    market: null,
    shippedOn: "2019-05-31",
  });
  await check(clock, "Fewer complaints after shipping: the rate fell 60 %", 3, 1, "2019-07-01T10:00:00Z");
  await action("norway", { title: "Norwegian terms", status: "shipped", market: "NO", shippedOn: "2019-04-01" });
  await action("proposed", { title: "Still an idea", status: "proposed", market: "SE" });
  await action("early", { title: "Shipped long ago", status: "shipped", market: "SE", shippedOn: "2016-01-10" });
});

afterAll(async () => {
  await database.drop();
});

describe("getShippedActionMarkers", () => {
  const scope = { from: "2018-07", to: "2019-06", suppressSmallCells: false, access: "full" as const };

  it("marks a market's shipped actions and those for all markets, in their month, with the latest verdict", async () => {
    const markers = await getShippedActionMarkers({ ...scope, market: "SE" });
    expect(markers).toEqual([
      {
        id: ids.rename,
        title: "Rename the account",
        shippedOn: "2019-03-15",
        month: "2019-03",
        status: "shipped",
        market: "SE",
        verdict: "Fewer complaints after shipping: the rate fell 50 %",
        verdictKind: "fewer",
      },
      expect.objectContaining({ id: ids.clock, month: "2019-05", market: null, status: "verified" }),
    ]);
  });

  it("marks every market's actions for all markets, and none outside the months", async () => {
    const all = await getShippedActionMarkers({ ...scope, market: null });
    expect(all.map((m) => m.id)).toEqual([ids.rename, ids.norway, ids.clock]);
    expect(all.find((m) => m.id === ids.norway)?.verdict).toBeNull();
    const later = await getShippedActionMarkers({ ...scope, market: "SE", from: "2019-04", to: "2019-05" });
    expect(later.map((m) => m.id)).toEqual([ids.clock]);
  });

  it("gives leadership the action and verdict only: small counts withheld, personal data masked", async () => {
    const markers = await getShippedActionMarkers({ ...scope, market: "SE", suppressSmallCells: true, access: "none" });
    const clock = markers.find((m) => m.id === ids.clock)!;
    expect(clock).toMatchObject({
      verdict: "Withheld: fewer than 5 complaints before or after shipping",
      verdictKind: "withheld",
    });
    expect(clock.title).not.toContain("anna@bank.example");
    expect(markers.find((m) => m.id === ids.rename)?.verdict).toMatch(/^Fewer complaints/);
    // In the reader's language; a verdict kept as an English sentence (a check of before) as it was written.
    const swedish = await getShippedActionMarkers({
      ...scope,
      market: "SE",
      suppressSmallCells: true,
      access: "none",
      locale: "sv",
    });
    expect(swedish.find((m) => m.id === ids.clock)).toMatchObject({
      verdict: "Dold: färre än 5 klagomål före eller efter leveransen",
      verdictKind: "withheld",
    });
    expect(swedish.find((m) => m.id === ids.rename)).toMatchObject({
      verdict: "Fewer complaints after shipping: the rate fell 50 %",
      verdictKind: "fewer",
    });
  });
});

describe("the dashboard", () => {
  it("carries the shipped actions of its chart's months", async () => {
    for (const month of ["2019-01", "2019-02", "2019-03", "2019-04", "2019-05", "2019-06"])
      await setVolume("SE", month, 1_000_000);
    await insertComplaints([{ receivedOn: "2019-06-03" }]);
    const data = await getDashboardData({ market: "SE", role: "leadership" });
    expect(data.through).toBe("2019-06");
    expect(data.shippedActions.map((a) => [a.id, a.month])).toEqual([
      [ids.rename, "2019-03"],
      [ids.clock, "2019-05"],
    ]);
  });
});
