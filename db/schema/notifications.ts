import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { complaints } from "./complaints";
import { remediationActions, remediationComments } from "./remediation";
import { users } from "./users";

export const NOTIFICATION_KINDS = ["assigned", "action_status", "action_mention"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * Messages for a user's inbox (mentions live on comment_mentions). They hold ids and codes only, never
 * text from the complaint, so erasing personal data never has to look here; the inbox builds the words.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").$type<NotificationKind>().notNull(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    complaintId: uuid("complaint_id").references(() => complaints.id, { onDelete: "cascade" }),
    actionId: uuid("action_id").references(() => remediationActions.id, { onDelete: "cascade" }),
    // For action_status: the status the action moved to.
    detail: text("detail"),
    // For action_mention: the comment that mentions the user (its text is read from there, gated).
    remediationCommentId: uuid("remediation_comment_id").references(() => remediationComments.id, {
      onDelete: "cascade",
    }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    index("notifications_user_idx").on(t.userId, t.readAt, t.createdAt),
    check("notifications_kind_check", sql`${t.kind} in ('assigned', 'action_status', 'action_mention')`),
    check(
      "notifications_subject_check",
      sql`(${t.kind} = 'assigned' and ${t.complaintId} is not null) or (${t.kind} = 'action_status' and ${t.actionId} is not null) or (${t.kind} = 'action_mention' and ${t.actionId} is not null and ${t.remediationCommentId} is not null)`,
    ),
  ],
);
