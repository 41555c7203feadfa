import type { Channel, ComplaintStatus, ExcludedReason, JourneyStage, Outcome, Severity } from "@/lib/domain/values";
import { STATUS_LABELS } from "./workflow";

export { STATUS_LABELS };

export const CHANNEL_LABELS: Record<Channel, string> = {
  customer_service: "Customer service",
  consumer_agency: "Consumer agency",
  data_protection_authority: "Data protection authority",
  financial_supervisor: "Financial supervisor",
  disputes_board: "Disputes board",
  other_authority: "Other authority",
};

export const SEVERITY_LABELS: Record<Severity, string> = {
  low: "Low",
  medium: "Medium",
  high: "High",
  critical: "Critical",
};

export const JOURNEY_STAGE_LABELS: Record<JourneyStage, string> = {
  before_purchase: "Before purchase",
  during_purchase: "During purchase",
  after_purchase: "After purchase",
};

export const OUTCOME_LABELS: Record<Outcome, string> = {
  upheld: "Upheld",
  partly_upheld: "Partly upheld",
  not_upheld: "Not upheld",
  withdrawn: "Withdrawn",
};

export const EXCLUDED_REASON_LABELS: Record<ExcludedReason, string> = {
  duplicate: "Duplicate",
  not_a_complaint: "Not a complaint",
  test: "Test entry",
  other: "Other",
};

export const STATUS_TONES: Record<ComplaintStatus, "neutral" | "info" | "warning" | "success" | "brand"> = {
  new: "info",
  triaged: "brand",
  in_analysis: "warning",
  analysed: "success",
  closed: "neutral",
};

export const SEVERITY_TONES: Record<Severity, "neutral" | "info" | "warning" | "danger"> = {
  low: "neutral",
  medium: "info",
  high: "warning",
  critical: "danger",
};

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "Europe/Stockholm",
});

export function formatDay(date: string | null | undefined): string {
  return date ? dateFormat.format(new Date(`${date.slice(0, 10)}T00:00:00Z`)) : "—";
}

export function formatDateTime(value: Date | string | null | undefined): string {
  return value ? dateTimeFormat.format(new Date(value)) : "—";
}
