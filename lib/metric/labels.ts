// Enum labels are shared with the complaint list, so a channel reads the same everywhere.
import { formatMonth } from "@/lib/format";

export { CHANNEL_LABELS, JOURNEY_STAGE_LABELS } from "@/lib/complaints/labels";

export const MONTH_HEADERS = {
  sv: ["Jan", "Feb", "Mar", "Apr", "Maj", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dec"],
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
} as const;

export type Lang = keyof typeof MONTH_HEADERS;

/**
 * A month as people read it, in the one month format of each language (the same as every other page's:
 * "Mar 2019", "mars 2019"): `lib/format`'s.
 */
export function monthLabel(month: string, lang: Lang = "en"): string {
  return formatMonth(month, lang);
}
