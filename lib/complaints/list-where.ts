import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import type { Db, Tx } from "@/db";
import { rowsOf } from "@/db/rows";
import { categories, complaintRootCauses, complaints } from "@/db/schema";
import { overdueCondition, respondDueSql } from "./deadline-sql";
import type { ComplaintFilters, SortDirection, SortKey } from "./filters";

// The complaint list's filters as SQL: the condition, the order and the search. Reading them from a
// URL is lib/complaints/filters.ts; this file only ever sees values that passed its allow-lists.

/** Words of a search, stripped to letters and digits so they are safe inside to_tsquery. */
export function searchTerms(q: string | undefined): string[] {
  if (!q) return [];
  return (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
}

/**
 * Per word, its prefix stemmed in each language of the markets in scope (`markets`; all markets when
 * empty), ORed, and the words ANDed: `betalingene` finds `betaling` in a Norwegian market, and
 * "förfallodatum" finds "förfallodatumet" in a Swedish one. The languages are the markets' data
 * (markets.search_language), read by the database function complaint_search_query (migration 0015).
 *
 * That function is STABLE, so PostgreSQL calls it again for every row it filters or highlights with
 * it (at a million complaints a newest-first search of two Swedish words filtered 512 rows: 19 ms
 * with the call, 3.4 ms with its answer as a constant). A read therefore asks for the answer once
 * (`resolveSearch`) and its queries carry the tsquery as a constant, which the planner also estimates
 * from; a query built without asking first calls the function as before.
 */
export function searchQuery(q: string | undefined, markets: readonly string[] = []): SQL | undefined {
  const terms = searchTerms(q);
  if (!terms.length) return undefined;
  const resolved = resolvedSearches.get(searchKey(terms, markets));
  return resolved === undefined ? searchFunction(terms, markets) : sql`${resolved}::tsquery`;
}

function searchFunction(terms: readonly string[], markets: readonly string[]): SQL {
  const words = sql`array[${sql.join(
    terms.map((t) => sql`${t}`),
    sql`, `,
  )}]::text[]`;
  const scope = markets.length
    ? sql`array[${sql.join(
        markets.map((m) => sql`${m}`),
        sql`, `,
      )}]::text[]`
    : sql`null::text[]`;
  return sql`complaint_search_query(${words}, ${scope})`;
}

// Answers of complaint_search_query by words and markets, kept a minute at most. Every read asks afresh
// before it builds its queries (`resolveSearch`), so a market's new search language counts from the next
// read; a query built without asking, or after its answer was dropped, calls the function instead.
const resolvedSearches = new LRUCache<string, string>({ max: 1_000, ttl: 60_000 });

function searchKey(terms: readonly string[], markets: readonly string[]): string {
  return JSON.stringify([terms, [...markets].sort()]);
}

/** Asks the database for the search's tsquery once, so `searchQuery` gives it as a constant. */
export async function resolveSearch(db: Db | Tx, q: string | undefined, markets: readonly string[] = []) {
  const terms = searchTerms(q);
  if (!terms.length) return;
  const [row] = rowsOf<{ query: string }>(
    await db.execute(sql`select ${searchFunction(terms, markets)}::text as query`),
  );
  if (row) resolvedSearches.set(searchKey(terms, markets), row.query);
}

/** The filters as one condition over `complaints` (undefined when nothing filters). */
export function complaintWhere(filters: ComplaintFilters): SQL | undefined {
  const c = complaints;
  const conditions: (SQL | undefined)[] = [];
  if (filters.status.length) conditions.push(inArray(c.status, filters.status));
  if (filters.market.length) conditions.push(inArray(c.market, filters.market));
  if (filters.channel.length) conditions.push(inArray(c.channel, filters.channel));
  if (filters.authority.length) conditions.push(inArray(c.authorityId, filters.authority));
  if (filters.product.length) conditions.push(inArray(c.productId, filters.product));
  if (filters.category.length) {
    // A parent category selects its children too.
    conditions.push(
      or(
        inArray(c.categoryId, filters.category),
        inArray(
          c.categoryId,
          sql`(select ${categories.id} from ${categories} where ${inArray(categories.parentId, filters.category)})`,
        ),
      ),
    );
  }
  if (filters.rootCause.length) {
    conditions.push(
      sql`exists (select 1 from ${complaintRootCauses} where ${complaintRootCauses.complaintId} = ${c.id} and ${inArray(
        complaintRootCauses.rootCauseId,
        filters.rootCause,
      )})`,
    );
  }
  if (filters.assignee.length) {
    const ids = filters.assignee.filter((a) => a !== "none");
    conditions.push(
      or(
        ids.length ? inArray(c.assigneeId, ids) : undefined,
        filters.assignee.includes("none") ? isNull(c.assigneeId) : undefined,
      ),
    );
  }
  if (filters.severity.length) conditions.push(inArray(c.severity, filters.severity));
  if (filters.journeyStage.length) conditions.push(inArray(c.journeyStage, filters.journeyStage));
  if (filters.appUser === "yes") conditions.push(eq(c.appUser, true));
  if (filters.appUser === "no") conditions.push(eq(c.appUser, false));
  if (filters.appUser === "unknown") conditions.push(isNull(c.appUser));
  if (filters.receivedFrom) conditions.push(gte(c.receivedOn, filters.receivedFrom));
  if (filters.receivedTo) conditions.push(lte(c.receivedOn, filters.receivedTo));
  if (filters.excluded === "yes") conditions.push(isNotNull(c.excludedReason));
  if (filters.excluded === "no") conditions.push(isNull(c.excludedReason));
  if (filters.externalId) conditions.push(eq(c.externalId, filters.externalId));
  if (filters.overdue) conditions.push(overdueCondition());
  const query = searchQuery(filters.q, filters.market);
  if (query) conditions.push(sql`${c.search} @@ ${query}`);
  const present = conditions.filter((x): x is SQL => x !== undefined);
  return present.length ? and(...present) : undefined;
}

export const SORT_COLUMNS = {
  receivedOn: complaints.receivedOn,
  reference: complaints.reference,
  externalId: complaints.externalId,
  status: complaints.status,
  severity: complaints.severity,
  market: complaints.market,
  channel: complaints.channel,
  updatedAt: complaints.updatedAt,
  createdAt: complaints.createdAt,
  // Computed from the deadline rules: fine for a filtered list; no index serves it.
  due: respondDueSql(),
} as const;

// Sorts read off a `(column desc nulls last, id)` index (these columns are never null, so the
// nulls clause only has to match the index). Other keys keep PostgreSQL's default spelling, which
// matches plain indexes such as the unique one on reference.
export const INDEX_ORDERED = new Set<SortKey>(["receivedOn", "updatedAt", "createdAt"]);

/**
 * ORDER BY for the filters' sort, with a unique tiebreak so pages never overlap. Date sorts are
 * spelled exactly as their indexes are built — `received_on desc nulls last, id` or its exact
 * reverse — so PostgreSQL reads a page straight off an index and stops at LIMIT. (A bare `desc`
 * means `nulls first`, which that index does not provide, and that alone forces sorting every match.)
 */
export function complaintOrderBy(filters: ComplaintFilters, options: { matchesFirst?: boolean } = {}): SQL[] {
  const { key, direction } = filters.sort;
  const query = searchQuery(filters.q, filters.market);
  const fenced = options.matchesFirst ?? false;
  if (key === "relevance") {
    const newest = indexOrder("receivedOn", "desc", fenced);
    return query ? [sql`ts_rank(${complaints.search}, ${query}) desc`, ...newest] : newest;
  }
  if (INDEX_ORDERED.has(key)) return indexOrder(key as IndexOrderedKey, direction, fenced);
  const dir = direction === "asc" ? asc : desc;
  return [dir(SORT_COLUMNS[key]), dir(complaints.id)];
}

type IndexOrderedKey = "receivedOn" | "updatedAt" | "createdAt";

/**
 * `matchesFirst` spells the same order as an expression no index provides (`received_on + 0`), so
 * the planner collects the matches through their own index and sorts them. That is the right plan
 * when few rows match: walking the date index to find 25 of them may read the whole table.
 */
function indexOrder(key: IndexOrderedKey, direction: SortDirection, matchesFirst: boolean): SQL[] {
  const column = SORT_COLUMNS[key];
  const value = !matchesFirst
    ? sql`${column}`
    : key === "receivedOn"
      ? sql`(${column} + 0)`
      : sql`(${column} + interval '0 seconds')`;
  return direction === "desc"
    ? [sql`${value} desc nulls last`, sql`${complaints.id} asc`]
    : [sql`${value} asc nulls first`, sql`${complaints.id} desc`];
}
