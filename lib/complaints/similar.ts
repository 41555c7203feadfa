import { and, desc, eq, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { complaints } from "@/db/schema";
import { defineRead } from "@/lib/operations";
import { gateText, personalDataAccessOf } from "@/lib/privacy/gate";
import { addCalendarDays } from "./deadlines";
import { similarCheckSchema } from "./validations";

export type SimilarComplaint = {
  id: string;
  reference: string;
  summary: string;
  receivedOn: string;
  channel: string;
  status: string;
  reason: "external_id" | "same_customer";
  score: number | null;
};

// Trigram similarity above which two summaries from one customer are probably the same matter.
export const SIMILARITY_THRESHOLD = 0.35;
export const SIMILAR_WINDOW_DAYS = 30;

/**
 * Complaints a new one may repeat: the same external id, or the same customer within 30 days with a
 * similar summary (pg_trgm). Shown before saving so the reviewer can link a family or mark a duplicate.
 */
export async function findSimilarComplaints(
  q: Db | Tx,
  input: {
    externalId?: string;
    customerRef?: string | null;
    receivedOn?: string;
    summary?: string;
    excludeId?: string;
  },
): Promise<SimilarComplaint[]> {
  const out: SimilarComplaint[] = [];
  const base = {
    id: complaints.id,
    reference: complaints.reference,
    summary: complaints.summary,
    receivedOn: complaints.receivedOn,
    channel: complaints.channel,
    status: complaints.status,
  };
  const notSelf = input.excludeId ? ne(complaints.id, input.excludeId) : undefined;
  if (input.externalId?.trim()) {
    const rows = await q
      .select(base)
      .from(complaints)
      .where(and(eq(complaints.source, "default"), eq(complaints.externalId, input.externalId.trim()), notSelf));
    out.push(...rows.map((r) => ({ ...r, reason: "external_id" as const, score: null })));
  }
  const customerRef = input.customerRef?.trim();
  if (customerRef && input.receivedOn && /^\d{4}-\d{2}-\d{2}$/.test(input.receivedOn) && input.summary?.trim()) {
    const score = sql<number>`similarity(${complaints.summary}, ${input.summary.trim()})`;
    const rows = await q
      .select({ ...base, score })
      .from(complaints)
      .where(
        and(
          eq(complaints.customerRef, customerRef),
          sql`${complaints.receivedOn} between ${addCalendarDays(input.receivedOn, -SIMILAR_WINDOW_DAYS)}::date and ${addCalendarDays(input.receivedOn, SIMILAR_WINDOW_DAYS)}::date`,
          sql`${score} >= ${SIMILARITY_THRESHOLD}`,
          notSelf,
        ),
      )
      .orderBy(desc(score))
      .limit(5);
    for (const row of rows) {
      if (!out.some((o) => o.id === row.id)) out.push({ ...row, score: Number(row.score), reason: "same_customer" });
    }
  }
  return out;
}

/** The duplicate warning before saving: a read, but only for those who may log complaints. */
export const checkSimilar = defineRead({
  name: "complaints.checkSimilar",
  permission: "complaints:write",
  input: similarCheckSchema,
  read: async ({ actor, input, db }) => {
    const access = personalDataAccessOf(actor.role);
    const rows = await findSimilarComplaints(db, input);
    return rows.map((row) => ({ ...row, summary: gateText(access, row.summary) }));
  },
});
