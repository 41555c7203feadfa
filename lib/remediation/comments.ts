import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { notifications, remediationActions, remediationComments, users } from "@/db/schema";
import { PERMISSIONS } from "@/lib/auth/roles";
import { findMentions } from "@/lib/complaints/mentions";
import { refuse } from "@/lib/i18n/say";
import { first } from "@/lib/must";
import { defineOperation } from "@/lib/operations";
import { gateText, type PersonalDataAccess } from "@/lib/privacy/gate";
import { actionCommentSchema } from "./validations";

/** Who can be mentioned: active users with an inbox (the roles that comment). */
export function mentionablePeople(q: Db | Tx) {
  return q
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, [...PERMISSIONS["remediation:comment"]])))
    .orderBy(asc(users.name));
}

/**
 * A comment on a remediation action, by anyone who discusses actions (a product manager on any
 * action, not only their own); each colleague mentioned by `@Name` or `@handle` gets it in their inbox.
 */
export const addActionComment = defineOperation({
  name: "remediation.addComment",
  permission: "remediation:comment",
  input: actionCommentSchema,
  work: async ({ tx, input, actor, audit }) => {
    const [action] = await tx
      .select({ id: remediationActions.id })
      .from(remediationActions)
      .where(eq(remediationActions.id, input.actionId));
    if (!action) throw refuse("not_found", "remediationRules.actionNotFound");
    const mentioned = findMentions(input.body, await mentionablePeople(tx)).filter((p) => p.id !== actor.userId);
    const comment = first(
      await tx
        .insert(remediationComments)
        .values({ actionId: action.id, authorId: actor.userId, body: input.body })
        .returning(),
      "inserted comment",
    );
    if (mentioned.length) {
      await tx.insert(notifications).values(
        mentioned.map((p) => ({
          userId: p.id,
          kind: "action_mention" as const,
          actorId: actor.userId,
          actionId: action.id,
          remediationCommentId: comment.id,
        })),
      );
    }
    await audit({
      action: "remediation.comment",
      entityType: "remediation_action",
      entityId: action.id,
      after: { commentId: comment.id, mentioned: mentioned.map((p) => p.id) },
    });
    return { ...comment, mentioned: mentioned.map((p) => ({ id: p.id, name: p.name })) };
  },
});

/** An action's comments, oldest first, their text through the reader's personal-data gate. */
export async function loadActionComments(q: Db | Tx, actionId: string, access: PersonalDataAccess) {
  const [rows, mentions] = await Promise.all([
    q
      .select({
        id: remediationComments.id,
        body: remediationComments.body,
        createdAt: remediationComments.createdAt,
        authorName: users.name,
      })
      .from(remediationComments)
      .leftJoin(users, eq(users.id, remediationComments.authorId))
      .where(eq(remediationComments.actionId, actionId))
      .orderBy(asc(remediationComments.createdAt), asc(remediationComments.id)),
    q
      .select({ commentId: notifications.remediationCommentId, name: users.name })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.userId))
      .where(and(eq(notifications.actionId, actionId), eq(notifications.kind, "action_mention"))),
  ]);
  return rows.map((r) => ({
    ...r,
    body: gateText(access, r.body),
    mentions: mentions.filter((m) => m.commentId === r.id).map((m) => m.name),
  }));
}
