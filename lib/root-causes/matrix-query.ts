// No `server-only` marker: like the report's queries, usable from scripts.
import { sql } from "drizzle-orm";
import { db } from "@/db";
import { rowsOf } from "@/db/rows";
import { JOURNEY_STAGE_LABELS } from "@/lib/complaints/labels";
import type { Role } from "@/lib/domain/values";
import { monthRange } from "@/lib/metric/months";
import type { Executor } from "@/lib/metric/queries";
import { suppressesSmallCells } from "@/lib/metric/suppression";
import { buildMatrix, type MatrixDimension, type RootCauseMatrix } from "./matrix";
import { getRootCauseReport } from "./queries";
import type { RootCauseReportQuery } from "./validations";

/**
 * Cause × product or cause × journey stage for the report's scope and period: distinct counted
 * complaints (no exclusion reason) tagged with the cause, read from the complaints themselves, so a
 * cell's drill-down into the complaint list finds exactly its complaints.
 */
export async function getRootCauseMatrix(
  query: RootCauseReportQuery,
  by: MatrixDimension,
  role: Role,
  executor: Executor = db,
): Promise<RootCauseMatrix> {
  // The report resolves and checks the scope (market, product by name, period defaults) once for both.
  const report = await getRootCauseReport(query, role, executor);
  const { start, end } = monthRange(report.from, report.to);
  const column = by === "product" ? sql`c.product_id::text` : sql`c.journey_stage::text`;
  const counts = rowsOf<{ rootCauseId: string; column: string | null; complaints: number }>(
    await executor.execute(sql`
      select t.root_cause_id::text as "rootCauseId", ${column} as column, count(distinct c.id)::int as complaints
      from complaint_root_causes t join complaints c on c.id = t.complaint_id
      where c.excluded_reason is null and c.received_on >= ${start}::date and c.received_on < ${end}::date
        ${report.market ? sql`and c.market = ${report.market}` : sql``}
        ${report.product ? sql`and c.product_id = ${report.product.id}::uuid` : sql``}
        ${report.channel ? sql`and c.channel = ${report.channel}::channel` : sql``}
        ${report.journeyStage ? sql`and c.journey_stage = ${report.journeyStage}::journey_stage` : sql``}
      group by 1, 2`),
  );
  const [causes, products] = await Promise.all([
    executor.execute(sql`select id::text as id, name from root_causes`),
    by === "product" ? executor.execute(sql`select id::text as id, name from products`) : null,
  ]);
  const columns =
    by === "product"
      ? new Map(rowsOf<{ id: string; name: string }>(products).map((p) => [p.id, p.name]))
      : new Map(Object.entries(JOURNEY_STAGE_LABELS));
  const suppress = suppressesSmallCells(role);
  return {
    by,
    from: report.from,
    to: report.to,
    market: report.market,
    suppressesSmallCells: suppress,
    ...buildMatrix(
      counts.map((c) => ({ ...c, complaints: Number(c.complaints) })),
      { causes: new Map(rowsOf<{ id: string; name: string }>(causes).map((r) => [r.id, r.name])), columns },
      suppress,
    ),
  };
}
