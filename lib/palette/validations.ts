import { z } from "zod";

/** What someone typed into the command palette. */
export const paletteQuerySchema = z.object({
  text: z
    .string()
    .trim()
    .min(2, "Type at least two characters")
    .max(200, "Search text is at most 200 characters")
    .refine((s) => !s.includes("\u0000"), "Search text cannot contain a NUL character"),
});
