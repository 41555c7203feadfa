import { NextResponse } from "next/server";
import { apiRoute, fieldDetails } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { MATRIX_DIMENSIONS, type MatrixDimension, matrixCsv } from "@/lib/root-causes/matrix";
import { getRootCauseMatrix } from "@/lib/root-causes/matrix-query";
import { reportFiltersOf, rootCauseReportQuerySchema } from "@/lib/root-causes/validations";
import { fieldErrorsOf } from "@/lib/validation";

/**
 * Cause × product (`by=product`) or cause × journey stage (`by=journey_stage`) for the report's
 * filters; `format=csv` answers CSV. Leadership gets small cells withheld, as in the report.
 */
export const GET = apiRoute({ permission: "reports:read" }, async ({ request, actor }) => {
  const params = request.nextUrl.searchParams;
  const problems: { path: string; message: string }[] = [];
  const by = params.get("by");
  if (!MATRIX_DIMENSIONS.includes(by as MatrixDimension))
    problems.push({ path: "by", message: `Use one of ${MATRIX_DIMENSIONS.join(", ")}` });
  const format = params.get("format") ?? "json";
  if (format !== "json" && format !== "csv") problems.push({ path: "format", message: "Use json or csv" });
  const parsed = rootCauseReportQuerySchema.safeParse(reportFiltersOf(params));
  if (!parsed.success) problems.push(...fieldDetails(fieldErrorsOf(parsed.error)));
  if (problems.length || !parsed.success) throw new AppError("invalid", "Some parameters are invalid", problems);
  const matrix = await getRootCauseMatrix(parsed.data, by as MatrixDimension, actor.role);
  if (format === "json") return NextResponse.json(matrix);
  return new NextResponse(matrixCsv(matrix), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="root-causes-by-${by}-${matrix.market ?? "all"}-${matrix.from}-${matrix.to}.csv"`,
    },
  });
});
