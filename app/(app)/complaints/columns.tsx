"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Highlight } from "@/components/data-table/highlight";
import { Badge } from "@/components/ui/badge";
import { Checkbox } from "@/components/ui/checkbox";
import { Day } from "@/components/ui/formatted";
import { SEVERITY_TONES, STATUS_TONES } from "@/lib/complaints/labels";
import type { ComplaintListRow } from "@/lib/complaints/list-query";
import type { Channel, ComplaintStatus, JourneyStage, Severity } from "@/lib/domain/values";
import { useCodes } from "@/lib/i18n/hooks";
import type { Messages } from "@/lib/i18n/messages";

type ColumnKey = keyof Messages["complaints"]["columns"];

// Headers and cells are small components so each reads the reader's language and formats itself.
function Header({ id }: { id: ColumnKey }) {
  return useTranslations("complaints.columns")(id);
}

function Code<K extends "channel" | "severity" | "status" | "journeyStage" | "excludedReason">({
  kind,
  value,
}: {
  kind: K;
  value: string;
}) {
  const labels = useCodes()[kind] as Record<string, string>;
  return <>{labels[value] ?? value}</>;
}

function Common({ id }: { id: "unassigned" | "overdue" | "unknown" | "yes" | "no" }) {
  return useTranslations("common")(id);
}

function Excluded({ reason }: { reason: string }) {
  const t = useTranslations("common");
  const labels: Record<string, string> = useCodes().excludedReason;
  return <>{t("excluded", { reason: labels[reason] ?? reason })}</>;
}

function SelectCheckbox({
  label,
  reference,
  ...props
}: { label: "selectAll" | "selectOne"; reference?: string } & Omit<
  React.ComponentProps<typeof Checkbox>,
  "aria-label"
>) {
  const t = useTranslations("complaints");
  return <Checkbox aria-label={t(label, { reference: reference ?? "" })} {...props} />;
}

/**
 * Minimum widths are kept small (summary 9rem, channel and category 6rem) so that Swedish headers, which
 * run longer than English ones ("Allvarlighet", "Handläggare"), still fit 1280 and 1440 px.
 *
 * `hideBelow`: the column's priority. So the table fits its container without a sideways scroll, a
 * lower-priority column steps aside on narrower screens (still chosen, shown again when there is room).
 */
export type ColumnChoice = {
  id: string;
  label: string;
  hiddenByDefault?: boolean;
  personal?: boolean;
  hideBelow?: keyof typeof HIDE_BELOW;
};

// Whole class names, so Tailwind finds them. 1440 px is a common laptop; 1536 px is Tailwind's 2xl.
const HIDE_BELOW = {
  xl: "hidden xl:table-cell",
  laptop: "hidden min-[1440px]:table-cell",
  "2xl": "hidden 2xl:table-cell",
} as const;

/** Columns the user can show or hide, in order. */
export const COLUMN_CHOICES: ColumnChoice[] = [
  { id: "reference", label: "Reference" },
  { id: "receivedOn", label: "Received", hideBelow: "2xl" },
  { id: "summary", label: "Summary" },
  { id: "status", label: "Status" },
  { id: "severity", label: "Severity" },
  { id: "assignee", label: "Assignee" },
  { id: "due", label: "Final response due" },
  { id: "market", label: "Market", hideBelow: "2xl" },
  { id: "channel", label: "Channel", hideBelow: "xl" },
  { id: "category", label: "Category", hideBelow: "laptop" },
  { id: "product", label: "Product", hiddenByDefault: true, hideBelow: "2xl" },
  { id: "journeyStage", label: "Journey stage", hiddenByDefault: true, hideBelow: "2xl" },
  { id: "appUser", label: "App user", hiddenByDefault: true, hideBelow: "2xl" },
  { id: "externalId", label: "External id", hiddenByDefault: true, hideBelow: "laptop" },
  { id: "customerRef", label: "Customer ref", hiddenByDefault: true, personal: true, hideBelow: "laptop" },
];

/** The complaint list's column definitions, one factory for the table. */
export function complaintColumns(options: { selectable: boolean }): ColumnDef<ComplaintListRow, unknown>[] {
  const defs: ColumnDef<ComplaintListRow, unknown>[] = [
    {
      id: "reference",
      header: () => <Header id="reference" />,
      cell: ({ row }) => (
        <>
          <Link
            href={`/complaints/${row.original.id}`}
            className="font-medium whitespace-nowrap text-brand-700 hover:underline"
            tabIndex={-1}
          >
            {row.original.reference}
          </Link>
          {/* Where the Received column steps aside, the date sits under the reference. */}
          <div className="text-xs whitespace-nowrap text-zinc-500 2xl:hidden">
            <Day value={row.original.receivedOn} />
          </div>
        </>
      ),
    },
    {
      id: "receivedOn",
      header: () => <Header id="receivedOn" />,
      cell: ({ row }) => (
        <span className="whitespace-nowrap">
          <Day value={row.original.receivedOn} />
        </span>
      ),
    },
    { id: "market", header: () => <Header id="market" />, cell: ({ row }) => row.original.market },
    {
      id: "channel",
      header: () => <Header id="channel" />,
      cell: ({ row }) => (
        <div className="min-w-24">
          <Code kind="channel" value={row.original.channel as Channel} />
          <span className="text-zinc-500 2xl:hidden"> · {row.original.market}</span>
          {row.original.authorityName ? (
            <div className="text-xs text-zinc-500">{row.original.authorityName}</div>
          ) : null}
        </div>
      ),
    },
    {
      id: "product",
      header: () => <Header id="product" />,
      enableSorting: false,
      cell: ({ row }) => <div className="min-w-28">{row.original.productName ?? "—"}</div>,
    },
    {
      id: "category",
      header: () => <Header id="category" />,
      enableSorting: false,
      cell: ({ row }) => <div className="min-w-24">{row.original.categoryName ?? "—"}</div>,
    },
    {
      id: "summary",
      header: () => <Header id="summary" />,
      enableSorting: false,
      cell: ({ row }) => (
        <div className="max-w-md min-w-36 break-words">
          <Highlight text={row.original.summary} words={row.original.matches} />
          {row.original.snippet ? (
            <p className="mt-1 text-xs text-zinc-500">
              <Highlight text={row.original.snippet} words={row.original.matches} />
            </p>
          ) : null}
          {row.original.excludedReason ? (
            <Badge className="mt-1" tone="neutral">
              <Excluded reason={row.original.excludedReason} />
            </Badge>
          ) : null}
        </div>
      ),
    },
    {
      id: "severity",
      header: () => <Header id="severity" />,
      cell: ({ row }) =>
        row.original.severity ? (
          <Badge tone={SEVERITY_TONES[row.original.severity as Severity]}>
            <Code kind="severity" value={row.original.severity} />
          </Badge>
        ) : (
          "—"
        ),
    },
    {
      id: "status",
      header: () => <Header id="status" />,
      cell: ({ row }) => (
        <Badge tone={STATUS_TONES[row.original.status as ComplaintStatus]}>
          <Code kind="status" value={row.original.status} />
        </Badge>
      ),
    },
    {
      id: "assignee",
      header: () => <Header id="assignee" />,
      enableSorting: false,
      cell: ({ row }) =>
        row.original.assigneeName ?? (
          <span className="text-zinc-500">
            <Common id="unassigned" />
          </span>
        ),
    },
    {
      id: "due",
      header: () => <Header id="dueShort" />,
      cell: ({ row }) => (
        <div>
          <span className="whitespace-nowrap">
            <Day value={row.original.respondBy} />
          </span>
          {row.original.overdue ? (
            <Badge tone="danger" className="block w-fit">
              <Common id="overdue" />
            </Badge>
          ) : null}
        </div>
      ),
    },
    {
      id: "journeyStage",
      header: () => <Header id="journeyStage" />,
      enableSorting: false,
      cell: ({ row }) =>
        row.original.journeyStage ? (
          <Code kind="journeyStage" value={row.original.journeyStage as JourneyStage} />
        ) : (
          "—"
        ),
    },
    {
      id: "appUser",
      header: () => <Header id="appUser" />,
      enableSorting: false,
      cell: ({ row }) => (
        <Common id={row.original.appUser === null ? "unknown" : row.original.appUser ? "yes" : "no"} />
      ),
    },
    {
      id: "externalId",
      header: () => <Header id="externalId" />,
      cell: ({ row }) => <span className="font-mono text-xs">{row.original.externalId}</span>,
    },
    {
      id: "customerRef",
      header: () => <Header id="customerRef" />,
      enableSorting: false,
      cell: ({ row }) => row.original.customerRef ?? "—",
    },
  ];
  // Table order follows the column menu's order.
  const order = COLUMN_CHOICES.map((c) => c.id);
  const columns = [...defs]
    .sort((a, b) => order.indexOf(a.id ?? "") - order.indexOf(b.id ?? ""))
    .map((def) => {
      const hideBelow = COLUMN_CHOICES.find((c) => c.id === def.id)?.hideBelow;
      return hideBelow ? { ...def, meta: { className: HIDE_BELOW[hideBelow] } } : def;
    });
  if (!options.selectable) return columns;
  return [
    {
      id: "select",
      enableSorting: false,
      header: ({ table }) => (
        <SelectCheckbox
          label="selectAll"
          checked={
            table.getIsAllPageRowsSelected() ? true : table.getIsSomePageRowsSelected() ? "indeterminate" : false
          }
          onCheckedChange={(value) => table.toggleAllPageRowsSelected(value === true)}
        />
      ),
      cell: ({ row }) => (
        <SelectCheckbox
          label="selectOne"
          reference={row.original.reference}
          checked={row.getIsSelected()}
          onCheckedChange={(value) => row.toggleSelected(value === true)}
          tabIndex={-1}
        />
      ),
    },
    ...columns,
  ];
}
