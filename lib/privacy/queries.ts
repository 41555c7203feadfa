// No `server-only` here: the command line (retention) reaches it through lib/privacy/operations.ts.
import { and, desc, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { auditLog, users } from "@/db/schema";
import type { RetentionRun } from "./retention";

/** The latest retention runs from the audit log: when, who, and what was erased. */
export async function getRetentionRuns(limit = 10) {
  const rows = await db
    .select({
      at: auditLog.at,
      action: auditLog.action,
      actorLabel: auditLog.actorLabel,
      actorName: users.name,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.entityType, "retention"), inArray(auditLog.action, ["retention.run", "retention.dry_run"])))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
  return rows.map((r) => ({ at: r.at, by: r.actorName ?? r.actorLabel ?? "system", run: r.after as RetentionRun }));
}
