"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import type { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { Formatter } from "@/lib/format";
import type { CodeLabels } from "@/lib/i18n/messages";
import { formatChange } from "@/lib/metric/format";
import type { RemediationListRow } from "@/lib/remediation/list-query";
import { REMEDIATION_STATUS_TONES } from "@/lib/remediation/workflow";
import { VerdictBadge } from "./verdict";

type Words = {
  t: ReturnType<typeof useTranslations<"remediation">>;
  common: ReturnType<typeof useTranslations<"common">>;
  codes: CodeLabels;
  format: Formatter;
};

/** Where an action applies: its market (or all) and its product, as the list shows it under the title. */
export function scopeOf(row: RemediationListRow, t: Words["t"]): string {
  return `${row.market ?? t("allMarkets")}${row.productName ? ` · ${row.productName}` : ""}`;
}

/** The latest check's change of rate and its day, as the list and the cards show it. */
export function LatestCheck({ row, words }: { row: RemediationListRow; words: Words }) {
  const check = row.latestCheck;
  if (!check) return <span className="text-zinc-500">{words.t("list.notChecked")}</span>;
  return (
    <>
      <VerdictBadge kind={check.kind} />
      <p className="mt-1 text-xs whitespace-nowrap text-zinc-500" title={check.verdict}>
        {check.rateRatio != null
          ? `${words.t("list.rate", { change: formatChange(check.rateRatio - 1, words.format.locale) })} · `
          : ""}
        {words.format.day(check.computedAt)}
      </p>
    </>
  );
}

/** The remediation list's columns, one factory for the table, in the reader's words. */
export function remediationColumns(words: Words): ColumnDef<RemediationListRow, unknown>[] {
  const { t, common, codes, format } = words;
  return [
    {
      id: "title",
      header: t("list.action"),
      cell: ({ row }) => (
        <div className="max-w-sm min-w-56">
          <Link
            href={`/remediation/${row.original.id}`}
            className="font-medium text-brand-700 hover:underline"
            tabIndex={-1}
          >
            {row.original.title}
          </Link>
          <p className="text-xs text-zinc-500">{scopeOf(row.original, t)}</p>
        </div>
      ),
    },
    {
      id: "status",
      header: t("list.status"),
      cell: ({ row }) => (
        <Badge tone={REMEDIATION_STATUS_TONES[row.original.status]}>
          {codes.remediationStatus[row.original.status]}
        </Badge>
      ),
    },
    {
      id: "owner",
      header: t("list.owner"),
      cell: ({ row }) => (
        <span className="whitespace-nowrap">
          {row.original.ownerName ?? <span className="text-zinc-500">{t("list.noOwner")}</span>}
        </span>
      ),
    },
    {
      id: "dueOn",
      header: t("list.due"),
      cell: ({ row }) => (
        <div className="whitespace-nowrap">
          <span className={row.original.overdue ? "font-medium text-red-700" : undefined}>
            {format.day(row.original.dueOn)}
          </span>
          {row.original.overdue ? (
            <div>
              <Badge tone="danger">{common("overdue")}</Badge>
            </div>
          ) : null}
          {row.original.shippedOn ? (
            <div className="text-xs text-zinc-500">
              {t("list.shipped", { day: format.day(row.original.shippedOn) })}
            </div>
          ) : null}
        </div>
      ),
    },
    {
      id: "rootCauses",
      header: t("list.rootCauses"),
      enableSorting: false,
      cell: ({ row }) =>
        row.original.rootCauses.length ? (
          <div className="flex max-w-48 min-w-36 flex-wrap gap-1">
            {row.original.rootCauses.map((r) => (
              <Badge key={r.id} tone="neutral">
                {r.name}
              </Badge>
            ))}
          </div>
        ) : (
          <span className="text-zinc-500">{t("list.noneLinked")}</span>
        ),
    },
    {
      id: "verdict",
      header: t("list.latestCheck"),
      enableSorting: false,
      cell: ({ row }) => (
        <div>
          <LatestCheck row={row.original} words={words} />
        </div>
      ),
    },
  ];
}

export type RemediationWords = Words;
