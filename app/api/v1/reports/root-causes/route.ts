import { NextResponse } from "next/server";
import { apiRoute, fieldDetails } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { rootCauseReportCsv } from "@/lib/root-causes/csv";
import { getRootCauseReport } from "@/lib/root-causes/queries";
import { reportFiltersOf, rootCauseReportQuerySchema } from "@/lib/root-causes/validations";
import { fieldErrorsOf } from "@/lib/validation";

/**
 * The root-cause report: per root cause, the tagged complaints of the scope, their rate per million
 * purchases, the previous period and the months. Filters `market` (omitted = all), `from`, `to`
 * (default: the year of the latest data), `product` (id or name), `channel` and `journeyStage`. Leadership gets
 * small cells withheld, as on the page. `format=csv` answers the cause table as CSV.
 */
export const GET = apiRoute({ permission: "reports:read" }, async ({ request, actor }) => {
  const params = request.nextUrl.searchParams;
  const parsed = rootCauseReportQuerySchema.safeParse(reportFiltersOf(params));
  if (!parsed.success)
    throw new AppError("invalid", "Some parameters are invalid", fieldDetails(fieldErrorsOf(parsed.error)));
  const format = params.get("format") ?? "json";
  if (format !== "json" && format !== "csv")
    throw new AppError("invalid", "Some parameters are invalid", [{ path: "format", message: "Use json or csv" }]);
  const report = await getRootCauseReport(parsed.data, actor.role);
  if (format === "json") return NextResponse.json(report);
  return new NextResponse(rootCauseReportCsv(report), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="root-causes-${report.market ?? "all"}-${report.from}-${report.to}.csv"`,
    },
  });
});
