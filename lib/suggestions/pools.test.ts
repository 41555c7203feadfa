import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { rowsOf } from "@/db/rows";
import { createFixtures, insertComplaints } from "@/lib/complaints/test-fixtures";
import { exactly } from "@/lib/must";
import { type TestDatabase, useTestDatabase } from "@/test/db";

// The look-up fails for complaints whose summary says so, as a statement timeout would.
vi.mock("./engine", async (importOriginal) => {
  const engine = await importOriginal<typeof import("./engine")>();
  return {
    ...engine,
    findPool: vi.fn(async (...args: Parameters<typeof engine.findPool>) => {
      if (args[1].summary.startsWith("Fails")) throw new Error("canceling statement due to statement timeout");
      return engine.findPool(...args);
    }),
  };
});

const { refreshSimilarPools } = await import("./pools");

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await useTestDatabase();
  await createFixtures();
});
afterAll(async () => testDb.drop());

const today = () => new Date().toISOString().slice(0, 10);
const stored = async () =>
  rowsOf<{ summary: string }>(
    await db.execute(sql`select c.summary from complaint_similar_pools p join complaints c on c.id = p.complaint_id
      order by c.summary`),
  ).map((r) => r.summary);

describe("refreshSimilarPools when a look-up fails", () => {
  it("stores the others and tries the failed one again next time", async () => {
    exactly(
      await insertComplaints([
        { summary: "Card declined at the till", receivedOn: today() },
        { summary: "Fails to be looked up", receivedOn: today() },
        { summary: "Card declined online", receivedOn: today() },
      ]),
      3,
      "complaints",
    );
    expect(await refreshSimilarPools(db)).toMatchObject({ found: 2, failed: 1, more: false });
    expect(await stored()).toEqual(["Card declined at the till", "Card declined online"]);
    expect(await refreshSimilarPools(db)).toMatchObject({ found: 0, failed: 1 });
  });

  it("gives up the job when several fail in a row, as when the database is gone", async () => {
    await insertComplaints([
      { summary: "Fails once", receivedOn: today() },
      { summary: "Fails twice", receivedOn: today() },
      { summary: "Fails thrice", receivedOn: today() },
    ]);
    await expect(refreshSimilarPools(db)).rejects.toThrow(/statement timeout/);
  });
});
