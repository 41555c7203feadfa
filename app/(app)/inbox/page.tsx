import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { getMentions } from "@/lib/complaints/queries";
import { MentionList } from "./mention-list";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage() {
  const user = await requireUser("complaints:comment");
  const mentions = await getMentions(user);
  const unread = mentions.filter((m) => !m.readAt).length;
  return (
    <>
      <PageHeader
        title="Inbox"
        description={
          unread ? `${unread} unread mention${unread === 1 ? "" : "s"}.` : "Comments that mention you land here."
        }
      />
      <MentionList mentions={mentions} />
    </>
  );
}
