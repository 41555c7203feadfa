"use client";

import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { RemediationListRow } from "@/lib/remediation/list-query";
import { REMEDIATION_STATUS_TONES } from "@/lib/remediation/workflow";
import { LatestCheck, type RemediationWords, scopeOf } from "./columns";

/** The list on a phone: one card per action, with what an owner scans for first. */
export function RemediationCards({
  rows,
  words,
  emptyMessage,
}: {
  rows: RemediationListRow[];
  words: RemediationWords;
  emptyMessage: string;
}) {
  const { t, common, codes, format } = words;
  if (!rows.length) return <p className="px-3 py-10 text-center text-sm text-zinc-500">{emptyMessage}</p>;
  return (
    <ul aria-label={t("list.caption")} className="divide-y divide-zinc-100">
      {rows.map((row) => (
        <li key={row.id} aria-label={row.title} className="flex min-w-0 flex-col gap-1 px-3 py-3 text-sm">
          <div className="flex flex-wrap items-center gap-2">
            <Link
              href={`/remediation/${row.id}`}
              className="min-w-0 break-words font-medium text-brand-700 hover:underline"
            >
              {row.title}
            </Link>
            <Badge tone={REMEDIATION_STATUS_TONES[row.status]}>{codes.remediationStatus[row.status]}</Badge>
          </div>
          <p className="text-xs text-zinc-500">
            {scopeOf(row, t)} · {row.ownerName ?? t("list.noOwner")}
          </p>
          <p className="text-xs text-zinc-600">
            <span className={row.overdue ? "font-medium text-red-700" : undefined}>
              {row.dueOn ? t("list.dueOn", { day: format.day(row.dueOn) }) : t("list.noDueDate")}
            </span>
            {row.overdue ? (
              <Badge tone="danger" className="ml-1">
                {common("overdue")}
              </Badge>
            ) : null}
            {row.shippedOn ? ` · ${t("list.shipped", { day: format.day(row.shippedOn) })}` : null}
          </p>
          {row.rootCauses.length ? (
            <div className="flex flex-wrap gap-1">
              {row.rootCauses.map((r) => (
                <Badge key={r.id} tone="neutral" className="max-w-full truncate">
                  {r.name}
                </Badge>
              ))}
            </div>
          ) : null}
          <div className="flex flex-wrap items-center gap-x-2">
            <LatestCheck row={row} words={words} />
          </div>
        </li>
      ))}
    </ul>
  );
}
