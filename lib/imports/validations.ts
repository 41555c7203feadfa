import { z } from "zod";
import { CHANNELS } from "@/lib/domain/values";
import { rule } from "@/lib/i18n/say";
import { DATE_FORMATS, MAPPING_TARGETS, VALUE_MAPPED_FIELDS } from "./fields";

export const UNKNOWN_POLICIES = ["error", "create", "blank"] as const;
export type UnknownPolicy = (typeof UNKNOWN_POLICIES)[number];

export const sourceName = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, rule("importRules.sourceName"));

const valueMap = z.record(z.string(), z.string().trim());

/** A saved mapping's config (import_mappings.config): how a foreign export becomes canonical rows. */
export const mappingConfigSchema = z.object({
  source: sourceName.default("default"),
  /** File header → field. Headers not named here are ignored (and listed in the preview). */
  columns: z.record(z.string(), z.enum(MAPPING_TARGETS, rule("importRules.notMappingTarget"))).default({}),
  /** Fixed values for fields no column provides (market "US" for the whole CFPB file). */
  constants: z.partialRecord(z.enum(MAPPING_TARGETS), z.string().trim()).default({}),
  /** Per field, file value → stored value (or product / category name). */
  values: z.partialRecord(z.enum(VALUE_MAPPED_FIELDS), valueMap).default({}),
  unknownProducts: z.enum(UNKNOWN_POLICIES).default("error"),
  unknownCategories: z.enum(UNKNOWN_POLICIES).default("error"),
  /** Markets this mapping may create on first use: code → name. */
  createMarkets: z
    .record(z.string().regex(/^[A-Z]{2}$/, rule("importRules.marketCode")), z.string().trim().min(1).max(100))
    .default({}),
  dateFormat: z.enum(DATE_FORMATS).default("YYYY-MM-DD"),
  truncateSummary: z.boolean().default(false),
  /**
   * Set from the import's `--create-missing` option, not saved with a mapping: unknown markets (valid
   * ISO codes only), products, categories and root causes are created and listed in the result.
   */
  createMissing: z.boolean().optional(),
});

export type MappingConfig = z.output<typeof mappingConfigSchema>;

/** The config an import runs with when asked to create what is missing: unknown products and categories are created too. */
export function withCreateMissing(config: MappingConfig, createMissing = !!config.createMissing): MappingConfig {
  return createMissing
    ? { ...config, createMissing: true, unknownProducts: "create", unknownCategories: "create" }
    : { ...config, createMissing: false };
}
export type MappingConfigInput = z.input<typeof mappingConfigSchema>;

export const saveMappingSchema = z.object({
  name: z.string().trim().min(1, rule("importRules.mappingNameMissing")).max(80),
  config: mappingConfigSchema,
});

export const importOptionsSchema = z.object({
  skipInvalid: z.boolean().default(false),
  dryRun: z.boolean().default(false),
});

export const CHANNEL_VALUES = CHANNELS;
