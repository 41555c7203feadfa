import { z } from "zod";
import { boundedYear, monthProblem } from "@/lib/bounds";
import { TARGET_KINDS } from "@/lib/domain/values";
import { rule } from "@/lib/i18n/say";
import { MONTH_PATTERN } from "./months";
import { parseWholeNumber } from "./numbers";

/** Shared by the API, the CLI, the pages' search params and the admin forms. */

export const marketCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, rule("adminRules.metric.marketCode"));

export const monthString = z
  .string()
  .trim()
  .regex(MONTH_PATTERN, rule("commonRules.monthFormat"))
  .superRefine((value, ctx) => {
    // The pattern above reports a malformed month; this adds only the year bounds.
    const problem = MONTH_PATTERN.test(value) ? monthProblem(value) : null;
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/** `market` omitted (or empty) means all markets; `from`/`to` omitted take defaults from the data. */
export const metricQuerySchema = z
  .object({
    market: z.preprocess((v) => (v === "" || v === "all" ? undefined : v), marketCode.optional()),
    from: monthString.optional(),
    to: monthString.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["from"], ...rule("adminRules.metric.fromAfterTo") })
  .refine((q) => !q.from || !q.to || Number(q.to.slice(0, 4)) - Number(q.from.slice(0, 4)) <= 50, {
    path: ["to"],
    ...rule("adminRules.metric.fiftyYears"),
  });
export type MetricQuery = z.infer<typeof metricQuerySchema>;

export const publicQuerySchema = z.object({
  market: z.preprocess((v) => v ?? "", marketCode),
  format: z.enum(["json", "csv"]).default("json"),
});

export const targetSchema = z
  .object({
    market: marketCode,
    year: z.coerce
      .number()
      .int()
      .min(2000, rule(["commonRules.yearTooEarly", { min: 2000 }]))
      .max(2100, rule(["commonRules.yearTooLate", { max: 2100 }])),
    kind: z.enum(TARGET_KINDS),
    value: z.coerce.number().min(0, rule("adminRules.metric.zeroOrMore")),
  })
  .refine((t) => t.kind !== "reduction" || t.value < 100, {
    path: ["value"],
    ...rule("adminRules.metric.reductionBelow100"),
  });
export type TargetInput = z.infer<typeof targetSchema>;

export const deleteTargetSchema = z.object({ market: marketCode, year: boundedYear });

export const publishSchema = z.object({ market: marketCode, month: monthString, confirm: z.boolean().default(false) });
export const publishThroughSchema = z.object({
  market: marketCode,
  through: monthString,
  // Publish even a month with a concern (no counted complaints, outside its control limits).
  confirm: z.boolean().default(false),
});

export const restateSchema = z.object({
  market: marketCode,
  month: monthString,
  reason: z
    .string()
    .trim()
    .min(3, rule("adminRules.metric.restateReason"))
    .max(500, rule("adminRules.privacy.reasonTooLong")),
});

export const volumeSchema = z.object({
  market: marketCode,
  month: monthString,
  productId: z.preprocess((v) => (v === "" ? null : v), z.uuid().nullable().default(null)),
  purchases: z.preprocess(
    (v) => (typeof v === "string" ? (parseWholeNumber(v) ?? v) : v),
    z
      .number(rule("adminRules.volumes.purchasesWhole"))
      .int(rule("adminRules.volumes.purchasesWhole"))
      .min(0, rule("adminRules.volumes.purchasesZeroOrMore"))
      .max(Number.MAX_SAFE_INTEGER, rule("adminRules.volumes.purchasesTooLarge")),
  ),
});
export type VolumeInput = z.infer<typeof volumeSchema>;

export const deleteVolumeSchema = z.object({
  market: marketCode,
  month: monthString,
  productId: z.preprocess((v) => (v === "" ? null : v), z.uuid().nullable().default(null)),
});

export const volumeImportSchema = z.object({
  text: z
    .string()
    .min(1, rule("adminRules.volumes.importEmpty"))
    .max(5_000_000, rule("adminRules.volumes.fileTooLarge")),
  fileName: z.string().max(300).optional(),
  createMissing: z.boolean().default(false),
});
