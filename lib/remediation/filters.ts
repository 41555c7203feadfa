import { z } from "zod";
import { REMEDIATION_STATUSES } from "@/lib/domain/values";
import { rule } from "@/lib/i18n/say";
import {
  invalidFilters,
  listField,
  pagingFields,
  readUrlState,
  sortField,
  type UrlParams,
  type UrlProblem,
  type UrlValues,
  urlParsers,
  urlSerializer,
} from "@/lib/utils/url-state";

// The remediation list's URL contract: names, allow-lists and defaults, read by the page (leniently),
// the API (strictly) and the browser (nuqs). The SQL is remediationWhere in list-query.ts.

export const REMEDIATION_SORT_KEYS = [
  "title",
  "status",
  "owner",
  "dueOn",
  "shippedOn",
  "market",
  "updatedAt",
  "createdAt",
] as const;
export type RemediationSortKey = (typeof REMEDIATION_SORT_KEYS)[number];
export const DEFAULT_REMEDIATION_SORT = { key: "updatedAt", direction: "desc" } as const;
export const DEFAULT_REMEDIATION_PER_PAGE = 25;

export const remediationListFields = {
  status: listField("Status", z.enum(REMEDIATION_STATUSES, rule("remediationRules.filterStatus"))),
  owner: listField("Owner", z.uuid(rule("remediationRules.filterUser"))),
  rootCause: listField("Root cause", z.uuid(rule("remediationRules.filterRootCause"))),
  market: listField("Market", z.string().regex(/^[A-Z]{2}$/, rule("remediationRules.filterMarket")), (v) =>
    v.toUpperCase(),
  ),
  sort: sortField(REMEDIATION_SORT_KEYS, DEFAULT_REMEDIATION_SORT),
  ...pagingFields(100_000, 200, DEFAULT_REMEDIATION_PER_PAGE),
};
export type RemediationFilters = UrlValues<typeof remediationListFields>;

/** URL parameter names, as the list's URL and the API spell them. */
export const REMEDIATION_PARAMS = {
  status: "status",
  owner: "owner",
  rootCause: "root_cause",
  market: "market",
  sort: "sort",
  page: "page",
  perPage: "per_page",
} as const satisfies Record<keyof RemediationFilters, string>;

/** The parameters that narrow the list; changing one goes back to page 1. */
export const REMEDIATION_NARROWING_KEYS = ["status", "owner", "rootCause", "market"] as const;

/** The contract as nuqs parsers, for `useQueryStates(remediationListParsers, { urlKeys: REMEDIATION_PARAMS })`. */
export const remediationListParsers = urlParsers(remediationListFields);

/** The list page's reading: what it cannot read is left out and returned, to tell the user. */
export function readRemediationFilters(params: UrlParams): { filters: RemediationFilters; problems: UrlProblem[] } {
  const { values, problems } = readUrlState(remediationListFields, REMEDIATION_PARAMS, params);
  return { filters: values, problems };
}

/** The API's reading: a known parameter with a bad value is refused by name. */
export function parseRemediationFilters(params: UrlParams): RemediationFilters {
  const { filters, problems } = readRemediationFilters(params);
  if (problems.length) throw invalidFilters(problems);
  return filters;
}

/** The filters as URL parameters again (defaults left out), for the page to hand its reading to the list's read. */
export const remediationFiltersToSearchParams = urlSerializer(remediationListFields, REMEDIATION_PARAMS);
