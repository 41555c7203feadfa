import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { postgresError } from "@/db/errors";
import { complaints, markets, products } from "@/db/schema";
import { createFixtures, type Fixtures, insertComplaints } from "@/lib/complaints/test-fixtures";
import { type TestDatabase, useTestDatabase } from "@/test/db";

// Market, product and category are checked by statement-level triggers instead of foreign keys
// (migration 0009); these are the guarantees a foreign key gave.
let testDb: TestDatabase;
let f: Fixtures;

/** The SQLSTATE of a failed statement. */
async function sqlState(run: () => Promise<unknown>): Promise<string | null> {
  try {
    await run();
    return null;
  } catch (error) {
    return postgresError(error)?.code ?? "no code";
  }
}

beforeAll(async () => {
  testDb = await useTestDatabase();
  f = await createFixtures();
});

afterAll(async () => {
  await testDb?.drop();
});

describe("complaint references", () => {
  it("refuses a complaint whose market, product or category does not exist, naming it", async () => {
    expect(await sqlState(() => insertComplaints([{ summary: "x", market: "ZZ" }]))).toBe("23503");
    expect(await sqlState(() => insertComplaints([{ summary: "x", productId: randomUUID() }]))).toBe("23503");
    expect(await sqlState(() => insertComplaints([{ summary: "x", categoryId: randomUUID() }]))).toBe("23503");
    const error = await insertComplaints([
      { summary: "ok", market: "SE" },
      { summary: "x", market: "ZZ" },
    ]).then(
      () => null,
      (e: unknown) => e,
    );
    expect([String(error), String((error as { cause?: unknown } | null)?.cause)].join(" ")).toContain('market "ZZ"');
    // The whole statement failed: the valid row beside the bad one is not there either.
    expect(await db.select().from(complaints).where(eq(complaints.summary, "ok"))).toEqual([]);
  });

  it("accepts existing references and checks an update only where it changes one", async () => {
    const [complaint] = await insertComplaints([
      { summary: "refs", market: "NO", productId: f.products.invoice.id, categoryId: f.categories.refunds.id },
    ]);
    expect(complaint!.productId).toBe(f.products.invoice.id);
    expect(
      await sqlState(() =>
        db.update(complaints).set({ productId: randomUUID() }).where(eq(complaints.id, complaint!.id)),
      ),
    ).toBe("23503");
    expect(
      await sqlState(() => db.update(complaints).set({ market: "ZZ" }).where(eq(complaints.id, complaint!.id))),
    ).toBe("23503");
    await db
      .update(complaints)
      .set({ productId: f.products.account.id, summary: "moved" })
      .where(eq(complaints.id, complaint!.id));
    const [after] = await db.select().from(complaints).where(eq(complaints.id, complaint!.id));
    expect(after!.productId).toBe(f.products.account.id);
  });

  it("keeps a market or product that complaints refer to from being deleted or renamed", async () => {
    await insertComplaints([{ summary: "pinned", market: "SE", productId: f.products.invoice.id }]);
    expect(await sqlState(() => db.delete(products).where(eq(products.id, f.products.invoice.id)))).toBe("23503");
    expect(await sqlState(() => db.update(markets).set({ code: "SX" }).where(eq(markets.code, "SE")))).toBe("23503");
    // Other columns change freely, and an unused row goes.
    await db.update(products).set({ name: "Invoice (renamed)" }).where(eq(products.id, f.products.invoice.id));
    const [unused] = await db
      .insert(products)
      .values({ name: `Unused ${randomUUID()}` })
      .returning();
    await db.delete(products).where(eq(products.id, unused!.id));
    expect(await db.select().from(products).where(eq(products.id, unused!.id))).toEqual([]);
  });
});
