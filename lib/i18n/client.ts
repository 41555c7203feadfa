"use client";

import { useLocale, useMessages } from "next-intl";
import { useMemo } from "react";
import { formatterFor } from "@/lib/format";
import type { CodeLabels } from "./messages";

/** Dates and numbers in the reader's locale, in a client component. */
export function useFormat() {
  const locale = useLocale();
  return useMemo(() => formatterFor(locale), [locale]);
}

/** Words for codes (status, channel, …) in the reader's locale, in a client component. */
export function useCodes(): CodeLabels {
  return useMessages().codes;
}
