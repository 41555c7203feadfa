import { z } from "zod";
import { marketCode } from "@/lib/metric/validations";

export const retentionRuleSchema = z.object({
  market: marketCode,
  anonymiseAfterMonths: z.coerce
    .number({ message: "Enter a number of months" })
    .int("Whole months only")
    .min(1, "At least 1 month")
    .max(600, "At most 600 months (50 years)"),
});
export type RetentionRuleInput = z.infer<typeof retentionRuleSchema>;

export const retentionRuleKeySchema = retentionRuleSchema.pick({ market: true });

export const eraseComplaintSchema = z.object({
  id: z.uuid("Choose a complaint"),
  reason: z
    .string()
    .trim()
    .min(3, "Say why, e.g. the customer's request and its reference")
    .max(500, "Keep the reason under 500 characters"),
});

export const retentionRunSchema = z.object({ dryRun: z.boolean().default(false) });

export const customerErasureSchema = z.object({
  customerRef: z
    .string({ message: "Enter the customer reference" })
    .trim()
    .min(1, "Enter the customer reference")
    .max(200, "A customer reference is at most 200 characters"),
  dryRun: z.boolean().default(false),
  reason: z.string().trim().max(500, "Keep the reason under 500 characters").optional(),
});
export type CustomerErasureInput = z.input<typeof customerErasureSchema>;
