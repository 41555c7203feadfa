import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, authorities, categories, complaints, deadlineRules, markets, rootCauses } from "@/db/schema";
import { CATEGORY_TREE } from "@/db/seed/reference";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { installed, installStarter } from "./starter";
import { ok, REVIEWER, refusal } from "./test-util";

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase();
  await db.insert(markets).values([
    { code: "SE", name: "Sverige", searchLanguage: "swedish" },
    { code: "DK", name: "Danmark", searchLanguage: "danish" },
    { code: "US", name: "United States", searchLanguage: "english" },
  ]);
});
afterAll(() => database.drop());

describe("starter taxonomy", () => {
  it("installs root causes, the category tree, and authorities and deadlines of the markets it knows", async () => {
    const result = await ok(installStarter, {});
    expect(result.rootCauses).toHaveLength(9);
    expect(result.rootCauses).toContain("Credit decision not explained");
    const childCount = Object.values(CATEGORY_TREE).reduce((n, c) => n + c.length, 0);
    expect(result.categories).toHaveLength(Object.keys(CATEGORY_TREE).length + childCount);
    expect(result.categories).toContain("Payments > Missed due date");
    expect(result.marketsWithoutStarter).toEqual(["US"]);
    const dk = await db.select().from(authorities).where(eq(authorities.market, "DK"));
    expect(dk.map((a) => a.channel).sort()).toEqual([
      "consumer_agency",
      "data_protection_authority",
      "disputes_board",
      "financial_supervisor",
    ]);
    expect(await db.select().from(deadlineRules).where(eq(deadlineRules.market, "SE"))).toHaveLength(6);
    expect(await db.select().from(deadlineRules).where(eq(deadlineRules.market, "US"))).toHaveLength(0);
    const causes = await db.select().from(rootCauses);
    expect(causes.every((c) => (c.description ?? "").length > 10)).toBe(true);
    expect(await db.select().from(complaints)).toHaveLength(0);
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, "taxonomy.starter"));
    expect(entry!.meta).toMatchObject({ marketsWithoutStarter: ["US"] });
  });

  it("is idempotent and keeps what an admin already has", async () => {
    await db.insert(markets).values({ code: "NO", name: "Norge", searchLanguage: "norwegian" });
    await db.insert(authorities).values({ market: "NO", channel: "disputes_board", name: "Our own board" });
    const again = await ok(installStarter, {});
    expect(again.rootCauses).toEqual([]);
    expect(again.categories).toEqual([]);
    expect(again.authorities).toEqual(["NO: Forbrukertilsynet", "NO: Datatilsynet", "NO: Finanstilsynet"]);
    expect(installed(await ok(installStarter, {}))).toBe(0);
    expect(await db.select().from(categories)).toHaveLength(
      Object.keys(CATEGORY_TREE).length + Object.values(CATEGORY_TREE).reduce((n, c) => n + c.length, 0),
    );
    expect(await db.select().from(auditLog).where(eq(auditLog.action, "taxonomy.starter"))).toHaveLength(2);
  });

  it("is for admins only", async () => {
    expect(await refusal(installStarter, {}, REVIEWER)).toMatchObject({ code: "forbidden" });
  });
});
