import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { readInbox } from "@/lib/notifications/reads";
import { readForPage } from "@/lib/operations/page";
import { MentionList } from "./mention-list";
import { DeadlineList, NotificationList } from "./notification-list";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage() {
  await requireUser("complaints:comment");
  const { mentions, notifications, deadlines } = await readForPage(readInbox, {});
  const unread = mentions.filter((m) => !m.readAt).length + notifications.filter((n) => !n.readAt).length;
  const parts = [
    unread ? `${unread} unread` : "Nothing unread",
    deadlines.length
      ? `${deadlines.length} deadline${deadlines.length === 1 ? "" : "s"} within two days or overdue`
      : null,
  ].filter(Boolean);
  return (
    <>
      <PageHeader title="Inbox" description={`${parts.join("; ")}.`} />
      <div className="flex flex-col gap-6">
        <DeadlineList deadlines={deadlines} />
        <NotificationList notifications={notifications} />
        <section aria-labelledby="mentions-heading" className="flex flex-col gap-2">
          <h2 id="mentions-heading" className="text-base font-semibold text-zinc-900">
            Mentions
          </h2>
          <MentionList mentions={mentions} />
        </section>
      </div>
    </>
  );
}
