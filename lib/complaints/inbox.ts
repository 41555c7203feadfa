import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { commentMentions, comments, complaints, users } from "@/db/schema";
import { first } from "@/lib/must";
import { gateText, type PersonalDataAccess } from "@/lib/privacy/gate";

/** Comments that mention the user, unread first, newest first. */
export async function listMentions(
  q: Db | Tx,
  userId: string,
  options: { access?: PersonalDataAccess; limit?: number } = {},
) {
  const rows = await q
    .select({
      commentId: comments.id,
      body: comments.body,
      createdAt: comments.createdAt,
      readAt: commentMentions.readAt,
      authorName: users.name,
      complaintId: complaints.id,
      reference: complaints.reference,
      summary: complaints.summary,
      customerRef: complaints.customerRef,
    })
    .from(commentMentions)
    .innerJoin(comments, eq(comments.id, commentMentions.commentId))
    .innerJoin(complaints, eq(complaints.id, comments.complaintId))
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(eq(commentMentions.userId, userId))
    .orderBy(sql`${commentMentions.readAt} is not null`, desc(comments.createdAt))
    .limit(options.limit ?? 200);
  const access = options.access ?? "full";
  if (access === "none") return [];
  return rows.map(({ customerRef, ...r }) => {
    const text = (s: string) => gateText(access, s, { customerRefs: [customerRef] });
    return { ...r, body: text(r.body), summary: text(r.summary) };
  });
}

export async function countUnreadMentions(q: Db | Tx, userId: string): Promise<number> {
  const row = first(
    await q
      .select({ n: sql<number>`count(*)::int` })
      .from(commentMentions)
      .where(and(eq(commentMentions.userId, userId), isNull(commentMentions.readAt))),
    "count",
  );
  return Number(row.n);
}
