import { eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db, Tx } from "@/db";
import { rowsOf } from "@/db/rows";
import { authorities, categories, complaints, products, users } from "@/db/schema";
import { gateComplaint, gateText, type PersonalDataAccess } from "@/lib/privacy/gate";
import { acknowledgeDueSql, overdueCondition, respondDueSql } from "./deadline-sql";
import { todayIso } from "./deadlines";
import type { ComplaintFilters } from "./filters";
import { EXACT_TOTAL_LIMIT, estimateCount, fewMatches, totalOf } from "./list-count";
import { complaintOrderBy, complaintWhere, resolveSearch, searchQuery } from "./list-where";
import { matchWithoutPersonalData, type SearchableRow } from "./masked-search";
import { identifierHits, identifierSearch } from "./search-identifiers";

export type ComplaintListRow = {
  id: string;
  reference: string;
  externalId: string;
  source: string;
  receivedOn: string;
  market: string;
  channel: string;
  authorityId: string | null;
  authorityName: string | null;
  productId: string | null;
  productName: string | null;
  categoryId: string | null;
  categoryName: string | null;
  journeyStage: string | null;
  summary: string;
  customerRef: string | null;
  appUser: boolean | null;
  severity: string | null;
  status: string;
  assigneeId: string | null;
  assigneeName: string | null;
  outcome: string | null;
  excludedReason: string | null;
  duplicateOfId: string | null;
  familyId: string | null;
  acknowledgeBy: string;
  respondBy: string;
  overdue: boolean;
  version: number;
  updatedAt: string;
  /** Words of summary or narrative that matched the search, to highlight. */
  matches: string[];
  /** A stretch of the narrative around the first match, when the search found words there. */
  snippet: string | null;
};

export type ComplaintList = {
  rows: ComplaintListRow[];
  total: number;
  /** True when more than EXACT_TOTAL_LIMIT match and `total` is the planner's estimate. */
  totalIsEstimate: boolean;
};

const HL_START = "\uE000";
const HL_STOP = "\uE001";
const HEADLINE_OPTIONS = `HighlightAll=true, StartSel=${HL_START}, StopSel=${HL_STOP}`;
const HIGHLIGHT = new RegExp(`${HL_START}([^${HL_STOP}]*)${HL_STOP}`, "g");

function matchedWords(headline: string | null): string[] {
  if (!headline) return [];
  return [...new Set([...headline.matchAll(HIGHLIGHT)].map((m) => m[1]!.toLowerCase()).filter(Boolean))];
}

export function snippetAround(text: string | null, words: string[], width = 160): string | null {
  if (!text || !words.length) return null;
  const lower = text.toLowerCase();
  const at = Math.min(...words.map((w) => lower.indexOf(w)).filter((i) => i >= 0));
  if (!Number.isFinite(at)) return null;
  const start = Math.max(0, at - width / 2);
  const end = Math.min(text.length, start + width);
  return `${start > 0 ? "…" : ""}${text.slice(start, end).replace(/\s+/g, " ").trim()}${end < text.length ? "…" : ""}`;
}

/**
 * One page of the list and its total, fetched side by side. The page is an index-ordered scan
 * that stops at LIMIT; the total is counted exactly up to EXACT_TOTAL_LIMIT and taken from the
 * planner's estimate beyond that, because counting a million matches costs more than the page.
 */
export async function listComplaints(
  q: Db | Tx,
  filters: ComplaintFilters,
  options: { access?: PersonalDataAccess; today?: string } = {},
): Promise<ComplaintList> {
  const access = options.access ?? "full";
  if (access === "none") return { rows: [], total: 0, totalIsEstimate: false };
  await resolveSearch(q, filters.q, filters.market);
  let rows: Awaited<ReturnType<typeof listQuery>>;
  let counted: { total: number; estimated: boolean };
  const identifier = identifierSearch(filters.q);
  // A customer reference is personal data: only a reader who may see it may look a complaint up by it.
  const named = identifier ? await identifierHits(q, filters, identifier, access === "full") : [];
  if (named.length) {
    // The term names complaints (a reference, an external id, a customer reference): those, first and only.
    const offset = (filters.page - 1) * filters.perPage;
    const pageIds = named.slice(offset, offset + filters.perPage);
    counted = { total: named.length, estimated: false };
    rows = pageIds.length ? await listQuery(q, { ...filters, q: undefined }, options.today, { pageIds }) : [];
  } else if (filters.q && access === "masked") {
    ({ rows, counted } = await maskedSearch(q, filters, options.today));
  } else if (filters.q) {
    // Word statistics cannot tell the planner how rare a combination of words is, so the matches are
    // counted first: few are collected through the text index and sorted, many are found walking
    // the dates. One pass over the text index counts the few and picks their page together.
    const found = await fewMatches(q, filters);
    if ("pageIds" in found) {
      counted =
        "total" in found ? { total: found.total, estimated: false } : { total: found.estimate, estimated: true };
      rows = found.pageIds.length ? await listQuery(q, filters, options.today, { pageIds: found.pageIds }) : [];
    } else {
      // More match than a search collects: "about N", and the page is found walking the dates.
      counted = { total: Math.max(found.limit + 1, found.estimate), estimated: true };
      rows = await listQuery(q, filters, options.today);
    }
  } else {
    [rows, counted] = await Promise.all([listQuery(q, filters, options.today), totalOf(q, filters)]);
  }
  const offset = (filters.page - 1) * filters.perPage;
  let { total, estimated } = counted;
  // A short, non-empty page (or an empty first page) is the end of the list: its total is exact.
  if (rows.length < filters.perPage && (rows.length > 0 || offset === 0)) {
    total = offset + rows.length;
    estimated = false;
  } else if (estimated && total < offset + rows.length) {
    total = offset + rows.length;
  }
  // A masked reader's highlights come from the text with personal data blanked, never the stored text.
  const query = searchQuery(filters.q, filters.market);
  const headlines =
    access === "masked" && query
      ? await matchWithoutPersonalData(q, rows.map(searchable), query, HEADLINE_OPTIONS)
      : null;
  return {
    total,
    totalIsEstimate: estimated,
    rows: rows.map(({ headline, narrative, market, ...row }) => {
      const gated = gateComplaint(access, { ...row, market, narrative });
      const matches = matchedWords(headlines ? (headlines.get(row.id) ?? null) : headline);
      // Show the narrative around words the summary does not already show.
      const elsewhere = matches.filter((w) => !gated.summary.toLowerCase().includes(w));
      return {
        ...row,
        market,
        summary: gated.summary,
        customerRef: gated.customerRef,
        updatedAt: row.updatedAt.toISOString(),
        overdue: Boolean(row.overdue),
        matches,
        snippet: snippetAround(gateText(access, narrative, { customerRefs: [row.customerRef] }), elsewhere),
      };
    }),
  };
}

function searchable(row: SearchableRow): SearchableRow {
  return {
    id: row.id,
    summary: row.summary,
    narrative: row.narrative,
    customerRef: row.customerRef,
    market: row.market,
  };
}

/**
 * A search by a reader without personal-data access: the stored text's matches (up to
 * EXACT_TOTAL_LIMIT + 1, in the list's order) are kept only where they still match with personal
 * data blanked, and the page is cut from those. Past the limit, the page found walking the dates is
 * filtered alike (it may come out short; the total stays the estimate).
 */
async function maskedSearch(q: Db | Tx, filters: ComplaintFilters, today?: string) {
  const query = searchQuery(filters.q, filters.market);
  if (!query) throw new Error("maskedSearch needs a search");
  const candidates = rowsOf<{
    id: string;
    summary: string;
    narrative: string | null;
    customer_ref: string | null;
    market: string;
  }>(
    await q.execute(sql`
      select ${complaints.id}::text as id, ${complaints.summary} as summary, ${complaints.narrative} as narrative,
        ${complaints.customerRef} as customer_ref, ${complaints.market} as market
      from ${complaints} where ${complaintWhere(filters)}
      order by ${sql.join(complaintOrderBy(filters, { matchesFirst: true }), sql`, `)}
      limit ${EXACT_TOTAL_LIMIT + 1}`),
  ).map((r) => ({
    id: r.id,
    summary: r.summary,
    narrative: r.narrative,
    customerRef: r.customer_ref,
    market: r.market,
  }));
  if (candidates.length > EXACT_TOTAL_LIMIT) {
    const page = await listQuery(q, filters, today);
    const kept = await matchWithoutPersonalData(q, page.map(searchable), query);
    const estimate = await estimateCount(q, complaintWhere(filters));
    return {
      rows: page.filter((r) => kept.has(r.id)),
      counted: { total: Math.max(EXACT_TOTAL_LIMIT + 1, estimate), estimated: true },
    };
  }
  const kept = await matchWithoutPersonalData(q, candidates, query);
  const ids = candidates.filter((c) => kept.has(c.id)).map((c) => c.id);
  const offset = (filters.page - 1) * filters.perPage;
  const pageIds = ids.slice(offset, offset + filters.perPage);
  return {
    rows: pageIds.length ? await listQuery(q, filters, today, { pageIds }) : [],
    counted: { total: ids.length, estimated: false },
  };
}

/** The page query on its own, so tests can EXPLAIN exactly what the list runs. */
export function listQuery(
  q: Db | Tx,
  filters: ComplaintFilters,
  todayArg?: string,
  /** `pageIds`: the page is already chosen (see fewMatches); only its rows are read, in the list's order. */
  options: { matchesFirst?: boolean; pageIds?: string[] } = {},
) {
  const orderBy = complaintOrderBy(filters, options);
  const offset = (filters.page - 1) * filters.perPage;
  const pageQuery = q
    .select({ pageId: sql<string>`${complaints.id}`.as("page_id") })
    .from(complaints)
    .$dynamic();
  const page = q.$with("page").as(
    options.pageIds
      ? pageQuery.where(inArray(complaints.id, options.pageIds))
      : pageQuery
          .where(complaintWhere(filters))
          .orderBy(...orderBy)
          .limit(filters.perPage)
          .offset(offset),
  );
  const assignee = alias(users, "assignee");
  const parent = alias(categories, "parent_category");
  const query = searchQuery(filters.q, filters.market);
  const today = todayArg ?? todayIso();
  return q
    .with(page)
    .select({
      id: complaints.id,
      reference: complaints.reference,
      externalId: complaints.externalId,
      source: complaints.source,
      receivedOn: complaints.receivedOn,
      market: complaints.market,
      channel: complaints.channel,
      authorityId: complaints.authorityId,
      authorityName: authorities.name,
      productId: complaints.productId,
      productName: products.name,
      categoryId: complaints.categoryId,
      categoryName: sql<
        string | null
      >`case when ${categories.id} is null then null else coalesce(${parent.name} || ' > ', '') || ${categories.name} end`,
      journeyStage: complaints.journeyStage,
      summary: complaints.summary,
      narrative: complaints.narrative,
      customerRef: complaints.customerRef,
      appUser: complaints.appUser,
      severity: complaints.severity,
      status: complaints.status,
      assigneeId: complaints.assigneeId,
      assigneeName: assignee.name,
      outcome: complaints.outcome,
      excludedReason: complaints.excludedReason,
      duplicateOfId: complaints.duplicateOfId,
      familyId: complaints.familyId,
      acknowledgeBy: sql<string>`(${acknowledgeDueSql()})::text`,
      respondBy: sql<string>`(${respondDueSql()})::text`,
      overdue: sql<boolean>`${overdueCondition(today)}`,
      version: complaints.version,
      updatedAt: complaints.updatedAt,
      headline: query
        ? sql<
            string | null
          >`ts_headline(${complaints.searchLanguage}, ${complaints.summary} || ' ' || coalesce(${complaints.narrative}, ''), ${query}, ${HEADLINE_OPTIONS})`
        : sql<string | null>`null`,
    })
    .from(page)
    .innerJoin(complaints, eq(complaints.id, page.pageId))
    .leftJoin(authorities, eq(authorities.id, complaints.authorityId))
    .leftJoin(products, eq(products.id, complaints.productId))
    .leftJoin(categories, eq(categories.id, complaints.categoryId))
    .leftJoin(parent, eq(parent.id, categories.parentId))
    .leftJoin(assignee, eq(assignee.id, complaints.assigneeId))
    .orderBy(...orderBy);
}
