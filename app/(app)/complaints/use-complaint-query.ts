"use client";

import {
  parseAsArrayOf,
  parseAsBoolean,
  parseAsInteger,
  parseAsString,
  parseAsStringLiteral,
  useQueryStates,
} from "nuqs";
import { useTransition } from "react";

// The list's whole state lives in the URL (the names parseComplaintFilters reads), so a link reproduces it.
const list = parseAsArrayOf(parseAsString).withDefault([]);

export const complaintQueryParsers = {
  status: list,
  market: list,
  channel: list,
  authority: list,
  product: list,
  category: list,
  root_cause: list,
  assignee: list,
  severity: list,
  journey_stage: list,
  app_user: parseAsString,
  received_from: parseAsString,
  received_to: parseAsString,
  overdue: parseAsBoolean.withDefault(false),
  excluded: parseAsString,
  q: parseAsString.withDefault(""),
  sort: parseAsString,
  page: parseAsInteger.withDefault(1),
  per_page: parseAsInteger.withDefault(25),
  cols: parseAsArrayOf(parseAsString),
  density: parseAsStringLiteral(["comfortable", "compact"] as const).withDefault("comfortable"),
};

export type ComplaintQuery = ReturnType<typeof useComplaintQuery>[0];
export type ComplaintQueryUpdate = Parameters<ReturnType<typeof useComplaintQuery>[1]>[0];

/** Filter keys: changing one of them goes back to page 1. */
export const FILTER_KEYS = [
  "status",
  "market",
  "channel",
  "authority",
  "product",
  "category",
  "root_cause",
  "assignee",
  "severity",
  "journey_stage",
  "app_user",
  "received_from",
  "received_to",
  "overdue",
  "excluded",
  "q",
] as const;

export function useComplaintQuery() {
  const [pending, startTransition] = useTransition();
  const [query, setQuery] = useQueryStates(complaintQueryParsers, {
    shallow: false,
    clearOnDefault: true,
    startTransition,
  });
  return [query, setQuery, pending] as const;
}
