"use client";

import { useQueryStates } from "nuqs";
import { useTransition } from "react";
import { REMEDIATION_PARAMS, remediationListParsers } from "@/lib/remediation/filters";

// The list's state lives in the URL, read through the list's URL contract (the server reads the same one).
export type RemediationQuery = ReturnType<typeof useRemediationQuery>[0];
export type RemediationQueryUpdate = { [K in keyof RemediationQuery]?: RemediationQuery[K] | null };

export function useRemediationQuery() {
  const [pending, startTransition] = useTransition();
  const [query, setQuery] = useQueryStates(remediationListParsers, {
    shallow: false,
    clearOnDefault: true,
    startTransition,
    urlKeys: REMEDIATION_PARAMS,
  });
  return [query, setQuery, pending] as const;
}
