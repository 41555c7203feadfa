import { and, eq, inArray, isNull } from "drizzle-orm";
import { commentMentions, notifications } from "@/db/schema";
import { refuse } from "@/lib/i18n/say";
import { defineOperation } from "@/lib/operations";
import { markNotificationsReadSchema } from "./validations";

/** Marks inbox messages read: the given ones, or (with `all`) every unread message and mention. */
export const markNotificationsRead = defineOperation({
  name: "notifications.markNotificationsRead",
  permission: "complaints:comment",
  input: markNotificationsReadSchema,
  work: async ({ tx, input, actor }) => {
    if (!actor.userId) throw refuse("forbidden", "notificationRules.inboxSignedInOnly");
    const unread = and(eq(notifications.userId, actor.userId), isNull(notifications.readAt));
    if (!input.all && !input.ids?.length) return { marked: 0 };
    const now = new Date();
    const marked = await tx
      .update(notifications)
      .set({ readAt: now })
      .where(input.all ? unread : and(unread, inArray(notifications.id, input.ids ?? [])))
      .returning({ id: notifications.id });
    let mentions = 0;
    if (input.all) {
      const read = await tx
        .update(commentMentions)
        .set({ readAt: now })
        .where(and(eq(commentMentions.userId, actor.userId), isNull(commentMentions.readAt)))
        .returning({ id: commentMentions.commentId });
      mentions = read.length;
    }
    return { marked: marked.length + mentions };
  },
});
