import { z } from "zod";
import { marketCode, monthString } from "@/lib/metric/validations";

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" || v == null ? undefined : v), schema.optional());

/** A tagging-agreement sample: two reviewers code the same random complaints without seeing each other's codes. */
export const createSampleSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(3, "Name the sample, e.g. “Q1 2019, Sweden”")
      .max(120, "Keep the name under 120 characters"),
    coderA: z.uuid("Choose the first coder"),
    coderB: z.uuid("Choose the second coder"),
    size: z.coerce
      .number({ message: "Enter how many complaints" })
      .int("A whole number")
      .min(5, "At least 5 complaints")
      .max(500, "At most 500 complaints"),
    market: optional(marketCode),
    from: optional(monthString),
    to: optional(monthString),
  })
  .refine((s) => s.coderA !== s.coderB, { path: ["coderB"], message: "Choose two different coders" })
  .refine((s) => !s.from || !s.to || s.from <= s.to, { path: ["from"], message: "`From` must not be after `to`" });
export type CreateSampleInput = z.infer<typeof createSampleSchema>;

export const saveCodingSchema = z.object({
  sampleId: z.uuid(),
  complaintId: z.uuid(),
  rootCauseId: z.preprocess(
    (v) => (v === "" || v === "none" ? null : v),
    z.uuid("Choose a root cause or “none of these”").nullable(),
  ),
});
