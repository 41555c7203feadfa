import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { commentMentions, comments, complaints, users } from "@/db/schema";
import { redactText } from "@/lib/privacy/redact";

/** Comments that mention the user, unread first, newest first. */
export async function listMentions(q: Db | Tx, userId: string, options: { redact?: boolean; limit?: number } = {}) {
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
    })
    .from(commentMentions)
    .innerJoin(comments, eq(comments.id, commentMentions.commentId))
    .innerJoin(complaints, eq(complaints.id, comments.complaintId))
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(eq(commentMentions.userId, userId))
    .orderBy(sql`${commentMentions.readAt} is not null`, desc(comments.createdAt))
    .limit(options.limit ?? 200);
  const text = (s: string) => (options.redact ? redactText(s) : s);
  return rows.map((r) => ({ ...r, body: text(r.body), summary: text(r.summary) }));
}

export async function countUnreadMentions(q: Db | Tx, userId: string): Promise<number> {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(commentMentions)
    .where(and(eq(commentMentions.userId, userId), isNull(commentMentions.readAt)));
  return Number(row.n);
}
