"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Highlight } from "@/components/data-table/highlight";
import { Badge } from "@/components/ui/badge";
import { Checkbox } from "@/components/ui/checkbox";
import { SEVERITY_TONES, STATUS_TONES } from "@/lib/complaints/labels";
import type { ComplaintListRow } from "@/lib/complaints/list-query";
import type { ComplaintStatus, Severity } from "@/lib/domain/values";
import { useCodes, useFormat } from "@/lib/i18n/hooks";
import type { ListSelection } from "./use-list-selection";

/** The list on a phone: one card per complaint, with what a reviewer scans for first. */
export function ComplaintCards({
  rows,
  selection,
  selectable,
  emptyMessage,
}: {
  rows: ComplaintListRow[];
  selection: ListSelection;
  selectable: boolean;
  emptyMessage: string;
}) {
  const t = useTranslations("complaints");
  const common = useTranslations("common");
  const codes = useCodes();
  const format = useFormat();
  if (!rows.length) return <p className="px-3 py-10 text-center text-sm text-zinc-500">{emptyMessage}</p>;
  return (
    <ul aria-label={t("caption")} className="divide-y divide-zinc-100">
      {rows.map((row) => (
        <li key={row.id} aria-label={row.reference} className="flex gap-3 px-3 py-3">
          {selectable ? (
            <Checkbox
              aria-label={t("selectOne", { reference: row.reference })}
              className="mt-1"
              checked={selection.selection[row.id] === true}
              onCheckedChange={(value) => selection.toggle(row.id, value === true)}
            />
          ) : null}
          <div className="flex min-w-0 flex-1 flex-col gap-1 text-sm">
            <div className="flex flex-wrap items-center gap-2">
              <Link href={`/complaints/${row.id}`} className="font-medium text-brand-700 hover:underline">
                {row.reference}
              </Link>
              <Badge tone={STATUS_TONES[row.status as ComplaintStatus]}>
                {codes.status[row.status as ComplaintStatus] ?? row.status}
              </Badge>
              {row.severity ? (
                <Badge tone={SEVERITY_TONES[row.severity as Severity]}>
                  {codes.severity[row.severity as Severity] ?? row.severity}
                </Badge>
              ) : null}
            </div>
            <p className="break-words text-zinc-900">
              <Highlight text={row.summary} words={row.matches} />
            </p>
            <p className="text-xs text-zinc-500">
              {t("cards.received", { day: format.day(row.receivedOn) })} · {row.market} ·{" "}
              {row.assigneeName ?? common("unassigned")}
            </p>
            <p className="text-xs text-zinc-600">
              {t("cards.due", { day: format.day(row.respondBy) })}
              {row.overdue ? (
                <Badge tone="danger" className="ml-1">
                  {common("overdue")}
                </Badge>
              ) : null}
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
