import { useLocale, useMessages } from "next-intl";
import { formatterFor } from "@/lib/format";
import type { CodeLabels } from "./messages";

// Hooks for components without `async`, on the server or in the browser (next-intl serves both).

/** Dates and numbers in the reader's locale. */
export function useFormat() {
  return formatterFor(useLocale());
}

/** Words for codes (status, channel, …) in the reader's locale. */
export function useCodes(): CodeLabels {
  return useMessages().codes;
}
