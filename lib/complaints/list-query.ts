import { eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db, Tx } from "@/db";
import { authorities, categories, complaints, products, users } from "@/db/schema";
import { redactText } from "@/lib/privacy/redact";
import { acknowledgeDueSql, overdueCondition, respondDueSql } from "./deadline-sql";
import { todayIso } from "./deadlines";
import { complaintOrderBy, complaintWhere, searchQuery, type ComplaintFilters } from "./filters";

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

export type ComplaintList = { rows: ComplaintListRow[]; total: number };

const HL_START = "\uE000";
const HL_STOP = "\uE001";
const HIGHLIGHT = new RegExp(`${HL_START}([^${HL_STOP}]*)${HL_STOP}`, "g");

function matchedWords(headline: string | null): string[] {
  if (!headline) return [];
  return [...new Set([...headline.matchAll(HIGHLIGHT)].map((m) => m[1].toLowerCase()).filter(Boolean))];
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
 * One page of the list and the total in one round trip: a CTE picks the page's ids with
 * `count(*) over ()`, then the page alone is joined to names, deadlines and search highlights.
 */
export async function listComplaints(
  q: Db | Tx,
  filters: ComplaintFilters,
  options: { redact?: boolean; today?: string } = {},
): Promise<ComplaintList> {
  const where = complaintWhere(filters);
  const rows = await listQuery(q, filters, options.today);

  let total = rows.length ? Number(rows[0].total) : 0;
  if (!rows.length && filters.page > 1) {
    // Past the last page the window has nothing to count over; count on its own.
    const [counted] = await q.select({ n: sql<number>`count(*)::int` }).from(complaints).where(where);
    total = Number(counted.n);
  }
  return {
    total,
    rows: rows.map(({ headline, narrative, total: _t, ...row }) => {
      const redact = options.redact ?? false;
      const summary = redact ? redactText(row.summary) : row.summary;
      const text = redact && narrative ? redactText(narrative) : narrative;
      const matches = matchedWords(headline);
      // Show the narrative around words the summary does not already show.
      const elsewhere = matches.filter((w) => !summary.toLowerCase().includes(w));
      return {
        ...row,
        summary,
        customerRef: redact ? null : row.customerRef,
        updatedAt: row.updatedAt.toISOString(),
        overdue: Boolean(row.overdue),
        matches,
        snippet: snippetAround(text, elsewhere),
      };
    }),
  };
}


/** The page query on its own, so tests can EXPLAIN exactly what the list runs. */
export function listQuery(q: Db | Tx, filters: ComplaintFilters, todayArg?: string) {
  const where = complaintWhere(filters);
  const orderBy = complaintOrderBy(filters);
  const offset = (filters.page - 1) * filters.perPage;
  const page = q.$with("page").as(
    q
      .select({ pageId: sql<string>`${complaints.id}`.as("page_id"), total: sql<number>`count(*) over ()`.as("total") })
      .from(complaints)
      .where(where)
      .orderBy(...orderBy)
      .limit(filters.perPage)
      .offset(offset),
  );
  const assignee = alias(users, "assignee");
  const parent = alias(categories, "parent_category");
  const query = searchQuery(filters.q);
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
      categoryName: sql<string | null>`case when ${categories.id} is null then null else coalesce(${parent.name} || ' > ', '') || ${categories.name} end`,
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
        ? sql<string | null>`ts_headline('english'::regconfig, ${complaints.summary} || ' ' || coalesce(${complaints.narrative}, ''), ${query}, ${`HighlightAll=true, StartSel=${HL_START}, StopSel=${HL_STOP}`})`
        : sql<string | null>`null`,
      total: sql<number>`${page.total}`,
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

/** How many complaints match, without fetching a page (for "select all N matching"). */
export async function countComplaints(q: Db | Tx, filters: ComplaintFilters): Promise<number> {
  const [row] = await q.select({ n: sql<number>`count(*)::int` }).from(complaints).where(complaintWhere(filters));
  return Number(row.n);
}
