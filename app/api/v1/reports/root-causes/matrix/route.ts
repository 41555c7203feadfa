import { NextResponse } from "next/server";
import { operationRoute } from "@/lib/api/route";
import { matrixCsv } from "@/lib/root-causes/matrix";
import { readRootCauseMatrix } from "@/lib/root-causes/operations";
import { reportFiltersOf } from "@/lib/root-causes/validations";

/**
 * Cause × product (`by=product`) or cause × journey stage (`by=journey_stage`) for the report's
 * filters; `format=csv` answers CSV. Leadership gets small cells withheld, as in the report.
 */
export const GET = operationRoute(readRootCauseMatrix, {
  input: ({ request }) => {
    const params = request.nextUrl.searchParams;
    return { ...reportFiltersOf(params), format: params.get("format") ?? undefined, by: params.get("by") ?? undefined };
  },
  respond: ({ format, by, matrix }) =>
    format === "json"
      ? NextResponse.json(matrix)
      : new NextResponse(matrixCsv(matrix), {
          headers: {
            "content-type": "text/csv; charset=utf-8",
            "content-disposition": `attachment; filename="root-causes-by-${by}-${matrix.market ?? "all"}-${matrix.from}-${matrix.to}.csv"`,
          },
        }),
});
