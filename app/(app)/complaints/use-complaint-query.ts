"use client";

import { parseAsArrayOf, parseAsString, parseAsStringLiteral, useQueryStates } from "nuqs";
import { useTransition } from "react";
import { complaintListParsers, FILTER_PARAMS } from "@/lib/complaints/filters";

// The list's whole state lives in the URL, so a link reproduces it. The filters, sort and paging are
// the list's URL contract (the server reads the same definition); columns and density are display only.
const parsers = {
  ...complaintListParsers,
  cols: parseAsArrayOf(parseAsString),
  density: parseAsStringLiteral(["comfortable", "compact"] as const).withDefault("comfortable"),
};

export type ComplaintQuery = ReturnType<typeof useComplaintQuery>[0];
export type ComplaintQueryUpdate = { [K in keyof ComplaintQuery]?: ComplaintQuery[K] | null };

export function useComplaintQuery() {
  const [pending, startTransition] = useTransition();
  const [query, setQuery] = useQueryStates(parsers, {
    shallow: false,
    clearOnDefault: true,
    startTransition,
    urlKeys: FILTER_PARAMS,
  });
  return [query, setQuery, pending] as const;
}
