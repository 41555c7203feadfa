"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { useCodes, useFormat } from "@/lib/i18n/hooks";
import { markNotificationsReadAction } from "@/lib/notifications/actions";
import type { InboxDeadline, InboxNotification } from "@/lib/notifications/reads";

/** Open complaints of mine whose clock runs out within two days, or has run out. */
export function DeadlineList({ deadlines }: { deadlines: InboxDeadline[] }) {
  const { day: formatDay } = useFormat();
  const t = useTranslations("inbox.deadlines");
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
      </CardHeader>
      <CardContent>
        {deadlines.length === 0 ? (
          <p className="text-sm text-zinc-500">{t("none")}</p>
        ) : (
          <ul aria-label={t("list")} className="divide-y divide-zinc-100">
            {deadlines.map((d) => (
              <li key={`${d.complaintId}-${d.which}`} className="flex flex-wrap items-start justify-between gap-2 py-2">
                <p className="min-w-0 text-sm">
                  <Link href={`/complaints/${d.complaintId}`} className="font-medium text-brand-700 hover:underline">
                    {d.reference}
                  </Link>{" "}
                  {t(
                    d.which === "acknowledgement"
                      ? d.overdue
                        ? "acknowledgementWasDue"
                        : "acknowledgementDue"
                      : d.overdue
                        ? "finalResponseWasDue"
                        : "finalResponseDue",
                    { date: formatDay(d.dueOn) },
                  )}{" "}
                  <span className="text-zinc-500">“{d.summary}”</span>
                </p>
                {d.overdue ? <Badge tone="danger">{t("overdue")}</Badge> : <Badge tone="warning">{t("dueSoon")}</Badge>}
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

/** Assignments to me and status changes on actions I own, unread first. */
export function NotificationList({ notifications }: { notifications: InboxNotification[] }) {
  const { dateTime: formatDateTime, locale } = useFormat();
  const t = useTranslations("inbox");
  const codes = useCodes();
  const [pending, startTransition] = useTransition();
  const mark = (input: { all?: boolean; ids?: string[] }) =>
    startTransition(async () => void (await markNotificationsReadAction(input)));
  return (
    <Card>
      <CardHeader className="items-center">
        <CardTitle>{t("notifications.title")}</CardTitle>
        <Button size="sm" variant="secondary" disabled={pending} onClick={() => mark({ all: true })}>
          {t("notifications.markAll")}
        </Button>
      </CardHeader>
      <CardContent>
        {notifications.length === 0 ? (
          <p className="text-sm text-zinc-500">{t("notifications.empty")}</p>
        ) : (
          <ul aria-label={t("notifications.list")} className="divide-y divide-zinc-100">
            {notifications.map((n) => {
              const key =
                n.kind === "assigned" ? "assigned" : n.kind === "action_mention" ? "actionMention" : "actionStatus";
              const values = {
                actor: n.actorName ?? t("notifications.someone"),
                subject: n.subject,
                status: n.status ? codes.remediationStatus[n.status].toLocaleLowerCase(locale) : "",
              };
              return (
                <li
                  key={n.id}
                  aria-label={t.markup(`notifications.${key}`, { ...values, who: (c) => c, link: (c) => c })}
                  className={n.readAt ? "py-2" : "-mx-2 rounded bg-brand-50/40 px-2 py-2"}
                >
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <div className="min-w-0 text-sm">
                      <p>
                        {t.rich(`notifications.${key}`, {
                          ...values,
                          who: (chunks) => <span className="font-medium">{chunks}</span>,
                          link: (chunks) => (
                            <Link href={n.href} className="font-medium text-brand-700 hover:underline">
                              {chunks}
                            </Link>
                          ),
                        })}{" "}
                        {n.context ? <span className="text-zinc-500">“{n.context}”</span> : null}
                      </p>
                      <p className="mt-0.5 text-xs text-zinc-500">{formatDateTime(n.createdAt)}</p>
                    </div>
                    {n.readAt ? (
                      <Badge>{t("read")}</Badge>
                    ) : (
                      <Button size="sm" variant="ghost" disabled={pending} onClick={() => mark({ ids: [n.id] })}>
                        {t("markRead")}
                      </Button>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
