import { NextResponse } from "next/server";
import { operationRoute } from "@/lib/api/route";
import { rootCauseReportCsv } from "@/lib/root-causes/csv";
import { readRootCauseReport } from "@/lib/root-causes/operations";
import { reportFiltersOf } from "@/lib/root-causes/validations";

/**
 * The root-cause report: per root cause, the tagged complaints of the scope, their rate per million
 * purchases, the previous period and the months. Filters `market` (omitted = all), `from`, `to`
 * (default: the year of the latest data), `product` (id or name), `channel` and `journeyStage`. Leadership gets
 * small cells withheld, as on the page. `format=csv` answers the cause table as CSV.
 */
export const GET = operationRoute(readRootCauseReport, {
  input: ({ request }) => {
    const params = request.nextUrl.searchParams;
    return { ...reportFiltersOf(params), format: params.get("format") ?? undefined };
  },
  respond: ({ format, report }) =>
    format === "json"
      ? NextResponse.json(report)
      : new NextResponse(rootCauseReportCsv(report), {
          headers: {
            "content-type": "text/csv; charset=utf-8",
            "content-disposition": `attachment; filename="root-causes-${report.market ?? "all"}-${report.from}-${report.to}.csv"`,
          },
        }),
});
