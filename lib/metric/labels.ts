import type { Channel, JourneyStage } from "@/db/schema/enums";

export const CHANNEL_LABELS: Record<Channel, string> = {
  customer_service: "Customer service",
  consumer_agency: "Consumer agency",
  data_protection_authority: "Data protection authority",
  financial_supervisor: "Financial supervisor",
  disputes_board: "Disputes board",
  other_authority: "Other authority",
};

export const JOURNEY_STAGE_LABELS: Record<JourneyStage, string> = {
  before_purchase: "Before purchase",
  during_purchase: "During purchase",
  after_purchase: "After purchase",
};

export const MONTH_HEADERS = {
  sv: ["Jan", "Feb", "Mar", "Apr", "Maj", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dec"],
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
} as const;

export type Lang = keyof typeof MONTH_HEADERS;

/** A month as people read it: "Mar 2019". */
export function monthLabel(month: string, lang: Lang = "en"): string {
  return `${MONTH_HEADERS[lang][Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}
