"use client";

import { parseAsArrayOf, parseAsInteger, parseAsString, useQueryStates } from "nuqs";
import { useTransition } from "react";

// The list's state lives in the URL under the names parseRemediationFilters reads.
const list = parseAsArrayOf(parseAsString).withDefault([]);

export const remediationQueryParsers = {
  status: list,
  owner: list,
  root_cause: list,
  market: list,
  sort: parseAsString,
  page: parseAsInteger.withDefault(1),
  per_page: parseAsInteger.withDefault(25),
};

export const REMEDIATION_FILTER_KEYS = ["status", "owner", "root_cause", "market"] as const;

export type RemediationQuery = ReturnType<typeof useRemediationQuery>[0];
export type RemediationQueryUpdate = Parameters<ReturnType<typeof useRemediationQuery>[1]>[0];

export function useRemediationQuery() {
  const [pending, startTransition] = useTransition();
  const [query, setQuery] = useQueryStates(remediationQueryParsers, {
    shallow: false,
    clearOnDefault: true,
    startTransition,
  });
  return [query, setQuery, pending] as const;
}
