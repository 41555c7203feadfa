import type { Db, Tx } from "@/db";
import { auditLog } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  meta?: Record<string, unknown>;
};

/** Appends to the audit log inside the caller's transaction, so the change and its record land together. */
export async function writeAudit(tx: Db | Tx, actor: Actor | null, entry: AuditEntry | AuditEntry[]) {
  const entries = Array.isArray(entry) ? entry : [entry];
  if (entries.length === 0) return;
  await tx.insert(auditLog).values(
    entries.map((e) => ({
      actorId: actor?.userId ?? null,
      actorLabel: actor?.label ?? "system",
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId ?? null,
      before: e.before ?? null,
      after: e.after ?? null,
      meta: e.meta ?? null,
    })),
  );
}
