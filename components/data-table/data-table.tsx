"use client";

import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  type OnChangeFn,
  type RowData,
  type RowSelectionState,
  type SortingState,
  useReactTable,
  type VisibilityState,
} from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { useTranslations } from "next-intl";
import { type KeyboardEvent, useRef, useState } from "react";
import { cn } from "@/lib/utils/cn";

export type Density = "compact" | "comfortable";

declare module "@tanstack/react-table" {
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Classes for the column's header and cells, e.g. to hide a low-priority column on narrow screens. */
    className?: string;
  }
}

export type DataTableProps<T> = {
  columns: ColumnDef<T, unknown>[];
  data: T[];
  rowCount: number;
  getRowId: (row: T) => string;
  /** Names the row for screen readers and tests ("C-2019-000154"). */
  rowLabel: (row: T) => string;
  sorting: SortingState;
  onSortingChange: OnChangeFn<SortingState>;
  columnVisibility: VisibilityState;
  rowSelection: RowSelectionState;
  onRowSelectionChange: OnChangeFn<RowSelectionState>;
  onOpenRow: (row: T) => void;
  density?: Density;
  pending?: boolean;
  caption: string;
  emptyMessage?: string;
};

/**
 * A server-driven table: the server sorts, filters and pages (manual modes), this draws the page.
 * Rows take focus; arrow keys or j/k move between them, Enter opens one, x toggles its selection.
 */
export function DataTable<T>(props: DataTableProps<T>) {
  const { columns, data, density = "comfortable" } = props;
  const table = useReactTable({
    data,
    columns,
    getRowId: props.getRowId,
    rowCount: props.rowCount,
    state: { sorting: props.sorting, columnVisibility: props.columnVisibility, rowSelection: props.rowSelection },
    onSortingChange: props.onSortingChange,
    onRowSelectionChange: props.onRowSelectionChange,
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    enableMultiSort: false,
    enableRowSelection: true,
    getCoreRowModel: getCoreRowModel(),
  });
  const rowRefs = useRef<(HTMLTableRowElement | null)[]>([]);
  const [active, setActive] = useState(-1);
  const rows = table.getRowModel().rows;

  function focusRow(index: number) {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActive(next);
    rowRefs.current[next]?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTableRowElement>, index: number) {
    if (event.target !== event.currentTarget) return; // typing inside a cell's control
    const key = event.key;
    const row = rows[index];
    if (key === "ArrowDown" || key === "j") focusRow(index + 1);
    else if (key === "ArrowUp" || key === "k") focusRow(index - 1);
    else if (key === "Home") focusRow(0);
    else if (key === "End") focusRow(rows.length - 1);
    else if (key === "Enter" && row) props.onOpenRow(row.original);
    else if (key === "x" && row) row.toggleSelected();
    else return;
    event.preventDefault();
  }

  const cell = density === "compact" ? "px-2 py-1" : "px-2 py-2.5";
  return (
    <div
      className={cn("relative w-full overflow-x-auto transition-opacity", props.pending && "opacity-60")}
      aria-busy={props.pending}
    >
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{props.caption}</caption>
        <thead className="bg-zinc-50 text-left text-xs tracking-wide text-zinc-500 uppercase">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const canSort = header.column.getCanSort();
                return (
                  <th
                    key={header.id}
                    className={cn(cell, "font-medium whitespace-nowrap", header.column.columnDef.meta?.className)}
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                  >
                    {header.isPlaceholder ? null : canSort ? (
                      <button
                        type="button"
                        className="inline-flex items-center gap-1 uppercase hover:text-zinc-900"
                        onClick={header.column.getToggleSortingHandler()}
                      >
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        {sorted === "asc" ? (
                          <ArrowUp className="size-3" />
                        ) : sorted === "desc" ? (
                          <ArrowDown className="size-3" />
                        ) : (
                          <ArrowUpDown className="size-3 opacity-40" />
                        )}
                      </button>
                    ) : (
                      flexRender(header.column.columnDef.header, header.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {rows.length === 0 ? (
            <tr>
              <td colSpan={table.getVisibleLeafColumns().length} className="px-3 py-10 text-center text-zinc-500">
                {props.emptyMessage ?? <NothingMatches />}
              </td>
            </tr>
          ) : (
            rows.map((row, index) => (
              <tr
                key={row.id}
                ref={(el) => {
                  rowRefs.current[index] = el;
                }}
                tabIndex={index === active || (active === -1 && index === 0) ? 0 : -1}
                aria-label={props.rowLabel(row.original)}
                aria-selected={row.getIsSelected()}
                onKeyDown={(event) => onKeyDown(event, index)}
                onFocus={() => setActive(index)}
                className={cn(
                  "outline-none hover:bg-zinc-50 focus-visible:bg-brand-50 focus-visible:ring-2 focus-visible:ring-brand-500/40 focus-visible:ring-inset",
                  row.getIsSelected() && "bg-sky-50/70",
                )}
              >
                {row.getVisibleCells().map((c) => (
                  <td key={c.id} className={cn(cell, "align-top", c.column.columnDef.meta?.className)}>
                    {flexRender(c.column.columnDef.cell, c.getContext())}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

function NothingMatches() {
  return useTranslations("table")("nothingMatches");
}
