import { stringify } from "csv-stringify/sync";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { phraseIn } from "@/lib/i18n/say";
import { neutraliseCell } from "@/lib/imports/csv-safety";
import { complementOf, isSmallCount } from "@/lib/metric/suppression";

export const MATRIX_DIMENSIONS = ["product", "journey_stage"] as const;
export type MatrixDimension = (typeof MATRIX_DIMENSIONS)[number];

/** Complaints tagged with a cause, in one column (a product or a journey stage; null = not recorded). */
export type MatrixCountRow = { rootCauseId: string; column: string | null; complaints: number };

export type MatrixCell = { column: string | null; complaints: number | null };
export type RootCauseMatrix = {
  by: MatrixDimension;
  from: string;
  to: string;
  market: string | null;
  columns: { key: string | null; name: string }[];
  rows: { id: string; name: string; total: number | null; cells: MatrixCell[] }[];
  suppressesSmallCells: boolean;
};

/**
 * Cause × column counts, causes by total, columns by total. For roles that see aggregates only, a
 * cell of 1–4 complaints is withheld, and with it the smallest other cell of its row when one
 * withheld cell could be worked out from the row's total. What is not data (a column not recorded, a
 * cause without a name) is named in `locale`.
 */
export function buildMatrix(
  counts: readonly MatrixCountRow[],
  names: { causes: Map<string, string>; columns: Map<string, string> },
  suppress: boolean,
  locale: Locale = DEFAULT_LOCALE,
): Pick<RootCauseMatrix, "columns" | "rows"> {
  const byColumn = new Map<string | null, number>();
  const byCause = new Map<string, Map<string | null, number>>();
  for (const c of counts) {
    byColumn.set(c.column, (byColumn.get(c.column) ?? 0) + c.complaints);
    const row = byCause.get(c.rootCauseId) ?? new Map<string | null, number>();
    row.set(c.column, (row.get(c.column) ?? 0) + c.complaints);
    byCause.set(c.rootCauseId, row);
  }
  const notRecorded = phraseIn(locale, "reports.matrix.notRecorded");
  const columnName = (key: string | null) => (key === null ? notRecorded : (names.columns.get(key) ?? key));
  const columns = [...byColumn.entries()]
    .sort((a, b) => b[1] - a[1] || columnName(a[0]).localeCompare(columnName(b[0])))
    .map(([key]) => ({ key, name: columnName(key) }));
  const rows = [...byCause.entries()].map(([id, cells]) => {
    const total = [...cells.values()].reduce((a, b) => a + b, 0);
    const row = {
      id,
      name: names.causes.get(id) ?? phraseIn(locale, "dashboard.cells.unknownRootCause"),
      total: suppress && isSmallCount(total) ? null : total,
      cells: columns.map(({ key }) => {
        const n = cells.get(key) ?? 0;
        return { column: key, complaints: suppress && (isSmallCount(n) || isSmallCount(total)) ? null : n };
      }),
    };
    if (suppress && row.total !== null) {
      const extra = complementOf(
        row.cells,
        (c) => c.complaints === null,
        (c) => c.complaints,
      );
      if (extra) extra.complaints = null;
    }
    return row;
  });
  rows.sort((a, b) => (b.total ?? -1) - (a.total ?? -1) || a.name.localeCompare(b.name));
  return { columns, rows };
}

/** The matrix as CSV: a row per cause, a column per product or stage, withheld cells empty. */
export function matrixCsv(matrix: RootCauseMatrix): string {
  return stringify([
    ["root_cause_id", "root_cause", "total", ...matrix.columns.map((c) => neutraliseCell(c.name))],
    ...matrix.rows.map((r) => [
      r.id,
      neutraliseCell(r.name),
      r.total ?? "",
      ...r.cells.map((c) => (c.complaints === null ? "" : String(c.complaints))),
    ]),
  ]);
}
