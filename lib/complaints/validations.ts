import { z } from "zod";
import { boundedDate, boundedDateTime, dateProblem, versionNumber } from "@/lib/bounds";
import {
  CHANNELS,
  COMPLAINT_STATUSES,
  EXCLUDED_REASONS,
  JOURNEY_STAGES,
  OUTCOMES,
  SEVERITIES,
} from "@/lib/domain/values";
import { type MessageKey, rule, ruleText } from "@/lib/i18n/say";

// Forms send "" for an empty choice; the API sends null. Both mean "none".
function blankable<T extends z.ZodType>(schema: T) {
  return z.union([z.literal(""), z.null(), schema]).transform((v) => (v === "" ? null : v) as z.output<T> | null);
}

const uuid = (message: MessageKey) => z.uuid(rule(message));

function notInFuture(date: string): boolean {
  // A day of slack: the reviewer's "today" may already be tomorrow in UTC.
  return date <= new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
}

/** One message per bad date, the most basic problem first. */
export function receivedOnProblem(value: string): string | null {
  const problem = dateProblem(value);
  if (problem) return problem;
  if (!notInFuture(value)) return ruleText("complaintRules.dateInFuture");
  return null;
}

/** Acknowledged and responded times: real, within the bounds and not in the future. */
const pastDateTime = boundedDateTime().refine(
  (value) => Number.isNaN(Date.parse(value)) || Date.parse(value) <= Date.now() + 86_400_000,
  rule("complaintRules.timeInFuture"),
);

export const complaintFields = {
  externalId: z.string().trim().min(1, rule("complaintRules.externalIdMissing")).max(200),
  receivedOn: z.string(rule("commonRules.dateFormat")).superRefine((value, ctx) => {
    const problem = receivedOnProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
  market: z
    .string(rule("complaintRules.marketMissing"))
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, rule("complaintRules.marketCode")),
  channel: z.enum(CHANNELS, rule("complaintRules.channelMissing")),
  authorityId: blankable(uuid("complaintRules.authorityMissing")),
  productId: blankable(uuid("complaintRules.productMissing")),
  journeyStage: blankable(z.enum(JOURNEY_STAGES, rule("complaintRules.stageMissing"))),
  categoryId: blankable(uuid("complaintRules.categoryMissing")),
  summary: z
    .string(rule("complaintRules.summaryMissing"))
    .trim()
    .min(1, rule("complaintRules.summaryMissing"))
    .max(200),
  narrative: blankable(z.string().max(20_000)),
  customerRef: blankable(z.string().trim().max(200)),
  appUser: z.boolean(rule("complaintRules.appUserChoice")).nullable(),
  severity: blankable(z.enum(SEVERITIES, rule("complaintRules.severityMissing"))),
  assigneeId: blankable(uuid("complaintRules.assigneeMissing")),
};

function authorityMatchesChannel(value: { channel?: string; authorityId?: string | null }, ctx: z.RefinementCtx) {
  if (value.channel === "customer_service" && value.authorityId) {
    ctx.addIssue({
      code: "custom",
      path: ["authorityId"],
      message: ruleText("complaintRules.noAuthorityForCustomerService"),
    });
  }
}

export const complaintCreateSchema = z
  .object({
    // Optional in the form: a complaint logged by hand takes its reference as its external id.
    externalId: z.union([z.literal(""), complaintFields.externalId]).optional(),
    receivedOn: complaintFields.receivedOn,
    market: complaintFields.market,
    channel: complaintFields.channel,
    authorityId: complaintFields.authorityId.optional(),
    productId: complaintFields.productId.optional(),
    journeyStage: complaintFields.journeyStage.optional(),
    categoryId: complaintFields.categoryId.optional(),
    summary: complaintFields.summary,
    narrative: complaintFields.narrative.optional(),
    customerRef: complaintFields.customerRef.optional(),
    appUser: complaintFields.appUser.optional(),
    severity: complaintFields.severity.optional(),
    assigneeId: complaintFields.assigneeId.optional(),
    // The choices offered by the duplicate warning.
    familyWithId: blankable(uuid("complaintRules.notComplaintId")).optional(),
    duplicateOfId: blankable(uuid("complaintRules.notComplaintId")).optional(),
  })
  .superRefine(authorityMatchesChannel)
  .superRefine((value, ctx) => {
    if (value.familyWithId && value.duplicateOfId) {
      ctx.addIssue({
        code: "custom",
        path: ["duplicateOfId"],
        message: ruleText("complaintRules.familyOrDuplicate"),
      });
    }
  });

export type ComplaintCreateInput = z.input<typeof complaintCreateSchema>;
export type ComplaintCreate = z.output<typeof complaintCreateSchema>;

/** Fields a PATCH may change; absent means unchanged, null clears. */
export const complaintChangesSchema = z
  .object({
    externalId: complaintFields.externalId,
    receivedOn: complaintFields.receivedOn,
    market: complaintFields.market,
    channel: complaintFields.channel,
    authorityId: complaintFields.authorityId,
    productId: complaintFields.productId,
    journeyStage: complaintFields.journeyStage,
    categoryId: complaintFields.categoryId,
    summary: complaintFields.summary,
    narrative: complaintFields.narrative,
    customerRef: complaintFields.customerRef,
    appUser: complaintFields.appUser,
    severity: complaintFields.severity,
    assigneeId: complaintFields.assigneeId,
    status: z.enum(COMPLAINT_STATUSES, rule("complaintRules.notStatus")),
    outcome: blankable(z.enum(OUTCOMES, rule("complaintRules.notOutcome"))),
    recommendationFollowed: z.boolean().nullable(),
    excludedReason: blankable(z.enum(EXCLUDED_REASONS, rule("complaintRules.notExclusionReason"))),
    duplicateOfId: blankable(uuid("complaintRules.notComplaintId")),
    acknowledgedAt: blankable(pastDateTime),
    respondedAt: blankable(pastDateTime),
  })
  .partial()
  .strict();

export type ComplaintChanges = z.output<typeof complaintChangesSchema>;
export type ComplaintField = keyof ComplaintChanges;

export const complaintUpdateSchema = z
  .object({
    id: uuid("complaintRules.notComplaintId"),
    version: versionNumber,
    changes: complaintChangesSchema,
  })
  .superRefine((value, ctx) => {
    if (Object.keys(value.changes).length === 0)
      ctx.addIssue({ code: "custom", path: ["changes"], message: ruleText("complaintRules.nothingToChange") });
    if (value.changes.channel === "customer_service" && value.changes.authorityId) {
      ctx.addIssue({
        code: "custom",
        path: ["changes", "authorityId"],
        message: ruleText("complaintRules.noAuthorityForCustomerService"),
      });
    }
  });

/** The API's PATCH body: the changes plus `version` at the top level. */
export const complaintPatchBodySchema = complaintChangesSchema.extend({
  version: versionNumber,
});

export const similarCheckSchema = z.object({
  externalId: z.string().trim().max(200).optional(),
  customerRef: z.string().trim().max(200).nullish(),
  receivedOn: boundedDate().optional(),
  summary: z.string().trim().max(200).optional(),
  excludeId: z.uuid().optional(),
});

const id = uuid("complaintRules.notId");

export const rootCauseTagSchema = z.object({
  complaintId: id,
  rootCauseId: uuid("complaintRules.rootCauseMissing"),
  primary: z.boolean().default(false),
  /** The suggestion's place in the list when it was applied with one click. */
  suggestionRank: z.number().int().min(1).max(20).optional(),
  note: z
    .string()
    .trim()
    .max(2000)
    .optional()
    .transform((v) => v || null),
});
export const rootCauseRefSchema = z.object({ complaintId: id, rootCauseId: id });

export const analysisNoteSchema = z.object({
  complaintId: id,
  noteId: id.optional(),
  findings: z.string().trim().min(1, rule("complaintRules.findingsMissing")).max(20_000),
  whys: z.array(z.string().trim().max(1000)).max(5, rule("complaintRules.fiveWhys")).default([]),
});

export const commentSchema = z.object({
  complaintId: id,
  body: z.string().trim().min(1, rule("complaintRules.commentMissing")).max(10_000),
});

export const familyLinkSchema = z.object({
  complaintId: id,
  otherReference: z.string().trim().min(1, rule("complaintRules.otherReferenceMissing")),
});
export const familyUnlinkSchema = z.object({ complaintId: id });

export const markInboxReadSchema = z.object({
  mentionCommentIds: z.array(id).max(500).optional(),
  all: z.boolean().optional(),
});
