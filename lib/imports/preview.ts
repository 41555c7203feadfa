import "server-only";
import { db } from "@/db";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { type ByteSource, type DetectedFormat, detectFormat } from "./detect";
import { type MappingTarget, REQUIRED_FIELDS } from "./fields";
import { loadLookups } from "./lookups";
import { canonicalMapping, mappedFields, suggestColumns } from "./mapping";
import { readRecords } from "./reader";
import { RowResolver } from "./resolve";
import type { Lookups, ResolvedRow, RowError } from "./resolve-types";
import { problemIn } from "./stored-words";
import { type MappingConfig, withCreateMissing } from "./validations";

/** A distinct file value of a value-mapped field, and what it becomes. */
export type DistinctValue = { value: string; count: number; becomes: string | null; problem: string | null };

export type ImportPreview = {
  format: DetectedFormat;
  suggested: Record<string, MappingTarget>;
  ignoredColumns: string[];
  missingFields: string[];
  rows: { line: number; stored: Record<string, string> | null; errors: RowError[] }[];
  rowsRead: number;
  rejected: number;
  errors: RowError[];
  values: Partial<Record<"channel" | "product" | "category" | "market", DistinctValue[]>>;
};

const PREVIEW_ROWS = 10;
const ERRORS_SHOWN = 100;
const DISTINCT_MAX = 200;

function describe(row: ResolvedRow, lookups: Lookups) {
  const product = !row.product
    ? ""
    : "id" in row.product
      ? (lookups.names.get(row.product.id) ?? "")
      : `${row.product.create} (new)`;
  const category = !row.category
    ? ""
    : "id" in row.category
      ? (lookups.names.get(row.category.id) ?? "")
      : `${[row.category.create.parent, row.category.create.child].filter(Boolean).join(" > ")} (new)`;
  return {
    external_id: row.externalId,
    received_on: row.receivedOn,
    market: lookups.markets.has(row.market) ? row.market : `${row.market} (new)`,
    channel: row.channel,
    summary: row.summary,
    product,
    category,
    narrative: row.narrative ? (row.narrative.length > 160 ? `${row.narrative.slice(0, 160)}…` : row.narrative) : "",
    status: row.status ?? "new",
  };
}

/**
 * What an import would do, without writing: the detected format, suggested columns, the first rows
 * as they will be stored with their problems, every problem in the file, and each distinct value of
 * the value-mapped fields with what it becomes.
 */
/** What the import would do with `mapping`; its problems said in `locale`, the reader's. */
export async function previewImport(
  source: ByteSource,
  mapping: MappingConfig | null,
  locale: Locale = DEFAULT_LOCALE,
): Promise<ImportPreview> {
  const say = (e: RowError): RowError => ({ ...e, reason: problemIn(e, locale) });
  const format = await detectFormat(source, mapping ? Object.keys(mapping.columns) : []);
  const config = mapping ? withCreateMissing(mapping) : canonicalMapping(format.headers);
  const fields = mappedFields(config, format.headers);
  const lookups = await loadLookups(db);
  const resolver = new RowResolver(config, format.headers, lookups);
  const rows: ImportPreview["rows"] = [];
  const errors: RowError[] = [];
  let rowsRead = 0;
  let rejected = 0;
  const columnOf = (field: MappingTarget) => format.headers.findIndex((h) => config.columns[h] === field);
  const tallies = new Map<string, Map<string, { count: number; sampleLine: number; values: string[] }>>();
  const tallied = (["channel", "product", "category", "market"] as const).filter((f) => columnOf(f) >= 0);

  const missingFields = REQUIRED_FIELDS.filter((f) => !fields.has(f));
  if (missingFields.length === 0) {
    for await (const record of readRecords(source, format)) {
      rowsRead++;
      const outcome = resolver.resolve(record.line, record.values);
      if ("errors" in outcome) {
        rejected++;
        for (const e of outcome.errors) if (errors.length < ERRORS_SHOWN) errors.push(say(e));
      }
      if (rows.length < PREVIEW_ROWS) {
        rows.push({
          line: record.line,
          stored: "row" in outcome ? describe(outcome.row, lookups) : null,
          errors: "errors" in outcome ? outcome.errors.map(say) : [],
        });
      }
      for (const field of tallied) {
        let value = record.values[columnOf(field)]?.trim() ?? "";
        if (field === "category") {
          const detail = columnOf("category_detail");
          if (detail >= 0 && record.values[detail]?.trim()) value = `${value} > ${record.values[detail].trim()}`;
        }
        if (!value) continue;
        const tally = tallies.get(field) ?? new Map();
        tallies.set(field, tally);
        const entry = tally.get(value);
        if (entry) entry.count++;
        else if (tally.size < DISTINCT_MAX)
          tally.set(value, { count: 1, sampleLine: record.line, values: record.values });
      }
    }
  }

  const values: ImportPreview["values"] = {};
  for (const field of tallied) {
    const probe = new RowResolver(config, format.headers, lookups);
    values[field] = [...(tallies.get(field) ?? new Map()).entries()]
      .sort((a, b) => b[1].count - a[1].count)
      .map(([value, { count, sampleLine, values: sample }]) => {
        const outcome = probe.resolve(sampleLine, sample);
        const problem =
          "errors" in outcome
            ? (outcome.errors.map(say).find((e) => e.column === format.headers[columnOf(field)])?.reason ?? null)
            : null;
        const stored = "row" in outcome ? describe(outcome.row, lookups)[field] : null;
        return { value, count, becomes: problem ? null : stored, problem };
      });
  }

  return {
    format,
    suggested: mapping ? config.columns : suggestColumns(format.headers),
    ignoredColumns: format.headers.filter((h) => !config.columns[h]),
    missingFields,
    rows,
    rowsRead,
    rejected,
    errors,
    values,
  };
}
