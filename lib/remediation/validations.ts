import { z } from "zod";
import { dateProblem, versionNumber } from "@/lib/bounds";
import { REMEDIATION_STATUSES } from "@/lib/domain/values";

// Forms send "" for an empty choice; the API sends null. Both mean "none".
function blankable<T extends z.ZodType>(schema: T) {
  return z.union([z.literal(""), z.null(), schema]).transform((v) => (v === "" ? null : v) as z.output<T> | null);
}

// The bounds every door shares: a real day between 2000 and 2100 (lib/bounds).
const day = z.string({ message: "Enter the date as YYYY-MM-DD" }).superRefine((value, ctx) => {
  const problem = dateProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});
// A day of slack: the user's "today" may already be tomorrow in UTC.
const notFuture = (value: string) => value <= new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

export const remediationFields = {
  title: z
    .string({ message: "Give the action a title" })
    .trim()
    .min(1, "Give the action a title")
    .max(200, "At most 200 characters"),
  description: blankable(z.string().trim().max(10_000, "At most 10,000 characters")),
  notes: blankable(z.string().trim().max(10_000, "At most 10,000 characters")),
  ownerId: blankable(z.uuid({ message: "Choose an owner from the list" })),
  market: blankable(
    z
      .string({ message: "Choose a market" })
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, "Choose a market (two-letter code such as SE)"),
  ),
  productId: blankable(z.uuid({ message: "Choose a product from the list" })),
  dueOn: blankable(day),
  shippedOn: blankable(day.refine(notFuture, "The shipped date cannot be in the future")),
  status: z.enum(REMEDIATION_STATUSES, { message: "Not a remediation status" }),
};

const id = (message = "Not an id") => z.uuid({ message });
const version = versionNumber;

export const remediationCreateSchema = z.object({
  title: remediationFields.title,
  description: remediationFields.description.optional(),
  notes: remediationFields.notes.optional(),
  ownerId: remediationFields.ownerId.optional(),
  market: remediationFields.market.optional(),
  productId: remediationFields.productId.optional(),
  dueOn: remediationFields.dueOn.optional(),
  rootCauseIds: z.array(id("Choose root causes from the list")).max(50, "At most 50 root causes").default([]),
  evidenceReferences: z
    .array(z.string().trim().min(1, "Enter a complaint reference"))
    .max(200, "At most 200 complaints")
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
  .object({ id: id("Not a remediation action id"), version, changes: remediationChangesSchema })
  .superRefine((value, ctx) => {
    if (Object.keys(value.changes).length === 0)
      ctx.addIssue({ code: "custom", path: ["changes"], message: "Nothing to change" });
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

export const rootCauseLinkSchema = z.object({ actionId: id(), rootCauseId: id("Choose a root cause from the list") });
export const evidenceLinkSchema = z.object({
  actionId: id(),
  reference: z
    .string({ message: "Enter a complaint reference" })
    .trim()
    .toUpperCase()
    .min(1, "Enter a complaint reference")
    .max(40, "Not a complaint reference"),
});
export const evidenceUnlinkSchema = z.object({ actionId: id(), complaintId: id("Not a complaint id") });

export const DEFAULT_CHECK_MONTHS = 6;
export const effectivenessRunSchema = z.object({
  actionId: id(),
  months: z
    .int({ message: "Use a whole number of months" })
    .min(1, "At least 1 month")
    .max(24, "At most 24 months")
    .default(DEFAULT_CHECK_MONTHS),
});

export const actionCommentSchema = z.object({
  actionId: z.uuid({ message: "Not a remediation action id" }),
  body: z
    .string({ message: "Write a comment" })
    .trim()
    .min(1, "Write a comment")
    .max(10_000, "At most 10,000 characters"),
});
