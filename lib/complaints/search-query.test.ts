import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { rowsOf } from "@/db/rows";
import { complaints, markets } from "@/db/schema";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { parseComplaintFilters } from "./filters";
import { listComplaints } from "./list-query";
import { resolveSearch, searchQuery } from "./list-where";
import { createFixtures } from "./test-fixtures";

let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await useTestDatabase();
  await createFixtures();
  await db.execute(sql`
    insert into complaints (reference, external_id, received_on, market, channel, summary, status)
    select 'SQ-' || g, 'SQ-' || g, date '2019-01-01' + g, 'SE', 'customer_service',
           (case when g % 3 = 0 then 'Förfallodatumet var otydligt' else 'Pengarna kom aldrig tillbaka' end) || ' ' || g,
           'new'
    from generate_series(1, 60) g`);
}, 60_000);
afterAll(async () => testDb?.drop());

const sqlOf = (query: ReturnType<typeof searchQuery>) =>
  db.select({ id: complaints.id }).from(complaints).where(sql`${complaints.search} @@ ${query}`).toSQL();
const functionAnswer = async (words: string[], market: string) =>
  rowsOf<{ q: string }>(
    await db.execute(
      sql`select complaint_search_query(array[${sql.join(
        words.map((w) => sql`${w}`),
        sql`, `,
      )}]::text[], array[${market}]::text[])::text as q`,
    ),
  )[0]?.q;

describe("a search's tsquery", () => {
  it("is the database function's call until the search is resolved, then its answer as a constant", async () => {
    // Words no other test resolves, so nothing is remembered yet.
    const before = sqlOf(searchQuery("förfallodatum otydligt", ["SE"]));
    expect(before.sql).toContain("complaint_search_query(");

    await resolveSearch(db, "förfallodatum otydligt", ["SE"]);
    const after = sqlOf(searchQuery("förfallodatum otydligt", ["SE"]));
    expect(after.sql).not.toContain("complaint_search_query(");
    expect(after.params).toContain(await functionAnswer(["förfallodatum", "otydligt"], "SE"));
  });

  it("finds the same complaints as the function, in a list read", async () => {
    const query = "q=f%C3%B6rfallodatum&market=SE&per_page=100";
    const listed = await listComplaints(db, parseComplaintFilters(new URLSearchParams(query)));
    const expected = rowsOf<{ id: string }>(
      await db.execute(
        sql`select id::text from complaints where search @@ complaint_search_query(array['förfallodatum']::text[], array['SE']::text[])`,
      ),
    );
    expect(listed.rows.map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort());
    expect(listed.total).toBe(20);
  });

  it("follows a market's new search language from the next read", async () => {
    await resolveSearch(db, "betalningarna", ["SE"]);
    const swedish = sqlOf(searchQuery("betalningarna", ["SE"])).params;
    await db.update(markets).set({ searchLanguage: "english" }).where(eq(markets.code, "SE"));
    await listComplaints(db, parseComplaintFilters(new URLSearchParams("q=betalningarna&market=SE")));
    const english = sqlOf(searchQuery("betalningarna", ["SE"])).params;
    expect(english).not.toEqual(swedish);
    expect(english).toContain(await functionAnswer(["betalningarna"], "SE"));
  });
});
