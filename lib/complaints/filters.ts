import { z } from "zod";
import { boundedDate } from "@/lib/bounds";
import { CHANNELS, COMPLAINT_STATUSES, JOURNEY_STAGES, SEVERITIES } from "@/lib/domain/values";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { type MessageKey, parsingIn, rule, ruleText } from "@/lib/i18n/say";
import {
  customField,
  invalidFilters,
  listField,
  oneField,
  pagingFields,
  readUrlState,
  type SortDirection,
  sortField,
  type UrlParams,
  type UrlProblem,
  type UrlValues,
  urlParsers,
  urlSerializer,
} from "@/lib/utils/url-state";

// The complaint list's URL contract: every parameter's name, allow-list and default, in one place.
// The list page reads it leniently (a bad value is left out and named), the API, exports and saved
// views strictly (a bad value is a 400 naming the parameter), and the browser through nuqs. The SQL
// these filters become is lib/complaints/list-where.ts.

export type { SortDirection };

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
export type Sort = { key: SortKey; direction: SortDirection };
export const DEFAULT_SORT = { key: "receivedOn", direction: "desc" } as const satisfies Sort;

const uuid = (message: MessageKey) => z.uuid(rule(message));
const enumOf = <T extends string>(values: readonly [T, ...T[]], message: MessageKey) => z.enum(values, rule(message));
const text = (max: number, message: MessageKey) => z.string().trim().min(1).max(max, rule(message));
const date = (label: string) => oneField(label, boundedDate(), undefined);
const TRUE = ["true", "1", "yes"];
const FALSE = ["false", "0", "no"];

export const complaintListFields = {
  status: listField("Status", enumOf(COMPLAINT_STATUSES, "complaintRules.filterStatusUnknown")),
  market: listField("Market", z.string().regex(/^[A-Z]{2}$/, rule("complaintRules.filterMarketCode")), (v) =>
    v.toUpperCase(),
  ),
  channel: listField("Channel", enumOf(CHANNELS, "complaintRules.filterChannelUnknown")),
  authority: listField("Authority", uuid("complaintRules.filterId")),
  product: listField("Product", uuid("complaintRules.filterId")),
  category: listField("Category", uuid("complaintRules.filterId")),
  rootCause: listField("Root cause", uuid("complaintRules.filterId")),
  // "none" selects unassigned complaints.
  assignee: listField("Assignee", z.union([uuid("complaintRules.filterUserOrNone"), z.literal("none")])),
  severity: listField("Severity", enumOf(SEVERITIES, "complaintRules.filterSeverityUnknown")),
  journeyStage: listField("Journey stage", enumOf(JOURNEY_STAGES, "complaintRules.filterStageUnknown")),
  appUser: oneField("App user", z.enum(["yes", "no", "unknown"], rule("complaintRules.filterYesNoUnknown")), undefined),
  receivedFrom: date("Received from"),
  receivedTo: date("Received to"),
  overdue: customField<boolean>(
    "Overdue",
    false,
    (v) =>
      TRUE.includes(v)
        ? { value: true }
        : FALSE.includes(v)
          ? { value: false }
          : { message: ruleText("complaintRules.filterTrueFalse") },
    (v) => String(v),
  ),
  excluded: oneField("Excluded", z.enum(["yes", "no"], rule("complaintRules.filterYesNo")), undefined),
  externalId: oneField("External id", text(200, "complaintRules.filterExternalIdTooLong"), undefined),
  q: oneField("Search", text(200, "complaintRules.searchTooLong"), undefined),
  sort: sortField(SORT_KEYS, DEFAULT_SORT),
  ...pagingFields(MAX_PAGE, MAX_PER_PAGE, DEFAULT_PER_PAGE),
};

export type ComplaintFilters = UrlValues<typeof complaintListFields>;
export type ComplaintFilterKey = keyof ComplaintFilters;

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
} as const satisfies Record<ComplaintFilterKey, string>;

/** The parameters that narrow the list (the rest order and page it); changing one goes back to page 1. */
export const NARROWING_KEYS = [
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
  "appUser",
  "receivedFrom",
  "receivedTo",
  "overdue",
  "excluded",
  "externalId",
  "q",
] as const satisfies readonly ComplaintFilterKey[];

/** The contract as nuqs parsers, for `useQueryStates(complaintListParsers, { urlKeys: FILTER_PARAMS })`. */
export const complaintListParsers = urlParsers(complaintListFields);

/**
 * Reads the list's filters from a URL query (or Next's searchParams object), leaving out what it
 * cannot read: each such value comes back as a problem to tell the user about. Unknown parameters
 * are ignored.
 */
export function readComplaintFilters(params: UrlParams): { filters: ComplaintFilters; problems: UrlProblem[] } {
  const { values: filters, problems } = readUrlState(complaintListFields, FILTER_PARAMS, params);
  if (filters.receivedFrom && filters.receivedTo && filters.receivedFrom > filters.receivedTo) {
    problems.push({
      field: "receivedTo",
      param: FILTER_PARAMS.receivedTo,
      path: FILTER_PARAMS.receivedTo,
      label: complaintListFields.receivedTo.label,
      value: filters.receivedTo,
      message: ruleText("complaintRules.endBeforeStart"),
      explanation: ruleText("complaintRules.endBeforeStartExplained"),
    });
    filters.receivedTo = undefined;
  }
  return { filters, problems };
}

/**
 * The strict reading, for the API, exports, bulk targets and saved views: a known parameter with a
 * bad value is refused with its parameter name, so a broken call says what to fix rather than
 * silently acting on everything. The values' messages are in `locale`, the reader's.
 */
export function parseComplaintFilters(params: UrlParams, locale: Locale = DEFAULT_LOCALE): ComplaintFilters {
  const { filters, problems } = parsingIn(locale, () => readComplaintFilters(params));
  if (problems.length) throw invalidFilters(problems);
  return filters;
}

/** The filters as URL parameters again (defaults left out), for links, saved views and exports. */
export const filtersToSearchParams = urlSerializer(complaintListFields, FILTER_PARAMS);
