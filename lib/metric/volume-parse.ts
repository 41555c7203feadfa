import { parse } from "csv-parse/sync";
import { type Phrase, ruleText } from "@/lib/i18n/say";
import { csvParseReason } from "@/lib/imports/csv-reasons";
import { isMonth } from "./months";
import { parsePurchases } from "./numbers";

export { parsePurchases };

/**
 * Purchase volumes from a CSV file or a spreadsheet paste: `market,month,purchases[,product]`.
 * Pure: resolving markets and products against the database happens when writing.
 */

export type VolumeLine = { line: number; market: string; month: string; purchases: number; product: string | null };
/** A line's problem: `phrase` says it in any language, `message` in the language of the parse running now. */
export type LineError = { line: number; field: string; phrase: Phrase; message: string };

export const lineError = (line: number, field: string, phrase: Phrase): LineError => ({
  line,
  field,
  phrase,
  message: ruleText(phrase),
});

const COLUMNS = ["market", "month", "purchases", "product"] as const;

function detectDelimiter(firstLine: string): string {
  if (firstLine.includes("\t")) return "\t";
  const semicolons = firstLine.split(";").length;
  const commas = firstLine.split(",").length;
  return semicolons > commas ? ";" : ",";
}

export function parseVolumeText(input: string): { lines: VolumeLine[]; errors: LineError[] } {
  const text = input.replace(/^\uFEFF/, "");
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = detectDelimiter(firstLine);
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    return {
      lines: [],
      errors: [lineError(1, "file", ["adminRules.volumes.notCsv", { reason: csvParseReason(error) }])],
    };
  }
  const [firstRecord] = records;
  if (!firstRecord) return { lines: [], errors: [lineError(1, "file", "adminRules.volumes.noRows")] };

  // A paste from a spreadsheet often lacks the header: then the columns are market, month, purchases[, product].
  const header = firstRecord.map((h) => h.toLowerCase());
  const hasHeader = header.includes("market") || header.includes("month") || header.includes("purchases");
  const index: Record<(typeof COLUMNS)[number], number> = { market: 0, month: 1, purchases: 2, product: 3 };
  const errors: LineError[] = [];
  if (hasHeader) {
    for (const column of COLUMNS) index[column] = header.indexOf(column);
    const missing = COLUMNS.filter((c) => c !== "product" && index[c] < 0);
    if (missing.length) {
      return {
        lines: [],
        errors: missing.map((c) => lineError(1, c, ["adminRules.volumes.headerMissing", { column: c }])),
      };
    }
  }

  const lines: VolumeLine[] = [];
  const seen = new Map<string, number>();
  records.slice(hasHeader ? 1 : 0).forEach((record, i) => {
    const line = i + (hasHeader ? 2 : 1);
    const cell = (column: (typeof COLUMNS)[number]) => (index[column] >= 0 ? (record[index[column]] ?? "").trim() : "");
    const market = cell("market").toUpperCase();
    const month = cell("month");
    const purchasesText = cell("purchases");
    const product = cell("product") || null;
    const before = errors.length;
    if (!/^[A-Z]{2}$/.test(market))
      errors.push(lineError(line, "market", ["adminRules.volumes.badMarket", { value: cell("market") }]));
    if (!isMonth(month)) errors.push(lineError(line, "month", ["adminRules.volumes.badMonth", { value: month }]));
    const purchases = parsePurchases(purchasesText, delimiter);
    if (purchases == null)
      errors.push(lineError(line, "purchases", ["adminRules.volumes.badPurchases", { value: purchasesText }]));
    if (errors.length > before) return;
    const key = `${market}|${month}|${(product ?? "").toLowerCase()}`;
    const earlier = seen.get(key);
    if (earlier) {
      const what = `${market} ${month}${product ? ` ${product}` : ""}`;
      errors.push(lineError(line, "month", ["adminRules.volumes.repeated", { what, line: earlier }]));
      return;
    }
    seen.set(key, line);
    lines.push({ line, market, month, purchases: purchases as number, product });
  });
  if (lines.length === 0 && errors.length === 0) errors.push(lineError(1, "file", "adminRules.volumes.noRows"));
  return { lines, errors };
}
