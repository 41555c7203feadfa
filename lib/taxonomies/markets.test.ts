import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, complaints, markets } from "@/db/schema";
import { parseComplaintFilters } from "@/lib/complaints/filters";
import { complaintWhere } from "@/lib/complaints/list-where";
import { insertComplaints } from "@/lib/complaints/test-fixtures";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { reindexMarketLanguage } from "./market-language";
import { createMarket, setMarketActive, setMarketLanguage } from "./markets";
import { ok, REVIEWER, refusal } from "./test-util";

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(() => database.drop());

async function found(query: string): Promise<string[]> {
  const rows = await db
    .select({ externalId: complaints.externalId })
    .from(complaints)
    .where(complaintWhere(parseComplaintFilters(new URLSearchParams(query))))
    .orderBy(complaints.externalId);
  return rows.map((r) => r.externalId);
}

describe("markets as data", () => {
  it("creates a market by ISO code with a search language, audited; refuses a code that is no country", async () => {
    const no = await ok(createMarket, { code: "no", name: "Norge", searchLanguage: "norwegian" });
    expect(no).toMatchObject({ code: "NO", name: "Norge", searchLanguage: "norwegian", active: true });
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "market.create"), eq(auditLog.entityId, "NO")));
    expect(entry!.meta).toMatchObject({ country: "Norway" });
    expect(await refusal(createMarket, { code: "XX", name: "Nowhere", searchLanguage: "simple" })).toMatchObject({
      fieldErrors: { code: ["Enter an ISO 3166-1 alpha-2 country code, such as NO or DK"] },
    });
    expect(await refusal(createMarket, { code: "DK", name: "Danmark", searchLanguage: "klingon" })).toMatchObject({
      fieldErrors: { searchLanguage: [expect.stringContaining("Choose a search language")] },
    });
    expect(await refusal(createMarket, { code: "NO", name: "Norway", searchLanguage: "simple" })).toMatchObject({
      fieldErrors: { code: ["NO already exists (Norge)"] },
    });
    expect(
      await refusal(createMarket, { code: "DK", name: "Danmark", searchLanguage: "danish" }, REVIEWER),
    ).toMatchObject({ code: "forbidden" });
  });

  it("stems a complaint in its market's language: betalingene finds betaling in Norway only", async () => {
    await ok(createMarket, { code: "SE", name: "Sverige", searchLanguage: "swedish" });
    await insertComplaints([
      { externalId: "no-1", market: "NO", summary: "Betalingen ble ikke registrert", narrative: "Jeg betalte i tide" },
      { externalId: "se-1", market: "SE", summary: "Betalningen registrerades inte" },
    ]);
    const [stored] = await db.select().from(complaints).where(eq(complaints.externalId, "no-1"));
    expect(stored!.searchLanguage).toBe("norwegian");
    expect(await found("q=betalingene")).toEqual(["no-1"]);
    expect(await found("q=betalingene&market=NO")).toEqual(["no-1"]);
    expect(await found("q=betalningarna")).toEqual(["se-1"]);
    // Scoped to Sweden, the query is stemmed in Swedish only.
    expect(await found("q=betalingene&market=SE")).toEqual([]);
  });

  it("re-indexes a market's complaints in batches when its language changes", async () => {
    await ok(createMarket, { code: "DK", name: "Danmark", searchLanguage: "simple" });
    await insertComplaints([{ externalId: "dk-1", market: "DK", summary: "Betalingerne blev ikke registreret" }]);
    expect(await found("q=betalingen&market=DK")).toEqual([]);
    const changed = await ok(setMarketLanguage, { code: "DK", searchLanguage: "danish" });
    expect(changed.changed).toBe(true);
    expect(await reindexMarketLanguage(db, "DK")).toBe(1);
    expect(await reindexMarketLanguage(db, "DK")).toBe(0);
    expect(await found("q=betalingen&market=DK")).toEqual(["dk-1"]);
    // Other markets' complaints keep their language.
    const [no] = await db.select().from(complaints).where(eq(complaints.externalId, "no-1"));
    expect(no!.searchLanguage).toBe("norwegian");
  });

  it("deactivates and reactivates, audited", async () => {
    expect(await ok(setMarketActive, { code: "DK", active: false })).toMatchObject({ active: false });
    const [dk] = await db.select().from(markets).where(eq(markets.code, "DK"));
    expect(dk!.active).toBe(false);
    await ok(setMarketActive, { code: "DK", active: true });
    const entries = await db.select().from(auditLog).where(eq(auditLog.entityId, "DK"));
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(["market.create", "market.language", "market.deactivate", "market.reactivate"]),
    );
  });
});
