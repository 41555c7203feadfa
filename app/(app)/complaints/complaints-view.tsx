"use client";

import type { RowSelectionState, SortingState, Updater } from "@tanstack/react-table";
import { AlarmClock, Plus, Search, UserCheck } from "lucide-react";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { DataTablePagination } from "@/components/data-table/pagination";
import { DataTableViewOptions } from "@/components/data-table/view-options";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import type { ComplaintListRow } from "@/lib/complaints/list-query";
import type { ComplaintOptions } from "@/lib/complaints/options";
import { BulkBar } from "./bulk-bar";
import { COLUMN_CHOICES, complaintColumns } from "./columns";
import { ClearFiltersButton, FiltersPanel } from "./filters-panel";
import { type SavedViewItem, SavedViewsMenu } from "./saved-views-menu";
import { type ComplaintQueryUpdate, FILTER_KEYS, useComplaintQuery } from "./use-complaint-query";

const numbers = new Intl.NumberFormat("en-GB");

export function ComplaintsView(props: {
  rows: ComplaintListRow[];
  total: number;
  /** Past 10,000 matches the total is the planner's estimate. */
  totalIsEstimate: boolean;
  options: ComplaintOptions;
  views: SavedViewItem[];
  currentUserId: string;
  canEdit: boolean;
  showsPersonalData: boolean;
}) {
  const router = useRouter();
  const searchParams = useSearchParams();
  const [query, setQuery, pending] = useComplaintQuery();
  const [search, setSearch] = useState(query.q);
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [allMatching, setAllMatching] = useState(false);
  const about = props.totalIsEstimate ? "about " : "";
  const assignedToMe = query.assignee.length === 1 && query.assignee[0] === props.currentUserId;

  // A new page of rows (other filters, another page) starts a new selection.
  const rowKey = props.rows.map((r) => r.id).join();
  // biome-ignore lint/correctness/useExhaustiveDependencies: rowKey is the trigger, not an input of the effect.
  useEffect(() => {
    setSelection({});
    setAllMatching(false);
  }, [rowKey]);
  useEffect(() => setSearch(query.q), [query.q]);

  const filtersActive = FILTER_KEYS.some((key) => {
    const value = query[key];
    return Array.isArray(value) ? value.length > 0 : Boolean(value);
  });
  const update = (changes: ComplaintQueryUpdate) => setQuery({ ...changes, page: null });
  const clearFilters = () => setQuery(Object.fromEntries([...FILTER_KEYS, "page"].map((k) => [k, null])));

  const [sortKey = "receivedOn", sortDir] = (query.sort ?? "receivedOn.desc").split(".");
  const sorting: SortingState = [{ id: sortKey, desc: sortDir === "desc" }];
  function onSortingChange(updater: Updater<SortingState>) {
    const next = typeof updater === "function" ? updater(sorting) : updater;
    const first = next[0];
    setQuery({ sort: first ? `${first.id}.${first.desc ? "desc" : "asc"}` : null, page: null });
  }

  const choices = COLUMN_CHOICES.filter((c) => props.showsPersonalData || !c.personal);
  const visibleIds = query.cols ?? choices.filter((c) => !c.hiddenByDefault).map((c) => c.id);
  const columnVisibility = Object.fromEntries(choices.map((c) => [c.id, visibleIds.includes(c.id)]));
  if (!props.showsPersonalData) columnVisibility.customerRef = false;
  const columns = useMemo(() => complaintColumns({ selectable: props.canEdit }), [props.canEdit]);

  const selectedIds = Object.keys(selection).filter((id) => selection[id]);
  const pageFullySelected = props.rows.length > 0 && selectedIds.length === props.rows.length;
  // The filter the "all matching" bulk target uses: the URL minus paging and display state.
  const filterQuery = useMemo(() => {
    const params = new URLSearchParams(searchParams.toString());
    for (const key of ["page", "per_page", "sort", "cols", "density"]) params.delete(key);
    return params.toString();
  }, [searchParams]);

  return (
    <Card>
      <div className="flex flex-wrap items-center gap-2 border-b border-zinc-100 px-3 py-3">
        <form
          role="search"
          className="flex min-w-64 flex-1 items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            update({ q: search.trim() || null });
          }}
        >
          <div className="relative flex-1">
            <Search className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-zinc-400" />
            <Input
              type="search"
              aria-label="Search summaries and narratives"
              placeholder="Search in Swedish or English, e.g. förfallodatum"
              className="pl-8"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
          </div>
          <Button type="submit" variant="secondary" size="md">
            Search
          </Button>
        </form>
        <Button
          variant={query.overdue ? "danger" : "secondary"}
          size="sm"
          aria-pressed={query.overdue}
          onClick={() => update({ overdue: !query.overdue || null })}
        >
          <AlarmClock /> Overdue
        </Button>
        {props.canEdit ? (
          <Button
            variant={assignedToMe ? "primary" : "secondary"}
            size="sm"
            aria-pressed={assignedToMe}
            onClick={() => update({ assignee: assignedToMe ? null : [props.currentUserId] })}
          >
            <UserCheck /> Assigned to me
          </Button>
        ) : null}
        <SavedViewsMenu
          views={props.views}
          currentUserId={props.currentUserId}
          currentQuery={searchParams.toString()}
        />
        <DataTableViewOptions
          columns={choices}
          visible={columnVisibility}
          onToggle={(id, show) => {
            const next = show ? [...visibleIds, id] : visibleIds.filter((c) => c !== id);
            setQuery({ cols: choices.map((c) => c.id).filter((c) => next.includes(c)) });
          }}
          density={query.density}
          onDensityChange={(density) => setQuery({ density })}
        />
        {props.canEdit ? (
          <Button asChild size="sm">
            <Link href="/complaints/new">
              <Plus /> Log complaint
            </Link>
          </Button>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-2 border-b border-zinc-100 px-3 py-2">
        <FiltersPanel query={query} update={update} options={props.options} currentUserId={props.currentUserId} />
        <ClearFiltersButton onClear={clearFilters} disabled={!filtersActive} />
      </div>
      {props.canEdit && (selectedIds.length > 0 || allMatching) ? (
        <>
          {pageFullySelected && props.total > props.rows.length ? (
            <div className="flex items-center gap-2 bg-sky-50 px-3 pt-2 text-sm text-sky-900">
              {allMatching ? (
                <>
                  All {about}
                  {numbers.format(props.total)} matching complaints are selected.
                  <Button variant="link" size="sm" onClick={() => setAllMatching(false)}>
                    Select only this page
                  </Button>
                </>
              ) : (
                <>
                  All {selectedIds.length} on this page are selected.
                  <Button variant="link" size="sm" onClick={() => setAllMatching(true)}>
                    Select all {about}
                    {numbers.format(props.total)} matching
                  </Button>
                </>
              )}
            </div>
          ) : null}
          <BulkBar
            selectedIds={selectedIds}
            allMatching={allMatching}
            total={props.total}
            totalIsEstimate={props.totalIsEstimate}
            filterQuery={filterQuery}
            options={props.options}
            onDone={() => {
              setSelection({});
              setAllMatching(false);
              router.refresh();
            }}
          />
        </>
      ) : null}
      <DataTable
        caption="Complaints"
        columns={columns}
        data={props.rows}
        rowCount={props.total}
        getRowId={(row) => row.id}
        rowLabel={(row) => row.reference}
        sorting={sorting}
        onSortingChange={onSortingChange}
        columnVisibility={columnVisibility}
        rowSelection={selection}
        onRowSelectionChange={(updater) => {
          setAllMatching(false);
          setSelection((old) => (typeof updater === "function" ? updater(old) : updater));
        }}
        onOpenRow={(row) => router.push(`/complaints/${row.id}`)}
        density={query.density}
        pending={pending}
        emptyMessage={filtersActive ? "No complaints match these filters." : "No complaints yet."}
      />
      <DataTablePagination
        page={query.page}
        perPage={query.per_page}
        total={props.total}
        totalIsEstimate={props.totalIsEstimate}
        onPageChange={(page) => setQuery({ page })}
        onPerPageChange={(perPage) => setQuery({ per_page: perPage, page: null })}
      />
    </Card>
  );
}
