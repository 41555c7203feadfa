import { NextResponse } from "next/server";
import { operationRoute } from "@/lib/api/route";
import { readAuditLog } from "@/lib/audit/operations";
import { auditFiltersInput } from "@/lib/audit/search";

/**
 * The audit log, newest first: filters `user` (id, e-mail or name), `entityType`, `entityId`, `action`
 * (or its family, e.g. `complaint`), `from`/`to` (days, inclusive), `page`, `perPage`. `format=csv`
 * downloads every match as CSV, and that export is itself audited. Admins only.
 */
export const GET = operationRoute(readAuditLog, {
  input: ({ request }) => {
    const params = request.nextUrl.searchParams;
    return { ...auditFiltersInput(params), format: params.get("format") === "csv" ? "csv" : "json" };
  },
  respond: (result) =>
    result.format === "csv"
      ? new Response(result.csv, {
          headers: {
            "Content-Type": "text/csv; charset=utf-8",
            "Content-Disposition": `attachment; filename="audit-log-${new Date().toISOString().slice(0, 10)}.csv"`,
            "Cache-Control": "no-store",
          },
        })
      : NextResponse.json({
          data: result.rows,
          total: result.total,
          page: result.filters.page,
          perPage: result.filters.perPage,
        }),
});
