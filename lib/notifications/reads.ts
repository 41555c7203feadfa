import "server-only";
import { z } from "zod";
import { listMentions } from "@/lib/complaints/inbox";
import { defineRead } from "@/lib/operations";
import { personalDataAccessOf } from "@/lib/privacy/gate";
import { getDeadlineNotices, getInboxBadgeCount, getNotifications } from "./queries";

export type { InboxDeadline, InboxNotification } from "./queries";

/** The reader's inbox: mentions, notifications and their near or overdue deadlines, text through the gate. */
export const readInbox = defineRead({
  name: "notifications.readInbox",
  permission: "complaints:comment",
  input: z.object({}),
  read: async ({ actor, db }) => {
    if (!actor.userId) return { mentions: [], notifications: [], deadlines: [] };
    const user = { id: actor.userId, role: actor.role };
    const [mentions, notifications, deadlines] = await Promise.all([
      listMentions(db, user.id, { access: personalDataAccessOf(actor.role) }),
      getNotifications(user, actor.locale),
      getDeadlineNotices(user),
    ]);
    return { mentions, notifications, deadlines };
  },
});

/** What is unread in the reader's inbox, for the navigation's badge. */
export const readInboxBadgeCount = defineRead({
  name: "notifications.readInboxBadgeCount",
  permission: "complaints:comment",
  input: z.object({}),
  read: async ({ actor }) => (actor.userId ? getInboxBadgeCount({ id: actor.userId, role: actor.role }) : 0),
});
