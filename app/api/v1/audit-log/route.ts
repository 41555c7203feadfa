import { NextResponse } from "next/server";
import { db } from "@/db";
import { apiError, apiRoute } from "@/lib/api/route";
import { writeAudit } from "@/lib/audit/log";
import { auditCsv, auditFiltersInput, auditFiltersSchema, searchAuditLog } from "@/lib/audit/search";

/**
 * The audit log, newest first: filters `user` (id, e-mail or name), `entityType`, `entityId`, `action`
 * (or its family, e.g. `complaint`), `from`/`to` (days, inclusive), `page`, `perPage`. `format=csv`
 * downloads every match as CSV, and that export is itself audited. Admins only.
 */
export const GET = apiRoute({ permission: "admin:manage" }, async ({ request, actor }) => {
  const params = request.nextUrl.searchParams;
  const parsed = auditFiltersSchema.safeParse(auditFiltersInput(params));
  if (!parsed.success) {
    return apiError(
      "invalid",
      "Invalid filters",
      parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    );
  }
  const filters = parsed.data;
  if (params.get("format") === "csv") {
    const csv = await auditCsv(db, filters);
    const { page: _page, perPage: _perPage, ...criteria } = filters;
    await writeAudit(db, actor, { action: "audit_log.export", entityType: "audit_log", meta: { filters: criteria } });
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="audit-log-${new Date().toISOString().slice(0, 10)}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  }
  const { rows, total } = await searchAuditLog(db, filters);
  return NextResponse.json({ data: rows, total, page: filters.page, perPage: filters.perPage });
});
