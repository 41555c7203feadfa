import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, categories, complaintRootCauses, complaints, markets, products, rootCauses } from "@/db/schema";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { importPurchaseVolumes } from "@/lib/metric/operations";
import { run } from "@/lib/operations";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { importComplaintsFile } from "./engine";
import { scratchDir } from "./fixtures/files";
import { getJob } from "./queries";

let database: TestDatabase;
const scratch = scratchDir();
const actor = CLI_ACTOR;

beforeAll(async () => {
  database = await useTestDatabase();
  await db.insert(markets).values({ code: "SE", name: "Sverige", searchLanguage: "swedish" });
});
afterAll(async () => {
  await database.drop();
  scratch.cleanup();
});

const FILE = [
  "external_id,received_on,market,channel,summary,product,category,root_causes",
  "CM-1,2024-03-01,NO,customer_service,Betalingen ble ikke registrert,Klarna Pay,Payments > Payment not registered,Payment not registered|Technical error",
  "CM-2,2024-03-02,SE,customer_service,Fakturan kom aldrig,Klarna Pay,Payments,Technical error",
].join("\n");

const PURCHASES = ["market,month,purchases,product", "DK,2024-03,1200000,", "DK,2024-03,300000,Klarna Pay"].join("\n");

const importPurchases = (text: string, createMissing: boolean) =>
  run(actor, importPurchaseVolumes, { text, createMissing });

describe("complaint import, --create-missing", () => {
  it("without it refuses every unknown name and says the option exists", async () => {
    const result = await importComplaintsFile(scratch.write("missing.csv", FILE), { actor });
    expect(result.status).toBe("failed");
    const reasons = result.errors.map((e) => `${e.column}: ${e.reason}`);
    expect(reasons).toContain(
      'market: Unknown market "NO" (import with --create-missing (“Create what is missing”) to create it)',
    );
    for (const column of ["product", "category", "root_causes"])
      expect(reasons.find((r) => r.startsWith(column))).toContain("--create-missing");
    expect(await db.select().from(complaints)).toHaveLength(0);
  });

  it("creates the market (ISO code, its country's language), product, categories and root causes, lists and audits them", async () => {
    const result = await importComplaintsFile(scratch.write("create.csv", FILE), { actor, createMissing: true });
    expect(result.status).toBe("completed");
    expect(result.inserted).toBe(2);
    expect(result.created).toEqual({
      markets: ["NO (Norway, norwegian)"],
      products: ["Klarna Pay"],
      categories: ["Payments", "Payments > Payment not registered"],
      rootCauses: ["Payment not registered", "Technical error"],
    });
    expect(result.message).toContain("created markets: NO (Norway, norwegian)");
    const job = await getJob(result.jobId);
    expect(job?.created).toEqual(result.created);
    const [no] = await db.select().from(markets).where(eq(markets.code, "NO"));
    expect(no).toMatchObject({ name: "Norway", searchLanguage: "norwegian" });
    const [complaint] = await db.select().from(complaints).where(eq(complaints.externalId, "CM-1"));
    expect(complaint!.searchLanguage).toBe("norwegian");
    const tags = await db
      .select({ name: rootCauses.name, primary: complaintRootCauses.primary })
      .from(complaintRootCauses)
      .innerJoin(rootCauses, eq(rootCauses.id, complaintRootCauses.rootCauseId))
      .where(eq(complaintRootCauses.complaintId, complaint!.id));
    expect(tags).toEqual(
      expect.arrayContaining([
        { name: "Payment not registered", primary: true },
        { name: "Technical error", primary: false },
      ]),
    );
    expect(await db.select().from(products)).toHaveLength(1);
    expect(await db.select().from(categories)).toHaveLength(2);
    const actions = (await db.select({ action: auditLog.action }).from(auditLog)).map((a) => a.action);
    for (const action of ["market.create", "product.create", "category.create", "root_cause.create"])
      expect(actions).toContain(action);
  });

  it("creates no market for a code that is no country", async () => {
    const file = scratch.write(
      "xx.csv",
      ["external_id,received_on,market,channel,summary", "CM-X,2024-03-01,XX,customer_service,Hej"].join("\n"),
    );
    const result = await importComplaintsFile(file, { actor, createMissing: true });
    expect(result.status).toBe("failed");
    expect(result.errors[0]!.reason).toBe(
      '"XX" is not an ISO 3166-1 alpha-2 country code, so no market is created for it',
    );
  });
});

describe("purchase import, --create-missing", () => {
  it("without it names the option; with it creates the market and product, listed and audited", async () => {
    const refused = await importPurchases(PURCHASES, false);
    expect(refused).toMatchObject({ error: { message: expect.stringContaining("--create-missing") } });
    const result = await importPurchases(PURCHASES, true);
    if (!("data" in result)) throw new Error(result.error.message);
    expect(result.data.created).toMatchObject({ markets: ["DK (Denmark, danish)"], products: [] });
    expect(result.data.inserted).toBe(2);
    const [dk] = await db.select().from(markets).where(eq(markets.code, "DK"));
    expect(dk!.searchLanguage).toBe("danish");
  });
});
