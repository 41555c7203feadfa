import { type SQL, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { rowsOf } from "@/db/rows";
import { complaints } from "@/db/schema";
import { first } from "@/lib/must";
import type { ComplaintFilters } from "./filters";
import { complaintOrderBy, complaintWhere, INDEX_ORDERED, SORT_COLUMNS, searchTerms } from "./list-where";

// How many complaints a list's filters match: exact where counting is cheap, the planner's estimate
// where it is not. The page itself is lib/complaints/list-query.ts.

/** Totals up to this many are counted exactly; past it the list says "about N". */
export const EXACT_TOTAL_LIMIT = 10_000;
/**
 * A search's matches are counted exactly up to at least this many (more on a big table: collectLimit).
 * Counting them reads each match's row (the text index cannot say a row is visible); past the limit the
 * page is found walking the dates, and the total is the planner's "about N".
 */
export const SEARCH_EXACT_LIMIT = 2_000;
// An estimate this far past the limit is trusted without counting: the planner would have to be
// five times too high for the true total to be under the limit.
const TRUST_ESTIMATE_FROM = 5 * EXACT_TOTAL_LIMIT;

/**
 * The number of matches, exact up to EXACT_TOTAL_LIMIT. The planner's estimate comes first (planning
 * only, nothing is read): far past the limit it stands as the total. Otherwise a count that stops one
 * row past the limit decides, so a filter the planner overrates is still counted exactly, and a
 * count never reads more than EXACT_TOTAL_LIMIT + 1 rows. Past the limit "about N" is never below it.
 */
export async function totalOf(q: Db | Tx, filters: ComplaintFilters): Promise<{ total: number; estimated: boolean }> {
  const where = complaintWhere(filters);
  const estimate = await estimateCount(q, where);
  if (estimate >= TRUST_ESTIMATE_FROM) return { total: estimate, estimated: true };
  const bounded = q
    .select({ one: sql`1` })
    .from(complaints)
    .where(where)
    .limit(EXACT_TOTAL_LIMIT + 1)
    .as("bounded");
  const row = first(await q.select({ n: sql<number>`count(*)::int` }).from(bounded), "count");
  const n = Number(row.n);
  if (n <= EXACT_TOTAL_LIMIT) return { total: n, estimated: false };
  return { total: Math.max(EXACT_TOTAL_LIMIT + 1, estimate), estimated: true };
}

/**
 * How many of a search's matches it collects (and then counts exactly) before it walks the dates instead.
 * Collecting reads one row per match; a walk reads about (page size × table rows ÷ matches) rows. A
 * collection that finds more than it may keep has read its limit L for nothing and then walks (fewer
 * than page × rows ÷ L rows, since there are more than L matches): L + page × rows ÷ L at worst, least
 * at L = √(page × rows). So for one word the limit grows with the table — 5,000 at a million complaints,
 * 8,660 at three — and never falls below SEARCH_EXACT_LIMIT. (At three million, a rare Swedish word the
 * planner expected 15,003 times had 3,843 matches: a fixed limit of 2,000 collected 2,001 of them for
 * nothing and then walked 22,786 rows, each one's search vector read, for a page of 25.)
 * Several words keep SEARCH_EXACT_LIMIT: the planner takes them as independent and expects too few
 * (7,359 for 33,240 at a million), so their collection fails more often, and a bigger limit only makes
 * each failure dearer (two Swedish words: 51 → 326 ms for one client at three million). A relevance sort
 * keeps it too: it reads every collected match's vector again to rank it.
 */
export function collectLimit(tableRows: number, options: { words?: number; relevance?: boolean } = {}): number {
  if (options.relevance || (options.words ?? 1) > 1) return SEARCH_EXACT_LIMIT;
  return Math.max(SEARCH_EXACT_LIMIT, Math.round(Math.sqrt(WALK_PAGE_ROWS * tableRows)));
}

/**
 * From how many expected matches a search finds its page walking the dates instead of collecting its
 * matches. One word: ten times its collect limit, since the planner's estimate of a word looked up by
 * prefix runs high (at three million: 15,003 expected for 3,843 matches, 29,931 for 4,333) and a
 * collection that finds too many has cost only its limit. Several words: five times the limit, or as
 * many as make a walk (page × rows ÷ matches) read as many rows as a collection would.
 */
export function walkFrom(words: number, tableRows: number): number {
  if (words <= 1) return ESTIMATE_RUNS_HIGH * collectLimit(tableRows);
  return Math.max(5 * SEARCH_EXACT_LIMIT, Math.round((WALK_PAGE_ROWS * tableRows) / (SEARCH_EXACT_LIMIT + 1)));
}
const ESTIMATE_RUNS_HIGH = 10;
/** The rows a walk must find matches for: a page and a margin (the filter beside the search drops some). */
const WALK_PAGE_ROWS = 25;

let knownRows: { rows: number; at: number } | null = null;
/** The table's size as the planner knows it (the last analyze), read at most once a minute. */
async function complaintRows(q: Db | Tx): Promise<number> {
  if (knownRows && Date.now() - knownRows.at < 60_000) return knownRows.rows;
  const [row] = rowsOf<{ n: number | string }>(
    await q.execute(sql`select greatest(reltuples, 0)::float8 as n from pg_class where oid = 'complaints'::regclass`),
  );
  knownRows = { rows: Number(row?.n ?? 0), at: Date.now() };
  return knownRows.rows;
}

/** How many of the newest complaints the first page of a newest-first search of several words looks among first. */
export const NEWEST_WALK = SEARCH_EXACT_LIMIT;
// Below this many complaints collecting is cheap whatever the words: no look among the newest first.
const NEWEST_FIRST_FROM = 100 * SEARCH_EXACT_LIMIT;

/**
 * The first page of a newest-first search found among the newest `walk` complaints (each one's search
 * vector read), or null when fewer than a page of them match. Its total is estimated from how far down the
 * page's last match was (table rows × page ÷ its position), since the planner's estimate for several
 * words is far too low: at three million, 22,095 for the 194,525 complaints saying "identity" and "theft",
 * whose bitmap the text index built in full before 2,001 of them were collected and found too many
 * (1.26 s under load), when its page was among the newest 213 (7 ms).
 */
export async function newestPage(
  q: Db | Tx,
  filters: ComplaintFilters,
  tableRows: number,
  walk = NEWEST_WALK,
): Promise<{ estimate: number; pageIds: string[] } | null> {
  // The newest rows under the table's own name, so the filters (spelled on "complaints") read them; the
  // LIMIT fences them, so the text index cannot be asked, and their order lets the outer LIMIT stop at the
  // page's last match (a page of common words is found in the first few hundred).
  const order = sql.raw(`received_on desc nulls last, id asc`);
  const rows = rowsOf<{ id: string; position: number | string }>(
    await q.execute(sql`
      select complaints.id, complaints.position
      from (select *, row_number() over (order by ${order}) as position from ${complaints} order by ${order} limit ${walk}) as complaints
      where ${complaintWhere(filters) ?? sql`true`}
      order by complaints.received_on desc nulls last, complaints.id asc limit ${filters.perPage}`),
  );
  const last = rows[filters.perPage - 1];
  if (!last) return null;
  const estimate = Math.round((Math.max(tableRows, walk) * filters.perPage) / Number(last.position));
  return { estimate, pageIds: rows.map((r) => r.id) };
}

/**
 * For a filter the planner expects to match fewer than TRUST_ESTIMATE_FROM: its matches, up to
 * EXACT_TOTAL_LIMIT + 1, are read once; when they are all there, their number is the exact total
 * and the page is sorted out of them. Otherwise (more match, or are expected to) the estimate.
 */
export async function fewMatches(
  q: Db | Tx,
  filters: ComplaintFilters,
): Promise<
  { total: number; pageIds: string[] } | { estimate: number; pageIds: string[] } | { estimate: number; limit: number }
> {
  const where = complaintWhere(filters);
  const [estimate, tableRows] = await Promise.all([estimateCount(q, where), complaintRows(q)]);
  const sorted = matchesOrder(filters);
  const words = searchTerms(filters.q).length;
  const newestFirst = filters.page === 1 && filters.sort.key === "receivedOn" && filters.sort.direction === "desc";
  if (words > 1 && newestFirst && tableRows >= NEWEST_FIRST_FROM) {
    const page = await newestPage(q, filters, tableRows);
    if (page) return page;
  }
  const limit = collectLimit(tableRows, { words, relevance: sorted === null });
  if (estimate >= walkFrom(words, tableRows)) return { estimate, limit };
  const offset = (filters.page - 1) * filters.perPage;
  // One row per id of the page, each with the total; a single row without an id when the page is empty.
  // The matches carry their sort key, so the page is sorted out of them without reading them again
  // (a relevance sort needs the search vector and reads them once more).
  const rows = rowsOf<{ total: number | string; id: string | null }>(
    await q.execute(
      sorted
        ? sql`
      with matches as materialized (select ${complaints.id} as id, ${sorted.key} as k from ${complaints} where ${where} limit ${limit + 1})
      select counted.total, page.id from (select count(*)::int as total from matches) counted
      left join lateral (select id from matches order by ${sorted.order} limit ${filters.perPage} offset ${offset}) page on true`
        : sql`
      with matches as materialized (select ${complaints.id} as id from ${complaints} where ${where} limit ${limit + 1})
      select counted.total, page.id from (select count(*)::int as total from matches) counted
      left join lateral (select ${complaints.id} as id from ${complaints} where ${complaints.id} in (select id from matches)
        order by ${sql.join(complaintOrderBy(filters, { matchesFirst: true }), sql`, `)} limit ${filters.perPage} offset ${offset}) page on true`,
    ),
  );
  const total = Number(first(rows, "count").total);
  if (total > limit) return { estimate, limit };
  return { total, pageIds: rows.flatMap((r) => (r.id ? [r.id] : [])) };
}

/** The list's order over `matches(id, k)`, where k is the sort column; null for a relevance sort. */
function matchesOrder(filters: ComplaintFilters): { key: SQL; order: SQL } | null {
  const { key, direction } = filters.sort;
  if (key === "relevance") return null;
  const column = sql`${SORT_COLUMNS[key]}`;
  // The same order as complaintOrderBy: date sorts as their indexes are spelled, others plainly.
  if (INDEX_ORDERED.has(key))
    return {
      key: column,
      order: direction === "desc" ? sql`k desc nulls last, id asc` : sql`k asc nulls first, id desc`,
    };
  return { key: column, order: direction === "desc" ? sql`k desc, id desc` : sql`k asc, id asc` };
}

type ExplainRow = { "QUERY PLAN": string | { Plan: { "Plan Rows": number } }[] };

/** The planner's estimate of the rows matching `where`: planning only, nothing is read. */
export async function estimateCount(q: Db | Tx, where: SQL | undefined): Promise<number> {
  const row = first(
    rowsOf<ExplainRow>(
      await q.execute(sql`explain (format json) select 1 from ${complaints} ${where ? sql`where ${where}` : sql``}`),
    ),
    "explain",
  );
  const raw = row["QUERY PLAN"];
  // postgres.js hands the json plan back parsed; PGlite as text.
  const plan = typeof raw === "string" ? (JSON.parse(raw) as Exclude<ExplainRow["QUERY PLAN"], string>) : raw;
  return Math.round(first(plan, "query plan").Plan["Plan Rows"]);
}

/** How many complaints match, without fetching a page (for "select all N matching"). */
export async function countComplaints(q: Db | Tx, filters: ComplaintFilters): Promise<number> {
  const row = first(
    await q.select({ n: sql<number>`count(*)::int` }).from(complaints).where(complaintWhere(filters)),
    "count",
  );
  return Number(row.n);
}
