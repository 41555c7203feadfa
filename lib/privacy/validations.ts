import { z } from "zod";
import { rule } from "@/lib/i18n/say";
import { marketCode } from "@/lib/metric/validations";

export const retentionRuleSchema = z.object({
  market: marketCode,
  anonymiseAfterMonths: z.coerce
    .number(rule("adminRules.privacy.monthsMissing"))
    .int(rule("adminRules.privacy.wholeMonths"))
    .min(1, rule("adminRules.privacy.atLeastOneMonth"))
    .max(600, rule("adminRules.privacy.atMost600Months")),
});
export type RetentionRuleInput = z.infer<typeof retentionRuleSchema>;

export const retentionRuleKeySchema = retentionRuleSchema.pick({ market: true });

export const eraseComplaintSchema = z.object({
  id: z.uuid(rule("adminRules.privacy.chooseComplaint")),
  reason: z
    .string()
    .trim()
    .min(3, rule("adminRules.privacy.sayWhy"))
    .max(500, rule("adminRules.privacy.reasonTooLong")),
});

export const retentionRunSchema = z.object({ dryRun: z.boolean().default(false) });

export const customerErasureSchema = z.object({
  customerRef: z
    .string(rule("adminRules.privacy.customerRefMissing"))
    .trim()
    .min(1, rule("adminRules.privacy.customerRefMissing"))
    .max(200, rule("adminRules.privacy.customerRefTooLong")),
  dryRun: z.boolean().default(false),
  reason: z.string().trim().max(500, rule("adminRules.privacy.reasonTooLong")).optional(),
});
export type CustomerErasureInput = z.input<typeof customerErasureSchema>;
