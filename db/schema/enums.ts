import { pgEnum } from "drizzle-orm/pg-core";
// Relative, not "@/": drizzle-kit loads the schema without the app's path aliases.
import {
  CHANNELS,
  COMPLAINT_STATUSES,
  EXCLUDED_REASONS,
  IMPORT_KINDS,
  IMPORT_STATUSES,
  JOURNEY_STAGES,
  OUTCOMES,
  REMEDIATION_STATUSES,
  ROLES,
  SEVERITIES,
  TARGET_KINDS,
} from "../../lib/domain/values";

export * from "../../lib/domain/values";

export const roleEnum = pgEnum("role", ROLES);
export const channelEnum = pgEnum("channel", CHANNELS);
export const journeyStageEnum = pgEnum("journey_stage", JOURNEY_STAGES);
export const severityEnum = pgEnum("severity", SEVERITIES);
export const complaintStatusEnum = pgEnum("complaint_status", COMPLAINT_STATUSES);
export const outcomeEnum = pgEnum("outcome", OUTCOMES);
export const excludedReasonEnum = pgEnum("excluded_reason", EXCLUDED_REASONS);
export const remediationStatusEnum = pgEnum("remediation_status", REMEDIATION_STATUSES);
export const targetKindEnum = pgEnum("target_kind", TARGET_KINDS);
export const importKindEnum = pgEnum("import_kind", IMPORT_KINDS);
export const importStatusEnum = pgEnum("import_status", IMPORT_STATUSES);
