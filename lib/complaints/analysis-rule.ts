import { and, inArray, isNull, notExists, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { complaintRootCauses, complaints } from "@/db/schema";
import type { ComplaintStatus } from "@/lib/domain/values";
import { AppError } from "@/lib/errors";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { fillMessage, messagesFor } from "@/lib/i18n/messages";

/** Statuses that claim the analysis is done: a complaint in one of them names its root cause. */
export const ANALYSED_STATUSES: readonly ComplaintStatus[] = ["analysed", "closed"];

/** "CMP-1, CMP-2 and 3 more": enough to find them, short enough to read. */
export function listReferences(references: readonly string[], max = 10, locale: Locale = DEFAULT_LOCALE): string {
  const shown = references.slice(0, max).join(", ");
  return references.length > max
    ? fillMessage(messagesFor(locale).refusals.referencesMore, { shown, count: references.length - max })
    : shown;
}

/** The message that names the complaints still without a root cause. */
export function missingCauseMessage(references: readonly string[], locale: Locale = DEFAULT_LOCALE): string {
  const m = messagesFor(locale).refusals;
  return references.length === 1
    ? fillMessage(m.missingCauseOne, { reference: references[0] ?? "" })
    : fillMessage(m.missingCauseMany, {
        count: references.length,
        references: listReferences(references, 10, locale),
      });
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
  throw new AppError("invalid", (locale) => {
    const message = missingCauseMessage(refs, locale);
    return { message, details: { [path]: [message] } };
  });
}
