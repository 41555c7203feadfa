/**
 * The domain's value lists, defined once: the database enums (db/schema/enums.ts), the zod schemas and
 * the UI all take them from here, so a client component needs nothing from the database layer.
 */
export const ROLES = ["admin", "reviewer", "product_manager", "leadership"] as const;
export const CHANNELS = [
  "customer_service",
  "consumer_agency",
  "data_protection_authority",
  "financial_supervisor",
  "disputes_board",
  "other_authority",
] as const;
export const AUTHORITY_CHANNELS = CHANNELS.filter((c) => c !== "customer_service");
export const JOURNEY_STAGES = ["before_purchase", "during_purchase", "after_purchase"] as const;
export const SEVERITIES = ["low", "medium", "high", "critical"] as const;
export const COMPLAINT_STATUSES = ["new", "triaged", "in_analysis", "analysed", "closed"] as const;
export const OUTCOMES = ["upheld", "partly_upheld", "not_upheld", "withdrawn"] as const;
export const EXCLUDED_REASONS = ["duplicate", "not_a_complaint", "test", "other"] as const;
export const REMEDIATION_STATUSES = [
  "proposed",
  "approved",
  "in_progress",
  "shipped",
  "verified",
  "cancelled",
] as const;
export const TARGET_KINDS = ["absolute", "reduction"] as const;
export const IMPORT_KINDS = ["complaints", "purchases"] as const;
export const IMPORT_STATUSES = ["queued", "running", "completed", "failed", "cancelled"] as const;

export type Role = (typeof ROLES)[number];
export type Channel = (typeof CHANNELS)[number];
export type JourneyStage = (typeof JOURNEY_STAGES)[number];
export type Severity = (typeof SEVERITIES)[number];
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export type Outcome = (typeof OUTCOMES)[number];
export type ExcludedReason = (typeof EXCLUDED_REASONS)[number];
export type RemediationStatus = (typeof REMEDIATION_STATUSES)[number];
export type TargetKind = (typeof TARGET_KINDS)[number];
export type ImportKind = (typeof IMPORT_KINDS)[number];
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
