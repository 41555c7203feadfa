import { z } from "zod";
import { rule } from "@/lib/i18n/say";
import { marketCode, monthString } from "@/lib/metric/validations";

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" || v == null ? undefined : v), schema.optional());

/** A tagging-agreement sample: two reviewers code the same random complaints without seeing each other's codes. */
export const createSampleSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(3, rule("rootCauseRules.sampleNameMissing"))
      .max(120, rule("rootCauseRules.sampleNameTooLong")),
    coderA: z.uuid(rule("rootCauseRules.firstCoderMissing")),
    coderB: z.uuid(rule("rootCauseRules.secondCoderMissing")),
    size: z.coerce
      .number(rule("rootCauseRules.sizeMissing"))
      .int(rule("rootCauseRules.sizeWhole"))
      .min(5, rule("rootCauseRules.sizeTooSmall"))
      .max(500, rule("rootCauseRules.sizeTooBig")),
    market: optional(marketCode),
    from: optional(monthString),
    to: optional(monthString),
  })
  .refine((s) => s.coderA !== s.coderB, { path: ["coderB"], ...rule("rootCauseRules.sameCoders") })
  .refine((s) => !s.from || !s.to || s.from <= s.to, { path: ["from"], ...rule("rootCauseRules.fromAfterToMonth") });
export type CreateSampleInput = z.infer<typeof createSampleSchema>;

export const saveCodingSchema = z.object({
  sampleId: z.uuid(),
  complaintId: z.uuid(),
  rootCauseId: z.preprocess(
    (v) => (v === "" || v === "none" ? null : v),
    z.uuid(rule("rootCauseRules.codingRootCauseMissing")).nullable(),
  ),
});
