"use client";

import Link from "next/link";
import { useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { useFormat } from "@/lib/i18n/hooks";
import { markNotificationsReadAction } from "@/lib/notifications/actions";
import type { InboxDeadline, InboxNotification } from "@/lib/notifications/reads";

/** Open complaints of mine whose clock runs out within two days, or has run out. */
export function DeadlineList({ deadlines }: { deadlines: InboxDeadline[] }) {
  const { day: formatDay } = useFormat();
  return (
    <Card>
      <CardHeader>
        <CardTitle>Deadlines</CardTitle>
      </CardHeader>
      <CardContent>
        {deadlines.length === 0 ? (
          <p className="text-sm text-zinc-500">None of your open complaints is due within two days.</p>
        ) : (
          <ul aria-label="Deadlines" className="divide-y divide-zinc-100">
            {deadlines.map((d) => (
              <li key={`${d.complaintId}-${d.which}`} className="flex flex-wrap items-start justify-between gap-2 py-2">
                <p className="min-w-0 text-sm">
                  <Link href={`/complaints/${d.complaintId}`} className="font-medium text-brand-700 hover:underline">
                    {d.reference}
                  </Link>{" "}
                  {d.which} {d.overdue ? "was due" : "is due"} {formatDay(d.dueOn)}{" "}
                  <span className="text-zinc-500">“{d.summary}”</span>
                </p>
                {d.overdue ? <Badge tone="danger">Overdue</Badge> : <Badge tone="warning">Due soon</Badge>}
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
  const { dateTime: formatDateTime } = useFormat();
  const [pending, startTransition] = useTransition();
  const mark = (input: { all?: boolean; ids?: string[] }) =>
    startTransition(async () => void (await markNotificationsReadAction(input)));
  return (
    <Card>
      <CardHeader className="items-center">
        <CardTitle>Assignments and actions</CardTitle>
        <Button size="sm" variant="secondary" disabled={pending} onClick={() => mark({ all: true })}>
          Mark everything read
        </Button>
      </CardHeader>
      <CardContent>
        {notifications.length === 0 ? (
          <p className="text-sm text-zinc-500">
            When someone assigns you a complaint, moves an action you own or mentions you on an action, it shows up
            here.
          </p>
        ) : (
          <ul aria-label="Assignments and actions" className="divide-y divide-zinc-100">
            {notifications.map((n) => (
              <li
                key={n.id}
                aria-label={`${n.actorName ?? "Someone"} ${n.text}: ${n.subject}`}
                className={n.readAt ? "py-2" : "-mx-2 rounded bg-brand-50/40 px-2 py-2"}
              >
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div className="min-w-0 text-sm">
                    <p>
                      <span className="font-medium">{n.actorName ?? "Someone"}</span> {n.text}:{" "}
                      <Link href={n.href} className="font-medium text-brand-700 hover:underline">
                        {n.subject}
                      </Link>{" "}
                      {n.context ? <span className="text-zinc-500">“{n.context}”</span> : null}
                    </p>
                    <p className="mt-0.5 text-xs text-zinc-500">{formatDateTime(n.createdAt)}</p>
                  </div>
                  {n.readAt ? (
                    <Badge>Read</Badge>
                  ) : (
                    <Button size="sm" variant="ghost" disabled={pending} onClick={() => mark({ ids: [n.id] })}>
                      Mark read
                    </Button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
