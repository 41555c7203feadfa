import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { getFormat } from "@/lib/i18n/server";
import { readInbox } from "@/lib/notifications/reads";
import { readForPage } from "@/lib/operations/page";
import { MentionList } from "./mention-list";
import { DeadlineList, NotificationList } from "./notification-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("titles"))("inbox") };
}

export default async function InboxPage() {
  await requireUser("complaints:comment");
  const { mentions, notifications, deadlines } = await readForPage(readInbox, {});
  const unread = mentions.filter((m) => !m.readAt).length + notifications.filter((n) => !n.readAt).length;
  const t = await getTranslations("inbox");
  const { number } = await getFormat();
  const parts = [
    unread ? t("summary.unread", { count: number(unread) }) : t("summary.nothingUnread"),
    deadlines.length ? t("summary.deadlines", { count: deadlines.length }) : null,
  ].filter(Boolean);
  return (
    <>
      <PageHeader title={(await getTranslations("titles"))("inbox")} description={`${parts.join("; ")}.`} />
      <div className="flex flex-col gap-6">
        <DeadlineList deadlines={deadlines} />
        <NotificationList notifications={notifications} />
        <section aria-labelledby="mentions-heading" className="flex flex-col gap-2">
          <h2 id="mentions-heading" className="text-base font-semibold text-zinc-900">
            {t("mentions.title")}
          </h2>
          <MentionList mentions={mentions} />
        </section>
      </div>
    </>
  );
}
