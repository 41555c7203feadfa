import { CANONICAL_COLUMNS, type CanonicalField, type MappingTarget } from "./fields";
import { type MappingConfig, type MappingConfigInput, mappingConfigSchema } from "./validations";

/** The canonical format, as a mapping: each canonical header maps to itself. */
export function canonicalMapping(headers: string[]): MappingConfig {
  const columns: Record<string, MappingTarget> = {};
  for (const header of headers) {
    const field = normaliseHeader(header);
    if ((CANONICAL_COLUMNS as readonly string[]).includes(field)) columns[header] = field as CanonicalField;
  }
  return mappingConfigSchema.parse({ source: "default", columns });
}

function normaliseHeader(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

// Header words that commonly name each field in other tools' exports.
const SYNONYMS: Partial<Record<MappingTarget, string[]>> = {
  external_id: ["complaint_id", "id", "case_id", "ticket_id", "reference", "ärende", "arendenummer"],
  received_on: ["date_received", "received", "date", "created", "created_at", "datum", "inkommen"],
  market: ["country", "land", "marknad"],
  channel: ["submitted_via", "via", "kanal"],
  summary: ["issue", "subject", "title", "rubrik", "ämne"],
  product: ["product_name", "produkt"],
  category: ["category_name", "kategori"],
  category_detail: ["sub_issue", "subcategory", "sub_category"],
  narrative: ["consumer_complaint_narrative", "description", "text", "body", "beskrivning"],
  customer_ref: ["customer", "customer_id", "kund", "kundnummer"],
  severity: ["priority", "prioritet"],
};

/** A first guess at column → field from header names, for the wizard to show and the user to correct. */
export function suggestColumns(headers: string[]): Record<string, MappingTarget> {
  const out: Record<string, MappingTarget> = {};
  const taken = new Set<MappingTarget>();
  for (const header of headers) {
    const key = normaliseHeader(header);
    if ((CANONICAL_COLUMNS as readonly string[]).includes(key) && !taken.has(key as MappingTarget)) {
      out[header] = key as MappingTarget;
      taken.add(key as MappingTarget);
    }
  }
  for (const header of headers) {
    if (out[header]) continue;
    const key = normaliseHeader(header);
    for (const [target, words] of Object.entries(SYNONYMS) as [MappingTarget, string[]][]) {
      if (!taken.has(target) && words.includes(key)) {
        out[header] = target;
        taken.add(target);
        break;
      }
    }
  }
  return out;
}

export const CFPB_MAPPING_NAME = "CFPB";

const CFPB_CHANNELS = ["Web", "Referral", "Phone", "Postal mail", "Fax", "Email", "Web Referral"];

/**
 * The built-in mapping for the US CFPB consumer complaint export. Every CFPB complaint was
 * registered with a public consumer agency, so all its routes map to `consumer_agency`.
 */
export const CFPB_MAPPING: MappingConfigInput = {
  source: "cfpb",
  columns: {
    "Complaint ID": "external_id",
    "Date received": "received_on",
    "Submitted via": "channel",
    Issue: "summary",
    Product: "product",
    "Consumer complaint narrative": "narrative",
  },
  constants: { market: "US" },
  values: { channel: Object.fromEntries(CFPB_CHANNELS.map((v) => [v, "consumer_agency"])) },
  unknownProducts: "create",
  unknownCategories: "create",
  createMarkets: { US: "United States" },
  dateFormat: "YYYY-MM-DD",
  truncateSummary: true,
};

/** Fields a mapping fills (from a column or a constant): the only ones an update of an existing row touches. */
export function mappedFields(config: MappingConfig, headers: string[]): Set<MappingTarget> {
  const fields = new Set<MappingTarget>();
  for (const header of headers) {
    const target = config.columns[header];
    if (target) fields.add(target);
  }
  for (const [field, value] of Object.entries(config.constants))
    if (value !== undefined && value !== "") fields.add(field as MappingTarget);
  if (fields.has("category_detail")) fields.add("category");
  return fields;
}
