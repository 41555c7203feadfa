import { stringify } from "csv-stringify/sync";
import { and, desc, eq, gte, ilike, lt, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db";
import { auditLog, users } from "@/db/schema";
import { rule } from "@/lib/i18n/say";
import { neutraliseCell } from "@/lib/imports/csv-safety";
import { first } from "@/lib/must";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, rule("complaintRules.auditDayFormat"))
  .refine((s) => !Number.isNaN(Date.parse(s)), rule("complaintRules.auditDayNotReal"));

/** The audit search's filters, shared by the page's form and the API; blank means no filter. */
export const auditFiltersSchema = z.object({
  // Lengths and ranges without words of their own: the error map names the field and the limit.
  user: z.string().trim().max(200).optional(),
  entityType: z.string().trim().max(100).optional(),
  entityId: z.string().trim().max(200).optional(),
  action: z.string().trim().max(100).optional(),
  from: day.optional(),
  to: day.optional(),
  page: z.coerce
    .number()
    .int(rule("complaintRules.auditPageWhole"))
    .min(1, rule("complaintRules.auditPageFrom1"))
    .max(100_000)
    .default(1),
  perPage: z.coerce.number().int(rule("complaintRules.wholeNumber")).min(1).max(500).default(50),
});
export type AuditFilters = z.output<typeof auditFiltersSchema>;

/** The filters from URL parameters; blank values are dropped before validation. */
export function auditFiltersInput(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ["user", "entityType", "entityId", "action", "from", "to", "page", "perPage"]) {
    const value = params.get(key)?.trim();
    if (value) out[key] = value;
  }
  return out;
}

function where(filters: AuditFilters): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (filters.user) {
    // A user by id, by e-mail or name (part of it), or a label such as "cli".
    const isUuid = z.uuid().safeParse(filters.user).success;
    conditions.push(
      isUuid
        ? eq(auditLog.actorId, filters.user)
        : or(
            ilike(users.email, `%${filters.user}%`),
            ilike(users.name, `%${filters.user}%`),
            eq(auditLog.actorLabel, filters.user),
          ),
    );
  }
  if (filters.entityType) conditions.push(eq(auditLog.entityType, filters.entityType));
  if (filters.entityId) conditions.push(eq(auditLog.entityId, filters.entityId));
  // An action names itself or its family: "complaint" finds complaint.update and complaint.create.
  if (filters.action)
    conditions.push(or(eq(auditLog.action, filters.action), sql`${auditLog.action} like ${`${filters.action}.%`}`));
  if (filters.from) conditions.push(gte(auditLog.at, new Date(`${filters.from}T00:00:00Z`)));
  if (filters.to) conditions.push(lt(auditLog.at, sql`${filters.to}::date + 1`));
  return conditions.length ? and(...conditions) : undefined;
}

export type AuditRow = {
  id: number;
  at: string;
  actor: string;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  meta: unknown;
};

/** One page of the audit log, newest first, with the total matching. */
export async function searchAuditLog(q: Db | Tx, filters: AuditFilters): Promise<{ rows: AuditRow[]; total: number }> {
  const condition = where(filters);
  const [rows, counted] = await Promise.all([
    q
      .select({ entry: auditLog, name: users.name, email: users.email })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(condition)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(filters.perPage)
      .offset((filters.page - 1) * filters.perPage),
    q
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(condition),
  ]);
  return {
    total: Number(first(counted, "audit count").n),
    rows: rows.map(({ entry, name, email }) => ({
      id: entry.id,
      at: entry.at.toISOString(),
      actor: name ?? entry.actorLabel ?? "system",
      actorEmail: email,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before,
      after: entry.after,
      meta: entry.meta,
    })),
  };
}

export const AUDIT_CSV_MAX = 100_000;

/** The matching entries as CSV (up to AUDIT_CSV_MAX), snapshots as JSON cells. */
export async function auditCsv(q: Db | Tx, filters: AuditFilters): Promise<string> {
  const { rows } = await searchAuditLog(q, { ...filters, page: 1, perPage: AUDIT_CSV_MAX });
  const header = ["id", "at", "actor", "actor_email", "action", "entity_type", "entity_id", "before", "after", "meta"];
  const json = (v: unknown) => (v == null ? "" : JSON.stringify(v));
  return stringify(
    [
      header,
      ...rows.map((r) =>
        [
          String(r.id),
          r.at,
          r.actor,
          r.actorEmail ?? "",
          r.action,
          r.entityType,
          r.entityId ?? "",
          json(r.before),
          json(r.after),
          json(r.meta),
        ].map(neutraliseCell),
      ),
    ],
    { record_delimiter: "\r\n" },
  );
}
