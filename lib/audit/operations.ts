import "server-only";
import { z } from "zod";
import { defineBatchOperation } from "@/lib/operations";
import { writeAudit } from "./log";
import { auditCsv, auditFiltersSchema, searchAuditLog } from "./search";

/**
 * The audit log, newest first, by the filters of the page and the API; `format: "csv"` gives every
 * match as CSV, and that export is itself audited (hence a write). Admins only.
 */
export const readAuditLog = defineBatchOperation({
  name: "audit.readAuditLog",
  permission: "admin:manage",
  input: auditFiltersSchema.extend({ format: z.enum(["json", "csv"]).default("json") }),
  work: async ({ actor, input: { format, ...filters }, db }) => {
    if (format === "json") return { format, ...(await searchAuditLog(db, filters)), filters };
    const csv = await auditCsv(db, filters);
    const { page: _page, perPage: _perPage, ...criteria } = filters;
    await writeAudit(db, actor, { action: "audit_log.export", entityType: "audit_log", meta: { filters: criteria } });
    return { format, csv };
  },
});
