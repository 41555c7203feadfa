"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { markMentionsReadAction } from "@/lib/complaints/actions";
import { useFormat } from "@/lib/i18n/hooks";

type Mention = {
  commentId: string;
  body: string;
  createdAt: Date;
  readAt: Date | null;
  authorName: string | null;
  complaintId: string;
  reference: string;
  summary: string;
};

export function MentionList({ mentions }: { mentions: Mention[] }) {
  const { dateTime: formatDateTime } = useFormat();
  const t = useTranslations("inbox");
  const [pending, startTransition] = useTransition();
  const unread = mentions.filter((m) => !m.readAt);
  const mark = (input: { all?: boolean; mentionCommentIds?: string[] }) =>
    startTransition(async () => void (await markMentionsReadAction(input)));

  if (!mentions.length) {
    return <Card className="px-5 py-10 text-center text-sm text-zinc-500">{t("mentions.empty")}</Card>;
  }
  return (
    <Card>
      <div className="flex justify-end border-b border-zinc-100 px-4 py-2">
        <Button
          size="sm"
          variant="secondary"
          disabled={pending || unread.length === 0}
          onClick={() => mark({ all: true })}
        >
          {t("mentions.markAll")}
        </Button>
      </div>
      <ul className="divide-y divide-zinc-100">
        {mentions.map((m) => (
          <li
            key={m.commentId}
            aria-label={t("mentions.item", { reference: m.reference })}
            className={m.readAt ? "px-4 py-3" : "bg-brand-50/40 px-4 py-3"}
          >
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div className="min-w-0">
                <p className="text-sm">
                  {t.rich("mentions.line", {
                    author: m.authorName ?? t("notifications.someone"),
                    reference: m.reference,
                    who: (chunks) => <span className="font-medium">{chunks}</span>,
                    link: (chunks) => (
                      <Link
                        href={`/complaints/${m.complaintId}`}
                        className="font-medium text-brand-700 hover:underline"
                      >
                        {chunks}
                      </Link>
                    ),
                  })}{" "}
                  <span className="text-zinc-500">“{m.summary}”</span>
                </p>
                <p className="mt-1 text-sm whitespace-pre-wrap text-zinc-800">{m.body}</p>
                <p className="mt-1 text-xs text-zinc-500">{formatDateTime(m.createdAt)}</p>
              </div>
              {m.readAt ? (
                <Badge>{t("read")}</Badge>
              ) : (
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={pending}
                  onClick={() => mark({ mentionCommentIds: [m.commentId] })}
                >
                  {t("markRead")}
                </Button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}
