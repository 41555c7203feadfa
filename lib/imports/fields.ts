/** The canonical complaint CSV: import and export share these columns (DESIGN.md, "Complaint CSV"). */
export const CANONICAL_COLUMNS = [
  "external_id",
  "received_on",
  "market",
  "channel",
  "summary",
  "product",
  "category",
  "journey_stage",
  "narrative",
  "customer_ref",
  "app_user",
  "severity",
  "status",
  "excluded_reason",
  "root_causes",
  // Not in the design's list, but without it an export of another source's complaints would
  // re-import under "default" and duplicate them; optional on import, always written on export.
  "source",
] as const;

export type CanonicalField = (typeof CANONICAL_COLUMNS)[number];

export const REQUIRED_FIELDS: readonly CanonicalField[] = [
  "external_id",
  "received_on",
  "market",
  "channel",
  "summary",
];

/**
 * Where a file column can go. `category_detail` is the child half of a category split over two
 * columns in foreign exports (the CFPB's Issue / Sub-issue).
 */
export const MAPPING_TARGETS = [...CANONICAL_COLUMNS, "category_detail"] as const;
export type MappingTarget = (typeof MAPPING_TARGETS)[number];

export const MAPPING_TARGET_LABELS: Record<MappingTarget, string> = {
  external_id: "External id",
  received_on: "Received on",
  market: "Market",
  channel: "Channel",
  summary: "Summary",
  product: "Product",
  category: "Category (or its parent)",
  category_detail: "Category child",
  journey_stage: "Journey stage",
  narrative: "Narrative",
  customer_ref: "Customer reference",
  app_user: "App user",
  severity: "Severity",
  status: "Status",
  excluded_reason: "Excluded reason",
  root_causes: "Root causes",
  source: "Source",
};

/** Fields whose values a mapping may translate (CFPB "Submitted via" → channel, product names, …). */
export const VALUE_MAPPED_FIELDS = [
  "channel",
  "product",
  "category",
  "market",
  "journey_stage",
  "severity",
  "status",
] as const;
export type ValueMappedField = (typeof VALUE_MAPPED_FIELDS)[number];

export const DATE_FORMATS = ["YYYY-MM-DD", "YYYY/M/D", "DD.MM.YYYY", "MM/DD/YYYY"] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export const SUMMARY_MAX = 200;
export const EXTERNAL_ID_MAX = 200;
