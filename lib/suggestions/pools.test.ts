import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { rowsOf } from "@/db/rows";
import { complaintSimilarPools } from "@/db/schema";
import { createFixtures, insertComplaints } from "@/lib/complaints/test-fixtures";
import { exactly } from "@/lib/must";
import { type TestDatabase, useTestDatabase } from "@/test/db";

// A look-up fails as PostgreSQL would: a statement timeout for complaints whose summary says "Fails",
// a server shutting down for those that say "Gone" (its message quoting the complaint's words, as a
// query's error quotes its parameters).
vi.mock("./engine", async (importOriginal) => {
  const engine = await importOriginal<typeof import("./engine")>();
  const failure = (code: string, message: string) => Object.assign(new Error(message), { code });
  return {
    ...engine,
    findPool: vi.fn(async (...args: Parameters<typeof engine.findPool>) => {
      const { summary } = args[1];
      if (summary.startsWith("Fails")) throw failure("57014", "canceling statement due to statement timeout");
      if (summary.startsWith("Gone")) throw failure("57P01", `terminating connection; params: ${summary}`);
      return engine.findPool(...args);
    }),
  };
});

const { refreshSimilarPools } = await import("./pools");
const { getSuggestions, resetLexemeStats } = await import("./engine");

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await useTestDatabase();
  await createFixtures();
});
afterAll(async () => testDb.drop());
afterEach(() => {
  delete process.env.SIMILAR_POOL_HOURS;
});

const today = () => new Date().toISOString().slice(0, 10);
const stored = async () =>
  rowsOf<{ summary: string }>(
    await db.execute(sql`select c.summary from complaint_similar_pools p join complaints c on c.id = p.complaint_id
      where p.failed_at is null order by c.summary`),
  ).map((r) => r.summary);

describe("refreshSimilarPools when a look-up fails", () => {
  it("stores the others, and tries the failed one again when a found pool would be looked at again", async () => {
    const [, failing] = exactly(
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
    // Not the next minute…
    expect(await refreshSimilarPools(db)).toMatchObject({ found: 0, failed: 0, more: false });
    // …but after 20 hours (five sixths of 24), like a found pool.
    await db
      .update(complaintSimilarPools)
      .set({ failedAt: sql`now() - interval '21 hours'` })
      .where(eq(complaintSimilarPools.complaintId, failing.id));
    expect(await refreshSimilarPools(db)).toMatchObject({ found: 0, failed: 1 });
    // The mark is never read as a pool: the reader looks for one itself.
    await db
      .update(complaintSimilarPools)
      .set({ computedAt: sql`now() - interval '2 hours'` })
      .where(eq(complaintSimilarPools.complaintId, failing.id));
    resetLexemeStats();
    const read = await getSuggestions(db, failing.id);
    expect(Date.now() - Date.parse(read!.foundAt)).toBeLessThan(60_000);
  });

  it("fails the job when the database is going, saying nothing of the complaint", async () => {
    await insertComplaints([{ summary: "Gone with the words of a customer", receivedOn: today() }]);
    const failure = await refreshSimilarPools(db).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toBe("Similar complaints: database error 57P01");
    await db.execute(sql`delete from complaints where summary like 'Gone%'`);
  });

  it("stops between complaints when the runner is stopping", async () => {
    await insertComplaints([{ summary: "Card swallowed by the machine", receivedOn: today() }]);
    expect(await refreshSimilarPools(db, 40, () => true)).toMatchObject({ found: 0, more: true });
    expect(await refreshSimilarPools(db)).toMatchObject({ found: 1, more: false });
  });

  it("takes ages of hours that are not whole, or not a multiple of six", async () => {
    const [card] = exactly(
      await insertComplaints([{ summary: "Card blocked abroad", receivedOn: today() }]),
      1,
      "complaint",
    );
    for (const hours of ["8", "0.5", "abc", ""]) {
      process.env.SIMILAR_POOL_HOURS = hours;
      await refreshSimilarPools(db);
      resetLexemeStats();
      expect(await getSuggestions(db, card.id)).not.toBeNull();
    }
  });
});
