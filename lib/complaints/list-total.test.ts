import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { parseComplaintFilters } from "./filters";
import { collectLimit, EXACT_TOTAL_LIMIT, NEWEST_WALK, newestPage, SEARCH_EXACT_LIMIT, walkFrom } from "./list-count";
import { listComplaints } from "./list-query";
import { createFixtures, type Fixtures } from "./test-fixtures";

let testDb: TestDatabase;
let f: Fixtures;

// Two products: one with exactly the limit of complaints, one with a few more than the limit.
// Generated in SQL so the test stays quick on PGlite.
async function generate(productId: string, count: number, prefix: string) {
  await db.execute(sql`
    insert into complaints (reference, external_id, received_on, market, channel, product_id, summary, status)
    select ${prefix} || g, ${prefix} || g, date '2019-01-01' + (g % 365), 'SE', 'customer_service', ${productId}::uuid,
           'Generated ' || g, (case when g % 2 = 0 then 'new' else 'closed' end)::complaint_status
    from generate_series(1, ${count}::int) g`);
}

beforeAll(async () => {
  testDb = await useTestDatabase();
  f = await createFixtures();
  await generate(f.products.account.id, EXACT_TOTAL_LIMIT, "AT-");
  await generate(f.products.invoice.id, EXACT_TOTAL_LIMIT + 40, "OV-");
  await db.execute(sql`analyze complaints`);
}, 120_000);
afterAll(async () => testDb?.drop());

const list = (query: string) => listComplaints(db, parseComplaintFilters(new URLSearchParams(query)));

describe("list totals", () => {
  it("counts exactly up to the limit", async () => {
    const page = await list(`product=${f.products.account.id}`);
    expect(page).toMatchObject({ total: EXACT_TOTAL_LIMIT, totalIsEstimate: false });
    expect(page.rows).toHaveLength(25);
    const half = await list(`product=${f.products.account.id}&status=new`);
    expect(half).toMatchObject({ total: EXACT_TOTAL_LIMIT / 2, totalIsEstimate: false });
  });

  it("estimates past the limit, never below it", async () => {
    const page = await list(`product=${f.products.invoice.id}`);
    expect(page.totalIsEstimate).toBe(true);
    expect(page.total).toBeGreaterThan(EXACT_TOTAL_LIMIT);
    expect(page.rows).toHaveLength(25);
  });

  it("is exact on the last page even when the count was an estimate", async () => {
    const perPage = 200;
    const last = Math.ceil((EXACT_TOTAL_LIMIT + 40) / perPage);
    const page = await list(`product=${f.products.invoice.id}&per_page=${perPage}&page=${last}`);
    expect(page).toMatchObject({ total: EXACT_TOTAL_LIMIT + 40, totalIsEstimate: false });
    expect(page.rows).toHaveLength((EXACT_TOTAL_LIMIT + 40) % perPage);
  });

  it("counts a search's few matches exactly and pages them in the list's order", async () => {
    // Every generated complaint says "Generated": the search matches what the product filter does.
    // Six weeks of one product: fewer matches than a search counts exactly.
    const scope = `product=${f.products.account.id}&received_from=2019-01-01&received_to=2019-02-11`;
    const search = await list(`q=generated&${scope}&sort=receivedOn.asc&per_page=7&page=3`);
    const plain = await list(`${scope}&sort=receivedOn.asc&per_page=7&page=3`);
    expect(plain.total).toBeLessThanOrEqual(SEARCH_EXACT_LIMIT);
    expect(search).toMatchObject({ total: plain.total, totalIsEstimate: false });
    expect(search.rows.map((r) => r.id)).toEqual(plain.rows.map((r) => r.id));
    expect(search.rows[0]!.matches).toEqual(["generated"]);
  });

  it("estimates a search with more matches than the limit, and still fills the page", async () => {
    const page = await list(`q=generated&product=${f.products.invoice.id}`);
    expect(page.totalIsEstimate).toBe(true);
    expect(page.total).toBeGreaterThan(SEARCH_EXACT_LIMIT);
    expect(page.rows).toHaveLength(25);
  });

  it("keeps the total past the last page", async () => {
    const page = await list(`product=${f.products.account.id}&per_page=200&page=80`);
    expect(page).toEqual({ rows: [], total: EXACT_TOTAL_LIMIT, totalIsEstimate: false });
  });
});

describe("when a search walks the dates instead of collecting its matches", () => {
  it("walks one word from ten times its collect limit, several from five times the exact limit on a small table", () => {
    expect(walkFrom(1, 50_000)).toBe(10 * SEARCH_EXACT_LIMIT);
    expect(walkFrom(2, 50_000)).toBe(5 * SEARCH_EXACT_LIMIT);
    // A table never analysed reports no rows: the least applies.
    expect(walkFrom(1, 0)).toBe(10 * SEARCH_EXACT_LIMIT);
  });

  it("collects far past the limit on a big table, where a walk reads table rows ÷ matches per match it needs", () => {
    const atAMillion = walkFrom(1, 1_000_000);
    // A word the planner expects 5,000 times in a million is collected, not walked (about 25 × 1,000,000 ÷
    // 5,000 = 5,000 rows, and four times that when the estimate is four times high).
    expect(atAMillion).toBeGreaterThan(5_000);
    expect(walkFrom(1, 10_000_000)).toBeGreaterThan(atAMillion);
    expect(walkFrom(2, 1_000_000)).toBe(Math.round((25 * 1_000_000) / (SEARCH_EXACT_LIMIT + 1)));
  });

  it("collects more of one word's matches on a bigger table, as many as a walk after a failed collection would read", () => {
    expect(collectLimit(50_000)).toBe(SEARCH_EXACT_LIMIT);
    expect(collectLimit(1_000_000)).toBe(5_000);
    // Three million: words the planner expected 15,003 and 29,931 times had 3,843 and 4,333 matches: collected.
    expect(collectLimit(3_000_000)).toBeGreaterThan(4_333);
    expect(walkFrom(1, 3_000_000)).toBeGreaterThan(29_931);
    // Several words (underestimated, so their collection fails more) and a relevance sort keep the fixed limit.
    expect(collectLimit(3_000_000, { words: 2 })).toBe(SEARCH_EXACT_LIMIT);
    expect(collectLimit(3_000_000, { relevance: true })).toBe(SEARCH_EXACT_LIMIT);
  });
});

describe("a search's first page looked for among the newest complaints first", () => {
  const filtersOf = (query: string) => parseComplaintFilters(new URLSearchParams(query));

  it("is the newest-first list's first page when enough of the newest match, with a total estimated from where its last match was", async () => {
    const query = "q=generated&sort=receivedOn.desc";
    const found = await newestPage(db, filtersOf(query), 20_000, NEWEST_WALK);
    const listed = await list(query);
    expect(found?.pageIds).toEqual(listed.rows.map((r) => r.id));
    expect(found!.estimate).toBeGreaterThan(SEARCH_EXACT_LIMIT);
    // The list's other filters read the newest rows too.
    const filtered = `q=generated&product=${f.products.account.id}&status=closed&sort=receivedOn.desc`;
    const both = await newestPage(db, filtersOf(filtered), 20_000, NEWEST_WALK);
    expect(both?.pageIds).toEqual((await list(filtered)).rows.map((r) => r.id));
  });

  it("gives up when fewer than a page of the newest match, for the collection to find them", async () => {
    expect(await newestPage(db, filtersOf("q=generated&sort=receivedOn.desc"), 20_000, 10)).toBeNull();
    expect(await newestPage(db, filtersOf("q=zyxwvut&sort=receivedOn.desc"), 20_000)).toBeNull();
  });
});
