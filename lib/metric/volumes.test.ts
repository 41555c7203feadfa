import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, productAliases, products, purchaseVolumes } from "@/db/schema";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { exactly } from "@/lib/must";
import { run } from "@/lib/operations";
import { noneCreated } from "@/lib/taxonomies/create-missing";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { getDashboardData } from "./dashboard";
import { ensureMarkets, insertComplaints } from "./fixtures.test-util";
import { importPurchaseVolumes, publishMetricThrough } from "./operations";
import { getPublicationReview } from "./publication";

let database: TestDatabase;
let productId: string;

beforeAll(async () => {
  database = await useTestDatabase();
  await ensureMarkets("SE", "NO");
  [{ id: productId }] = exactly(
    await db.insert(products).values({ name: "Klarna delbetalningskonto" }).returning(),
    1,
    "product",
  );
  await db.insert(productAliases).values({ productId, alias: "Klarna konto" });
});

afterAll(async () => {
  await database.drop();
});

const importText = (text: string) => run(CLI_ACTOR, importPurchaseVolumes, { text, fileName: "volumes.csv" });

describe("importing purchase volumes", () => {
  it("imports market totals and per-product volumes (by alias too)", async () => {
    const result = await importText(
      "market,month,purchases,product\nSE,2019-01,1000000,\nSE,2019-02,900000,\nSE,2019-01,200000,Klarna konto\n",
    );
    expect(result).toEqual({ data: { rows: 3, inserted: 3, updated: 0, unchanged: 0, created: noneCreated() } });
    const [row] = await db
      .select()
      .from(purchaseVolumes)
      .where(and(eq(purchaseVolumes.month, "2019-01"), eq(purchaseVolumes.productId, productId)));
    expect(row!.purchases).toBe(200_000);
  });

  it("replaces a re-imported month and audits the change with before and after", async () => {
    const result = await importText("market,month,purchases\nSE,2019-01,1100000\nSE,2019-02,900000\n");
    expect(result).toEqual({ data: { rows: 2, inserted: 0, updated: 1, unchanged: 1, created: noneCreated() } });
    const entries = await db.select().from(auditLog).where(eq(auditLog.action, "purchase_volume.set"));
    const change = entries.find((e) => (e.before as { purchases?: number } | null)?.purchases === 1_000_000);
    expect(change?.after).toMatchObject({ market: "SE", month: "2019-01", purchases: 1_100_000 });
    expect(change?.actorLabel).toBe("cli");
  });

  it("refuses the whole file when a line is bad, naming the line and field, and writes nothing", async () => {
    const result = await importText("market,month,purchases\nSE,2019-03,500\nDK,2019-03,10\nSE,2019-04,ten\n");
    expect("error" in result && result.error.message).toContain("line 3");
    expect("error" in result && result.error.details).toEqual([
      {
        path: "line 3.market",
        message: "Unknown market DK (import with --create-missing (“Create what is missing”) to create it)",
      },
      { path: "line 4.purchases", message: '"ten" is not a whole number of purchases' },
    ]);
    expect(await db.select().from(purchaseVolumes).where(eq(purchaseVolumes.month, "2019-03"))).toEqual([]);
  });
});

describe("publication review and the dashboard", () => {
  it("publishes through a month all or nothing, then shows a later change as a difference", async () => {
    await insertComplaints([
      ...Array.from({ length: 11 }, () => ({ receivedOn: "2019-01-10", productId, appUser: true })),
      ...Array.from({ length: 3 }, () => ({ receivedOn: "2019-02-10", channel: "consumer_agency" as const })),
    ]);
    const publish = (through: string) => run(CLI_ACTOR, publishMetricThrough, { market: "SE", through });
    await insertComplaints([{ receivedOn: "2019-03-02" }]);
    const refused = await publish("2019-03");
    expect("error" in refused && refused.error.message).toContain("2019-03");
    const done = await publish("2019-02");
    expect("data" in done && done.data.map((p) => p.month)).toEqual(["2019-01", "2019-02"]);
    expect(await publish("2019-02")).toEqual({ data: [] });

    await insertComplaints([{ receivedOn: "2019-02-27" }]);
    const review = await getPublicationReview("SE", db);
    const february = review.find((r) => r.month === "2019-02");
    expect(february).toMatchObject({ differs: true, published: { complaints: 3 }, current: { complaints: 4 } });
    expect(review.find((r) => r.month === "2019-01")?.differs).toBe(false);
  });

  it("suppresses small cells for leadership only and links others to the complaint list", async () => {
    const lead = await getDashboardData({ market: "SE", through: "2019-02", role: "leadership" });
    const reviewer = await getDashboardData({ market: "SE", through: "2019-02", role: "reviewer" });
    const channel = (d: typeof lead) => d.breakdowns.find((b) => b.id === "channel")!.rows;
    const agency = channel(lead).find((r) => r.key.startsWith("consumer_agency"));
    expect(agency).toMatchObject({ suppressed: true, complaints: null, perMillion: null, href: null });
    // Customer service alone would be the total minus the agency's 3: it is withheld with it.
    expect(channel(lead).find((r) => r.key.startsWith("customer_service"))).toMatchObject({
      suppressed: true,
      complement: true,
      complaints: null,
    });
    expect(channel(reviewer).find((r) => r.key.startsWith("customer_service"))).toMatchObject({
      suppressed: false,
      complaints: 12,
    });
    const agencyForReviewer = channel(reviewer).find((r) => r.key.startsWith("consumer_agency"));
    expect(agencyForReviewer).toMatchObject({ suppressed: false, complaints: 3 });
    expect(agencyForReviewer?.href).toBe(
      "/complaints?market=SE&received_from=2019-01-01&received_to=2019-02-28&excluded=no&channel=consumer_agency",
    );
    // 11 product complaints over 200,000 product purchases in January (February has no product volume).
    const product = reviewer.breakdowns.find((b) => b.id === "product")!.rows.find((r) => r.key === productId);
    expect(product).toMatchObject({ complaints: 11, suppressed: false });
    expect(product?.productPerMillion).toBeCloseTo(55, 10);
    // For leadership the 4 complaints without a product are withheld, and so the product's 11 with them.
    const products = lead.breakdowns.find((b) => b.id === "product")!.rows;
    expect(products.find((r) => r.key === productId)).toMatchObject({
      complaints: null,
      productPerMillion: null,
      complement: true,
      href: null,
    });
    expect(products.find((r) => r.key === "none")).toMatchObject({ complaints: null, suppressed: true });
    // Headline: Jan 11 / 1,100,000 = 10; Feb 4 / 900,000.
    expect(lead.latest?.month).toBe("2019-02");
    expect(lead.ytd?.current.perMillion).toBeCloseTo(15 / 2, 10);
    expect(lead.chart.at(-1)).toMatchObject({ month: "2019-02", complaints: 4 });
    expect(lead.chart).toHaveLength(24);
  });
});
