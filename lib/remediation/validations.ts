import { z } from "zod";
import { dateProblem, versionNumber } from "@/lib/bounds";
import { REMEDIATION_STATUSES } from "@/lib/domain/values";
import { type MessageKey, rule, ruleText } from "@/lib/i18n/say";

// Forms send "" for an empty choice; the API sends null. Both mean "none".
function blankable<T extends z.ZodType>(schema: T) {
  return z.union([z.literal(""), z.null(), schema]).transform((v) => (v === "" ? null : v) as z.output<T> | null);
}

// The bounds every door shares: a real day between 2000 and 2100 (lib/bounds).
const day = z.string(rule("commonRules.dateFormat")).superRefine((value, ctx) => {
  const problem = dateProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});
// A day of slack: the user's "today" may already be tomorrow in UTC.
const notFuture = (value: string) => value <= new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

export const remediationFields = {
  title: z.string(rule("remediationRules.titleMissing")).trim().min(1, rule("remediationRules.titleMissing")).max(200),
  description: blankable(z.string().trim().max(10_000)),
  notes: blankable(z.string().trim().max(10_000)),
  ownerId: blankable(z.uuid(rule("remediationRules.ownerMissing"))),
  market: blankable(
    z
      .string(rule("complaintRules.marketMissing"))
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, rule("complaintRules.marketCode")),
  ),
  productId: blankable(z.uuid(rule("complaintRules.productMissing"))),
  dueOn: blankable(day),
  shippedOn: blankable(day.refine(notFuture, rule("remediationRules.shippedInFuture"))),
  status: z.enum(REMEDIATION_STATUSES, rule("remediationRules.notStatus")),
};

const id = (message: MessageKey = "complaintRules.notId") => z.uuid(rule(message));
const version = versionNumber;

export const remediationCreateSchema = z.object({
  title: remediationFields.title,
  description: remediationFields.description.optional(),
  notes: remediationFields.notes.optional(),
  ownerId: remediationFields.ownerId.optional(),
  market: remediationFields.market.optional(),
  productId: remediationFields.productId.optional(),
  dueOn: remediationFields.dueOn.optional(),
  rootCauseIds: z
    .array(id("remediationRules.rootCausesFromList"))
    .max(50, rule("remediationRules.tooManyRootCauses"))
    .default([]),
  evidenceReferences: z
    .array(z.string().trim().min(1, rule("remediationRules.referenceMissing")))
    .max(200, rule("remediationRules.tooManyComplaints"))
    .default([]),
});
export type RemediationCreateInput = z.input<typeof remediationCreateSchema>;

/** Fields a PATCH may change; absent means unchanged, null clears. */
export const remediationChangesSchema = z
  .object({
    title: remediationFields.title,
    description: remediationFields.description,
    notes: remediationFields.notes,
    ownerId: remediationFields.ownerId,
    market: remediationFields.market,
    productId: remediationFields.productId,
    dueOn: remediationFields.dueOn,
    shippedOn: remediationFields.shippedOn,
    status: remediationFields.status,
  })
  .partial()
  .strict();
export type RemediationChanges = z.output<typeof remediationChangesSchema>;
export type RemediationChangesInput = z.input<typeof remediationChangesSchema>;

/** What an owning product manager may change: the status (with its shipped date) and the notes. */
export const OWNER_FIELDS = ["status", "shippedOn", "notes"] as const satisfies readonly (keyof RemediationChanges)[];

export const remediationUpdateSchema = z
  .object({ id: id("remediationRules.notActionId"), version, changes: remediationChangesSchema })
  .superRefine((value, ctx) => {
    if (Object.keys(value.changes).length === 0)
      ctx.addIssue({ code: "custom", path: ["changes"], message: ruleText("complaintRules.nothingToChange") });
  });

/** The API's PATCH body: the changes plus `version` at the top level. */
export const remediationPatchBodySchema = remediationChangesSchema.extend({ version });

/** The edit form for reviewers and admins: every field of the action. */
export const remediationEditFormSchema = remediationChangesSchema.required().omit({ status: true, shippedOn: true });

/** The owner's form: status and notes (and the shipped date when shipping). */
export const remediationOwnerFormSchema = z.object({
  status: remediationFields.status,
  notes: remediationFields.notes,
  shippedOn: remediationFields.shippedOn,
});

export const rootCauseLinkSchema = z.object({ actionId: id(), rootCauseId: id("remediationRules.rootCauseFromList") });
export const evidenceLinkSchema = z.object({
  actionId: id(),
  reference: z
    .string(rule("remediationRules.referenceMissing"))
    .trim()
    .toUpperCase()
    .min(1, rule("remediationRules.referenceMissing"))
    .max(40, rule("remediationRules.notReference")),
});
export const evidenceUnlinkSchema = z.object({ actionId: id(), complaintId: id("complaintRules.notComplaintId") });

export const DEFAULT_CHECK_MONTHS = 6;
export const effectivenessRunSchema = z.object({
  actionId: id(),
  months: z
    .int(rule("remediationRules.monthsWhole"))
    .min(1, rule("remediationRules.monthsTooFew"))
    .max(24, rule("remediationRules.monthsTooMany"))
    .default(DEFAULT_CHECK_MONTHS),
});

export const actionCommentSchema = z.object({
  actionId: id("remediationRules.notActionId"),
  body: z
    .string(rule("complaintRules.commentMissing"))
    .trim()
    .min(1, rule("complaintRules.commentMissing"))
    .max(10_000),
});
