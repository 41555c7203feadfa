// Enum labels are shared with the complaint list, so a channel reads the same everywhere.
export { CHANNEL_LABELS, JOURNEY_STAGE_LABELS } from "@/lib/complaints/labels";

export const MONTH_HEADERS = {
  sv: ["Jan", "Feb", "Mar", "Apr", "Maj", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dec"],
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
} as const;

export type Lang = keyof typeof MONTH_HEADERS;

/** A month as people read it: "Mar 2019". */
export function monthLabel(month: string, lang: Lang = "en"): string {
  return `${MONTH_HEADERS[lang][Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}
