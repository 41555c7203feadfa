import "server-only";
import { and, asc, desc, eq, isNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db";
import { complaints, notifications, remediationActions, remediationComments, users } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import { acknowledgeDueSql, respondDueSql } from "@/lib/complaints/deadline-sql";
import { addCalendarDays, todayIso } from "@/lib/complaints/deadlines";
import { countUnreadMentions } from "@/lib/complaints/inbox";
import type { RemediationStatus } from "@/lib/domain/values";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { codesFor } from "@/lib/i18n/messages";
import { phraseIn } from "@/lib/i18n/say";
import { gateText, personalDataAccessOf } from "@/lib/privacy/gate";

/** Deadlines within this many days show in the assignee's inbox, with the overdue ones. */
export const DEADLINE_NOTICE_DAYS = 2;
const LIMIT = 200;

export type InboxNotification = {
  id: string;
  kind: "assigned" | "action_status" | "action_mention";
  createdAt: Date;
  readAt: Date | null;
  actorName: string | null;
  href: string;
  subject: string;
  /** "assigned C-2026-000154 to you", "moved “Rename the account” to Shipped" */
  text: string;
  /** For action_status: the status the action moved to (a code, for the reader's language). */
  status: RemediationStatus | null;
  context: string | null;
};

export type InboxDeadline = {
  complaintId: string;
  reference: string;
  summary: string;
  which: "acknowledgement" | "final response";
  dueOn: string;
  overdue: boolean;
};

const actor = alias(users, "notification_actor");

/** The user's notifications, their words (`text`, a missing subject) in `locale`. */
export async function getNotifications(
  user: Pick<SessionUser, "id" | "role">,
  locale: Locale = DEFAULT_LOCALE,
): Promise<InboxNotification[]> {
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      actorName: actor.name,
      detail: notifications.detail,
      complaintId: notifications.complaintId,
      reference: complaints.reference,
      summary: complaints.summary,
      actionId: notifications.actionId,
      title: remediationActions.title,
      commentId: notifications.remediationCommentId,
      comment: remediationComments.body,
    })
    .from(notifications)
    .leftJoin(actor, eq(actor.id, notifications.actorId))
    .leftJoin(complaints, eq(complaints.id, notifications.complaintId))
    .leftJoin(remediationActions, eq(remediationActions.id, notifications.actionId))
    .leftJoin(remediationComments, eq(remediationComments.id, notifications.remediationCommentId))
    .where(eq(notifications.userId, user.id))
    .orderBy(sql`${notifications.readAt} is not null`, desc(notifications.createdAt))
    .limit(LIMIT);
  const access = personalDataAccessOf(user.role);
  return rows.map((r): InboxNotification => {
    const base = {
      id: r.id,
      kind: r.kind,
      createdAt: r.createdAt,
      readAt: r.readAt,
      actorName: r.actorName,
      status: null,
    };
    if (r.kind === "assigned") {
      return {
        ...base,
        href: `/complaints/${r.complaintId}`,
        subject: r.reference ?? phraseIn(locale, "notificationRules.aComplaint"),
        text: phraseIn(locale, "notificationRules.assignedYou"),
        context: gateText(access, r.summary),
      };
    }
    if (r.kind === "action_mention") {
      return {
        ...base,
        href: `/remediation/${r.actionId}#comment-${r.commentId}`,
        subject: gateText(access, r.title) ?? phraseIn(locale, "notificationRules.anAction"),
        text: phraseIn(locale, "notificationRules.mentionedYou"),
        context: gateText(access, r.comment),
      };
    }
    const status = codesFor(locale).remediationStatus[r.detail as RemediationStatus] ?? r.detail ?? "";
    return {
      ...base,
      href: `/remediation/${r.actionId}`,
      subject: r.title ?? phraseIn(locale, "notificationRules.anAction"),
      text: phraseIn(locale, ["notificationRules.movedYourAction", { status: status.toLocaleLowerCase(locale) }]),
      status: (r.detail as RemediationStatus | null) ?? null,
      context: null,
    };
  });
}

function openAssignedTo(userId: string) {
  return and(
    eq(complaints.assigneeId, userId),
    sql`${complaints.status} in ('new', 'triaged', 'in_analysis', 'analysed')`,
    isNull(complaints.excludedReason),
  );
}

/**
 * The query for a user's open complaints whose acknowledgement or final response is due by `horizon`
 * (read through complaints_open_assignee_idx, so a reviewer's closed cases are never read).
 */
export function deadlineNoticesQuery(userId: string, horizon: string) {
  const ackDue = acknowledgeDueSql();
  const respondDue = respondDueSql();
  return db
    .select({
      complaintId: complaints.id,
      reference: complaints.reference,
      summary: complaints.summary,
      ackDue: sql<string | null>`case when ${complaints.acknowledgedAt} is null then ${ackDue}::text end`,
      respondDue: sql<string | null>`case when ${complaints.respondedAt} is null then ${respondDue}::text end`,
    })
    .from(complaints)
    .where(
      and(
        openAssignedTo(userId),
        or(
          sql`(${complaints.acknowledgedAt} is null and ${ackDue} <= ${horizon}::date)`,
          sql`(${complaints.respondedAt} is null and ${respondDue} <= ${horizon}::date)`,
        ),
      ),
    )
    .orderBy(asc(complaints.receivedOn), asc(complaints.id))
    .limit(LIMIT);
}

/** The user's open complaints whose acknowledgement or final response is due within two days, or overdue. */
export async function getDeadlineNotices(
  user: Pick<SessionUser, "id" | "role">,
  today = todayIso(),
): Promise<InboxDeadline[]> {
  const horizon = addCalendarDays(today, DEADLINE_NOTICE_DAYS);
  const rows = await deadlineNoticesQuery(user.id, horizon);
  const access = personalDataAccessOf(user.role);
  const out: InboxDeadline[] = [];
  for (const r of rows) {
    const summary = gateText(access, r.summary);
    for (const [which, due] of [
      ["acknowledgement", r.ackDue],
      ["final response", r.respondDue],
    ] as const) {
      if (due && due <= horizon) {
        out.push({
          complaintId: r.complaintId,
          reference: r.reference,
          summary,
          which,
          dueOn: due,
          overdue: due < today,
        });
      }
    }
  }
  // What is about to run out comes first (soonest first), then what has run out (most recent first).
  return out.sort(
    (a, b) =>
      Number(a.overdue) - Number(b.overdue) ||
      (a.overdue ? b.dueOn.localeCompare(a.dueOn) : a.dueOn.localeCompare(b.dueOn)) ||
      a.reference.localeCompare(b.reference),
  );
}

/**
 * What the navigation's Inbox badge counts: unread mentions and messages, and deadlines that run out within
 * two days. Overdue ones are listed in the inbox and the Overdue queue, but a long-overdue backlog would
 * otherwise keep the badge at its maximum and hide every new message.
 */
export async function getInboxBadgeCount(user: Pick<SessionUser, "id" | "role">): Promise<number> {
  const [mentions, [unread], deadlines] = await Promise.all([
    countUnreadMentions(db, user.id),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(notifications)
      .where(and(eq(notifications.userId, user.id), isNull(notifications.readAt))),
    getDeadlineNotices(user),
  ]);
  return mentions + Number(unread?.n ?? 0) + deadlines.filter((d) => !d.overdue).length;
}
