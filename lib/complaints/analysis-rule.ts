import { and, inArray, isNull, notExists, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { complaintRootCauses, complaints } from "@/db/schema";
import type { ComplaintStatus } from "@/lib/domain/values";
import { AppError } from "@/lib/errors";

/** Statuses that claim the analysis is done: a complaint in one of them names its root cause. */
export const ANALYSED_STATUSES: readonly ComplaintStatus[] = ["analysed", "closed"];

/** "CMP-1, CMP-2 and 3 more": enough to find them, short enough to read. */
export function listReferences(references: readonly string[], max = 10): string {
  const shown = references.slice(0, max).join(", ");
  return references.length > max ? `${shown} and ${references.length - max} more` : shown;
}

/** The message that names the complaints still without a root cause. */
export function missingCauseMessage(references: readonly string[]): string {
  return references.length === 1
    ? `${references[0]} has no root cause: tag at least one before marking it analysed`
    : `${references.length} complaints have no root cause: ${listReferences(references)}. Tag at least one on each before marking them analysed`;
}

/**
 * Refuses the move to analysed for any of these complaints that has no root cause. A complaint
 * excluded from counting (a duplicate, not a complaint) is analysed through its original, or not at
 * all, and needs none.
 */
export async function assertRootCausesForAnalysed(tx: Tx, ids: readonly string[], path = "status"): Promise<void> {
  if (!ids.length) return;
  const missing = await tx
    .select({ reference: complaints.reference })
    .from(complaints)
    .where(
      and(
        inArray(complaints.id, [...ids]),
        isNull(complaints.excludedReason),
        notExists(
          tx
            .select({ one: sql`1` })
            .from(complaintRootCauses)
            .where(sql`${complaintRootCauses.complaintId} = ${complaints.id}`),
        ),
      ),
    )
    .orderBy(complaints.reference);
  if (!missing.length) return;
  const refs = missing.map((m) => m.reference);
  throw new AppError("invalid", missingCauseMessage(refs), { [path]: [missingCauseMessage(refs)] });
}
