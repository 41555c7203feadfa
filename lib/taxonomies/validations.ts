import { z } from "zod";
import { CHANNELS } from "@/lib/domain/values";
import { isCountryCode, SEARCH_LANGUAGES } from "./countries";

export const TAXONOMY_TABS = ["products", "categories", "root-causes", "authorities", "markets"] as const;
export type TaxonomyTab = (typeof TAXONOMY_TABS)[number];

const id = z.string().uuid("Choose an item");
const name = (what: string) =>
  z
    .string({ message: `Enter a ${what}` })
    .trim()
    .min(1, `Enter a ${what}`)
    .max(120, "At most 120 characters")
    // "Parent > Child" is how imports name a category, so ">" would make a name ambiguous there.
    .refine((v) => !v.includes(">"), "Do not use “>” in a name");
// An empty text box means "no description"; null is accepted too, so parsed values parse again.
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .nullish()
    .transform((v) => v || null);

export const idSchema = z.object({ id });
export const setActiveSchema = z.object({ id, active: z.boolean() });

export const createProductSchema = z.object({
  name: name("product name"),
  description: optionalText(500),
  paymentService: z.boolean(),
});
export const updateProductSchema = createProductSchema.extend({ id });
export const productAliasSchema = z.object({ productId: id, alias: name("alias") });
export const removeAliasSchema = z.object({ productId: id, alias: z.string().trim().min(1, "Choose an alias") });

export const createCategorySchema = z.object({
  name: name("category name"),
  // Empty means a top-level category.
  parentId: id.optional().or(z.literal("").transform(() => undefined)),
});
export const renameCategorySchema = z.object({ id, name: name("category name") });
export const moveCategorySchema = z.object({ id, parentId: z.string().uuid("Choose the new parent category") });

export const createRootCauseSchema = z.object({ name: name("root cause name"), description: optionalText(1000) });
export const updateRootCauseSchema = createRootCauseSchema.extend({ id });
export const mergeRootCauseSchema = z
  .object({ fromId: id, intoId: id })
  .refine((v) => v.fromId !== v.intoId, { path: ["intoId"], message: "Choose another cause to merge into" });

export const createAuthoritySchema = z.object({
  market: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Choose a market"),
  channel: z
    .enum(CHANNELS, { message: "Choose the authority's channel" })
    .refine((c) => c !== "customer_service", "Customer service is not an authority"),
  name: name("authority name"),
  shortName: optionalText(20),
});
export const updateAuthoritySchema = z.object({ id, name: name("authority name"), shortName: optionalText(20) });

const marketCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "Choose a market");

export const searchLanguageSchema = z.enum(SEARCH_LANGUAGES, {
  message: `Choose a search language: ${SEARCH_LANGUAGES.join(", ")}`,
});

export const renameMarketSchema = z.object({ code: marketCode, name: name("market name") });

export const createMarketSchema = z.object({
  code: z
    .string({ message: "Enter the market's ISO 3166-1 alpha-2 country code" })
    .trim()
    .toUpperCase()
    .refine(isCountryCode, "Enter an ISO 3166-1 alpha-2 country code, such as NO or DK"),
  name: name("market name"),
  searchLanguage: searchLanguageSchema,
});

export const marketLanguageSchema = z.object({ code: marketCode, searchLanguage: searchLanguageSchema });
export const marketActiveSchema = z.object({ code: marketCode, active: z.boolean() });

export type CreateMarketInput = z.input<typeof createMarketSchema>;
export type CreateProductInput = z.input<typeof createProductSchema>;
export type UpdateProductInput = z.input<typeof updateProductSchema>;
export type ProductAliasInput = z.input<typeof productAliasSchema>;
export type CreateCategoryInput = z.input<typeof createCategorySchema>;
export type RenameCategoryInput = z.input<typeof renameCategorySchema>;
export type MoveCategoryInput = z.input<typeof moveCategorySchema>;
export type CreateRootCauseInput = z.input<typeof createRootCauseSchema>;
export type UpdateRootCauseInput = z.input<typeof updateRootCauseSchema>;
export type CreateAuthorityInput = z.input<typeof createAuthoritySchema>;
export type UpdateAuthorityInput = z.input<typeof updateAuthoritySchema>;
