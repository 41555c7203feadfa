"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Day } from "@/components/ui/formatted";
import { formatChange } from "@/lib/metric/format";
import type { RemediationListRow } from "@/lib/remediation/list-query";
import { REMEDIATION_STATUS_LABELS, REMEDIATION_STATUS_TONES } from "@/lib/remediation/workflow";
import { VerdictBadge } from "./verdict";

/** The remediation list's columns, one factory for the table. */
export function remediationColumns(): ColumnDef<RemediationListRow, unknown>[] {
  return [
    {
      id: "title",
      header: "Action",
      cell: ({ row }) => (
        <div className="max-w-sm min-w-56">
          <Link
            href={`/remediation/${row.original.id}`}
            className="font-medium text-brand-700 hover:underline"
            tabIndex={-1}
          >
            {row.original.title}
          </Link>
          <p className="text-xs text-zinc-500">
            {row.original.market ?? "All markets"}
            {row.original.productName ? ` · ${row.original.productName}` : ""}
          </p>
        </div>
      ),
    },
    {
      id: "status",
      header: "Status",
      cell: ({ row }) => (
        <Badge tone={REMEDIATION_STATUS_TONES[row.original.status]}>
          {REMEDIATION_STATUS_LABELS[row.original.status]}
        </Badge>
      ),
    },
    {
      id: "owner",
      header: "Owner",
      cell: ({ row }) => (
        <span className="whitespace-nowrap">
          {row.original.ownerName ?? <span className="text-zinc-500">No owner</span>}
        </span>
      ),
    },
    {
      id: "dueOn",
      header: "Due",
      cell: ({ row }) => (
        <div className="whitespace-nowrap">
          <span className={row.original.overdue ? "font-medium text-red-700" : undefined}>
            <Day value={row.original.dueOn} />
          </span>
          {row.original.overdue ? (
            <div>
              <Badge tone="danger">Overdue</Badge>
            </div>
          ) : null}
          {row.original.shippedOn ? (
            <div className="text-xs text-zinc-500">
              Shipped <Day value={row.original.shippedOn} />
            </div>
          ) : null}
        </div>
      ),
    },
    {
      id: "rootCauses",
      header: "Root causes",
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
          <span className="text-zinc-500">None linked</span>
        ),
    },
    {
      id: "verdict",
      header: "Latest check",
      enableSorting: false,
      cell: ({ row }) => (
        <div>
          {row.original.latestCheck ? (
            <>
              <VerdictBadge verdict={row.original.latestCheck.verdict} />
              <p className="mt-1 text-xs whitespace-nowrap text-zinc-500" title={row.original.latestCheck.verdict}>
                {row.original.latestCheck.rateRatio != null
                  ? `Rate ${formatChange(row.original.latestCheck.rateRatio - 1)} · `
                  : ""}
                <Day value={row.original.latestCheck.computedAt} />
              </p>
            </>
          ) : (
            <span className="text-zinc-500">Not checked</span>
          )}
        </div>
      ),
    },
  ];
}
