import type { Channel, ComplaintStatus, ExcludedReason, JourneyStage, Outcome, Severity } from "@/lib/domain/values";
import messages from "@/messages/en";
import { STATUS_LABELS } from "./workflow";

export { STATUS_LABELS };

// English words for codes, for server messages written in English; pages take theirs from the reader's
// locale (useCodes / getCodes), and both come from messages/*.json.
const en = messages.codes;
export const CHANNEL_LABELS: Record<Channel, string> = en.channel;
export const SEVERITY_LABELS: Record<Severity, string> = en.severity;
export const JOURNEY_STAGE_LABELS: Record<JourneyStage, string> = en.journeyStage;
export const OUTCOME_LABELS: Record<Outcome, string> = en.outcome;
export const EXCLUDED_REASON_LABELS: Record<ExcludedReason, string> = en.excludedReason;

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

// Kept for callers that have no locale (English): the one formatting module decides how a day reads.
export { formatDateTime, formatDay } from "@/lib/format";
