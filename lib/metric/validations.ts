import { z } from "zod";
import { boundedYear, monthProblem } from "@/lib/bounds";
import { TARGET_KINDS } from "@/lib/domain/values";
import { MONTH_PATTERN } from "./months";
import { parseWholeNumber } from "./numbers";

/** Shared by the API, the CLI, the pages' search params and the admin forms. */

export const marketCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "Use a two-letter market code, e.g. SE");

export const monthString = z
  .string()
  .trim()
  .regex(MONTH_PATTERN, "Use a month as YYYY-MM, e.g. 2019-03")
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
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["from"], message: "`from` must not be after `to`" })
  .refine((q) => !q.from || !q.to || Number(q.to.slice(0, 4)) - Number(q.from.slice(0, 4)) <= 50, {
    path: ["to"],
    message: "Ask for at most 50 years at a time",
  });
export type MetricQuery = z.infer<typeof metricQuerySchema>;

export const publicQuerySchema = z.object({
  market: z.preprocess((v) => v ?? "", marketCode),
  format: z.enum(["json", "csv"]).default("json"),
});

export const targetSchema = z
  .object({
    market: marketCode,
    year: z.coerce.number().int().min(2000, "Year must be 2000 or later").max(2100, "Year must be 2100 or earlier"),
    kind: z.enum(TARGET_KINDS),
    value: z.coerce.number().min(0, "Must be zero or more"),
  })
  .refine((t) => t.kind !== "reduction" || t.value < 100, { path: ["value"], message: "A reduction is below 100 %" });
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
    .min(3, "Give the reason for the restatement")
    .max(500, "Keep the reason under 500 characters"),
});

export const volumeSchema = z.object({
  market: marketCode,
  month: monthString,
  productId: z.preprocess((v) => (v === "" ? null : v), z.uuid().nullable().default(null)),
  purchases: z.preprocess(
    (v) => (typeof v === "string" ? (parseWholeNumber(v) ?? v) : v),
    z
      .number({ message: "Purchases must be a whole number, such as 4 900 000" })
      .int("Purchases must be a whole number, such as 4 900 000")
      .min(0, "Purchases must be zero or more")
      .max(Number.MAX_SAFE_INTEGER, "Purchases is too large"),
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
    .min(1, "Paste or choose a file with market, month and purchases")
    .max(5_000_000, "The file is larger than 5 MB"),
  fileName: z.string().max(300).optional(),
  createMissing: z.boolean().default(false),
});
