// No `server-only` marker: like the report's queries, usable from scripts.
import { sql } from "drizzle-orm";
import { db } from "@/db";
import { rowsOf } from "@/db/rows";
import type { Role } from "@/lib/domain/values";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { codesFor } from "@/lib/i18n/messages";
import type { Executor } from "@/lib/metric/queries";
import { suppressesSmallCells } from "@/lib/metric/suppression";
import { buildMatrix, type MatrixCountRow, type MatrixDimension, type RootCauseMatrix } from "./matrix";
import { resolveReportScope, rollupFilters } from "./queries";
import type { RootCauseReportQuery } from "./validations";

/**
 * Cause × product or cause × journey stage for the report's scope and period: counted complaints (no
 * exclusion reason) tagged with the cause. Read from the root-cause rollup, which the complaints' own
 * triggers keep exact (a tag is one complaint under one cause, so the sum of tags per cell is the number
 * of its complaints, and a cell's drill-down into the complaint list finds exactly them): a few hundred
 * rows for any period, where counting the tagged complaints themselves read every one of them.
 */
export async function getRootCauseMatrix(
  query: RootCauseReportQuery,
  by: MatrixDimension,
  role: Role,
  locale: Locale = DEFAULT_LOCALE,
  executor: Executor = db,
): Promise<RootCauseMatrix> {
  const scope = await resolveReportScope(query, executor);
  // Grouped by the columns themselves and cast after: hashing the uuid, not its text, is a third cheaper.
  const column = by === "product" ? sql`r.product_id` : sql`r.journey_stage`;
  const [counts, causes, products] = await Promise.all([
    executor.execute(sql`
      select r.root_cause_id::text as "rootCauseId", ${column}::text as column, sum(r.count)::int as complaints
      from root_cause_month_counts r
      where r.month between ${scope.from} and ${scope.to} and ${rollupFilters("r", scope)}
      group by r.root_cause_id, ${column} having sum(r.count) <> 0`),
    executor.execute(sql`select id::text as id, name from root_causes`),
    by === "product" ? executor.execute(sql`select id::text as id, name from products`) : null,
  ]);
  // A product goes by its own name (data); a journey stage by its name in the reader's language.
  const columns =
    by === "product"
      ? new Map(rowsOf<{ id: string; name: string }>(products).map((p) => [p.id, p.name]))
      : new Map(Object.entries(codesFor(locale).journeyStage));
  const suppress = suppressesSmallCells(role);
  return {
    by,
    from: scope.from,
    to: scope.to,
    market: scope.market,
    suppressesSmallCells: suppress,
    ...buildMatrix(
      rowsOf<MatrixCountRow>(counts).map((c) => ({ ...c, complaints: Number(c.complaints) })),
      { causes: new Map(rowsOf<{ id: string; name: string }>(causes).map((r) => [r.id, r.name])), columns },
      suppress,
      locale,
    ),
  };
}
