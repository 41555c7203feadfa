import { z } from "zod";
import { CHANNELS } from "@/lib/domain/values";
import { type MessageKey, rule } from "@/lib/i18n/say";
import { isCountryCode, SEARCH_LANGUAGES } from "./countries";

export const TAXONOMY_TABS = ["products", "categories", "root-causes", "authorities", "markets"] as const;
export type TaxonomyTab = (typeof TAXONOMY_TABS)[number];

const id = z.string().uuid(rule("adminRules.taxonomies.chooseItem"));
const name = (missing: MessageKey) =>
  z
    .string(rule(missing))
    .trim()
    .min(1, rule(missing))
    .max(120)
    // "Parent > Child" is how imports name a category, so ">" would make a name ambiguous there.
    .refine((v) => !v.includes(">"), rule("adminRules.taxonomies.noGreaterThan"));
// An empty text box means "no description"; null is accepted too, so parsed values parse again.
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => v || null);

export const idSchema = z.object({ id });
export const setActiveSchema = z.object({ id, active: z.boolean() });

export const createProductSchema = z.object({
  name: name("adminRules.taxonomies.enterProductName"),
  description: optionalText(500),
  paymentService: z.boolean(),
});
export const updateProductSchema = createProductSchema.extend({ id });
export const productAliasSchema = z.object({ productId: id, alias: name("adminRules.taxonomies.enterAlias") });
export const removeAliasSchema = z.object({
  productId: id,
  alias: z.string().trim().min(1, rule("adminRules.taxonomies.chooseAlias")),
});

export const createCategorySchema = z.object({
  name: name("adminRules.taxonomies.enterCategoryName"),
  // Empty means a top-level category.
  parentId: id.optional().or(z.literal("").transform(() => undefined)),
});
export const renameCategorySchema = z.object({ id, name: name("adminRules.taxonomies.enterCategoryName") });
export const moveCategorySchema = z.object({
  id,
  parentId: z.string().uuid(rule("adminRules.taxonomies.chooseNewParent")),
});

export const createRootCauseSchema = z.object({
  name: name("adminRules.taxonomies.enterRootCauseName"),
  description: optionalText(1000),
});
export const updateRootCauseSchema = createRootCauseSchema.extend({ id });
export const mergeRootCauseSchema = z
  .object({ fromId: id, intoId: id })
  .refine((v) => v.fromId !== v.intoId, { path: ["intoId"], ...rule("adminRules.taxonomies.chooseOtherCause") });

export const createAuthoritySchema = z.object({
  market: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, rule("adminRules.taxonomies.chooseMarket")),
  channel: z
    .enum(CHANNELS, rule("adminRules.taxonomies.chooseAuthorityChannel"))
    .refine((c) => c !== "customer_service", rule("adminRules.taxonomies.customerServiceNotAuthority")),
  name: name("adminRules.taxonomies.enterAuthorityName"),
  shortName: optionalText(20),
});
export const updateAuthoritySchema = z.object({
  id,
  name: name("adminRules.taxonomies.enterAuthorityName"),
  shortName: optionalText(20),
});

const marketCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, rule("adminRules.taxonomies.chooseMarket"));

export const searchLanguageSchema = z.enum(
  SEARCH_LANGUAGES,
  rule(["adminRules.taxonomies.chooseSearchLanguage", { languages: SEARCH_LANGUAGES.join(", ") }]),
);

export const renameMarketSchema = z.object({ code: marketCode, name: name("adminRules.taxonomies.enterMarketName") });

export const createMarketSchema = z.object({
  code: z
    .string(rule("adminRules.taxonomies.countryCodeMissing"))
    .trim()
    .toUpperCase()
    .refine(isCountryCode, rule("adminRules.taxonomies.countryCodeInvalid")),
  name: name("adminRules.taxonomies.enterMarketName"),
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
