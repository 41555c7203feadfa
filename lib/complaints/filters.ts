import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { categories, complaintRootCauses, complaints } from "@/db/schema";
import { CHANNELS, COMPLAINT_STATUSES, JOURNEY_STAGES, SEVERITIES } from "@/db/schema/enums";
import { boundedDate } from "@/lib/bounds";
import { AppError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation";
import { overdueCondition, respondDueSql } from "./deadline-sql";

export const DEFAULT_PER_PAGE = 25;
export const MAX_PER_PAGE = 200;
export const MAX_PAGE = 100_000;

/** Sort keys the list, the API and exports accept; anything else is refused, never interpolated. */
export const SORT_KEYS = [
  "receivedOn",
  "reference",
  "externalId",
  "status",
  "severity",
  "market",
  "channel",
  "updatedAt",
  "createdAt",
  "relevance",
  "due",
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = "asc" | "desc";
export const DEFAULT_SORT = { key: "receivedOn", direction: "desc" } as const satisfies {
  key: SortKey;
  direction: SortDirection;
};

const uuidList = z.array(z.uuid({ message: "Must be an id (uuid)" }));
const dateString = boundedDate("Use a date as YYYY-MM-DD");
const yesNo = z.enum(["yes", "no"], { message: "Use yes or no" });

export const complaintFiltersSchema = z
  .object({
    status: z.array(z.enum(COMPLAINT_STATUSES)).default([]),
    market: z.array(z.string().regex(/^[A-Z]{2}$/, "Use a two-letter market code such as SE")).default([]),
    channel: z.array(z.enum(CHANNELS)).default([]),
    authority: uuidList.default([]),
    product: uuidList.default([]),
    category: uuidList.default([]),
    rootCause: uuidList.default([]),
    // "none" selects unassigned complaints.
    assignee: z.array(z.union([z.uuid({ message: "Must be a user id or none" }), z.literal("none")])).default([]),
    severity: z.array(z.enum(SEVERITIES)).default([]),
    journeyStage: z.array(z.enum(JOURNEY_STAGES)).default([]),
    appUser: z.enum(["yes", "no", "unknown"], { message: "Use yes, no or unknown" }).optional(),
    receivedFrom: dateString.optional(),
    receivedTo: dateString.optional(),
    overdue: z.boolean().default(false),
    excluded: yesNo.optional(),
    externalId: z.string().trim().min(1).max(200).optional(),
    q: z.string().trim().max(200, "Search text is at most 200 characters").optional(),
    sort: z
      .object({
        key: z.enum(SORT_KEYS, { message: `Sort by one of: ${SORT_KEYS.join(", ")}` }),
        direction: z.enum(["asc", "desc"], { message: "Sort ascending (asc) or descending (desc)" }),
      })
      .default({ ...DEFAULT_SORT }),
    page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
    perPage: z.coerce
      .number()
      .int()
      .min(1)
      .max(MAX_PER_PAGE, `At most ${MAX_PER_PAGE} rows per page`)
      .default(DEFAULT_PER_PAGE),
  })
  .refine((f) => !f.receivedFrom || !f.receivedTo || f.receivedFrom <= f.receivedTo, {
    path: ["receivedTo"],
    message: "The end date is before the start date",
  });

export type ComplaintFilters = z.output<typeof complaintFiltersSchema>;

/** URL parameter names, as the list's URL, the API and saved views spell them. */
export const FILTER_PARAMS = {
  status: "status",
  market: "market",
  channel: "channel",
  authority: "authority",
  product: "product",
  category: "category",
  rootCause: "root_cause",
  assignee: "assignee",
  severity: "severity",
  journeyStage: "journey_stage",
  appUser: "app_user",
  receivedFrom: "received_from",
  receivedTo: "received_to",
  overdue: "overdue",
  excluded: "excluded",
  externalId: "external_id",
  q: "q",
  sort: "sort",
  page: "page",
  perPage: "per_page",
} as const satisfies Record<keyof ComplaintFilters, string>;

const LIST_KEYS = [
  "status",
  "market",
  "channel",
  "authority",
  "product",
  "category",
  "rootCause",
  "assignee",
  "severity",
  "journeyStage",
] as const;

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function valuesOf(params: Params, name: string): string[] {
  const raw = params instanceof URLSearchParams ? params.getAll(name) : [params[name] ?? []].flat();
  // Lists come as repeated parameters or comma-separated (nuqs writes `status=new,triaged`).
  return raw
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
}

function firstOf(params: Params, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = params instanceof URLSearchParams ? params.get(name) : [params[name] ?? []].flat()[0];
    if (value !== undefined && value !== null && value.trim() !== "") return value.trim();
  }
  return undefined;
}

/** `receivedOn.desc`, `-receivedOn` or `receivedOn` (ascending); snake_case keys are accepted too. */
export function parseSort(raw: string | undefined): { key: string; direction: string } | undefined {
  if (!raw) return undefined;
  let key = raw;
  let direction = "asc";
  if (key.startsWith("-")) {
    key = key.slice(1);
    direction = "desc";
  } else {
    const match = /^(.+)[.:](asc|desc)$/i.exec(key);
    if (match) {
      key = match[1]!;
      direction = match[2]!.toLowerCase();
    }
  }
  return { key: key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), direction };
}

export function formatSort(sort: { key: SortKey; direction: SortDirection }): string {
  return `${sort.key}.${sort.direction}`;
}

/**
 * Reads the list's filters from a URL query (or Next's searchParams object). Unknown parameters are
 * ignored; a known one with a bad value is refused with its parameter name, so a broken link or API
 * call says what to fix rather than silently showing everything.
 */
export function parseComplaintFilters(params: Params): ComplaintFilters {
  const input: Record<string, unknown> = {};
  for (const key of LIST_KEYS) {
    const values = valuesOf(params, FILTER_PARAMS[key]);
    if (values.length) input[key] = key === "market" ? values.map((v) => v.toUpperCase()) : values;
  }
  for (const key of [
    "appUser",
    "receivedFrom",
    "receivedTo",
    "excluded",
    "externalId",
    "q",
    "page",
    "perPage",
  ] as const) {
    const value = firstOf(params, FILTER_PARAMS[key], key);
    if (value !== undefined) input[key] = value;
  }
  const overdue = firstOf(params, "overdue");
  if (overdue !== undefined) {
    if (!["true", "1", "yes", "false", "0", "no"].includes(overdue)) {
      throw invalidFilter([{ path: "overdue", message: "Use true or false" }]);
    }
    input.overdue = ["true", "1", "yes"].includes(overdue);
  }
  const sort = parseSort(firstOf(params, "sort"));
  if (sort) input.sort = sort;

  const parsed = complaintFiltersSchema.safeParse(input);
  if (!parsed.success) {
    const details = Object.entries(fieldErrorsOf(parsed.error)).map(([path, messages]) => {
      const [head, ...rest] = path.split(".");
      const name = FILTER_PARAMS[head as keyof ComplaintFilters] ?? head;
      // `sort` is one URL parameter, however the schema splits it.
      return { path: head === "sort" ? name : [name, ...rest].join("."), message: messages.join("; ") };
    });
    throw invalidFilter(details);
  }
  return parsed.data;
}

function invalidFilter(details: { path: string; message: string }[]) {
  return new AppError("invalid", "Some filters are invalid", details);
}

/** The filters as URL parameters again (defaults left out), for links, saved views and exports. */
export function filtersToSearchParams(filters: Partial<ComplaintFilters>): URLSearchParams {
  const out = new URLSearchParams();
  for (const key of LIST_KEYS) {
    const values = filters[key];
    if (values?.length) out.set(FILTER_PARAMS[key], values.join(","));
  }
  for (const key of ["appUser", "receivedFrom", "receivedTo", "excluded", "externalId", "q"] as const) {
    const value = filters[key];
    if (value) out.set(FILTER_PARAMS[key], value);
  }
  if (filters.overdue) out.set("overdue", "true");
  const sort = filters.sort;
  if (sort && (sort.key !== DEFAULT_SORT.key || sort.direction !== DEFAULT_SORT.direction))
    out.set("sort", formatSort(sort));
  if (filters.page && filters.page > 1) out.set("page", String(filters.page));
  if (filters.perPage && filters.perPage !== DEFAULT_PER_PAGE) out.set("per_page", String(filters.perPage));
  return out;
}

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
 */
export function searchQuery(q: string | undefined, markets: readonly string[] = []): SQL | undefined {
  const terms = searchTerms(q);
  if (!terms.length) return undefined;
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
