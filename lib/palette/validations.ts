import { z } from "zod";
import { rule } from "@/lib/i18n/say";

/** What someone typed into the command palette. */
export const paletteQuerySchema = z.object({
  text: z
    .string()
    .trim()
    .min(2, rule("complaintRules.searchTooShort"))
    .max(200, rule("complaintRules.searchTooLong"))
    .refine((s) => !s.includes("\u0000"), rule("complaintRules.searchNul")),
});
