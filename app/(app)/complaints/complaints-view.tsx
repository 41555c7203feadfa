"use client";

import type { SortingState, Updater } from "@tanstack/react-table";
import { ListFilter } from "lucide-react";
import { useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { DataTablePagination } from "@/components/data-table/pagination";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { NARROWING_KEYS, SORT_KEYS, type SortKey } from "@/lib/complaints/filters";
import type { ComplaintListRow } from "@/lib/complaints/list-query";
import type { ComplaintOptions } from "@/lib/complaints/options";
import { useFormat } from "@/lib/i18n/hooks";
import { cn } from "@/lib/utils/cn";
import { BulkBar } from "./bulk-bar";
import { COLUMN_CHOICES, complaintColumns } from "./columns";
import { ComplaintCards } from "./complaint-cards";
import { ClearFiltersButton, FiltersPanel } from "./filters-panel";
import { ListToolbar } from "./list-toolbar";
import type { SavedViewItem } from "./saved-views-menu";
import { type ComplaintQuery, type ComplaintQueryUpdate, useComplaintQuery } from "./use-complaint-query";
import { type ListSelection, useListSelection } from "./use-list-selection";

type Props = {
  rows: ComplaintListRow[];
  total: number;
  /** Past 10,000 matches the total is the planner's estimate. */
  totalIsEstimate: boolean;
  options: ComplaintOptions;
  views: SavedViewItem[];
  currentUserId: string;
  canEdit: boolean;
  showsPersonalData: boolean;
};

function isSortKey(id: string): id is SortKey {
  return (SORT_KEYS as readonly string[]).includes(id);
}

/** The table's sort state, kept in the URL's `sort`. */
function useUrlSorting(query: ComplaintQuery, setQuery: (changes: ComplaintQueryUpdate) => void) {
  const sorting: SortingState = [{ id: query.sort.key, desc: query.sort.direction === "desc" }];
  function onSortingChange(updater: Updater<SortingState>) {
    const next = typeof updater === "function" ? updater(sorting) : updater;
    const first = next[0];
    setQuery({
      sort: first && isSortKey(first.id) ? { key: first.id, direction: first.desc ? "desc" : "asc" } : null,
      page: null,
    });
  }
  return { sorting, onSortingChange };
}

/** Which columns show: the user's choice in the URL, or the defaults; personal ones only to those who may see them. */
function useColumnChoice(query: ComplaintQuery, showsPersonalData: boolean) {
  const choices = COLUMN_CHOICES.filter((c) => showsPersonalData || !c.personal);
  const visibleIds = query.cols ?? choices.filter((c) => !c.hiddenByDefault).map((c) => c.id);
  const columnVisibility = Object.fromEntries(choices.map((c) => [c.id, visibleIds.includes(c.id)]));
  if (!showsPersonalData) columnVisibility.customerRef = false;
  return { choices, visibleIds, columnVisibility };
}

export function ComplaintsView(props: Props) {
  const t = useTranslations("complaints");
  const router = useRouter();
  const searchParams = useSearchParams();
  const [query, setQuery, pending] = useComplaintQuery();
  const selection = useListSelection(props.rows.map((r) => r.id));
  const [filtersOpen, setFiltersOpen] = useState(false);
  const { sorting, onSortingChange } = useUrlSorting(query, setQuery);
  const { choices, visibleIds, columnVisibility } = useColumnChoice(query, props.showsPersonalData);
  const columns = useMemo(() => complaintColumns({ selectable: props.canEdit }), [props.canEdit]);

  const filtersActive = NARROWING_KEYS.some((key) => {
    const value = query[key];
    return Array.isArray(value) ? value.length > 0 : Boolean(value);
  });
  const update = (changes: ComplaintQueryUpdate) => setQuery({ ...changes, page: null });
  const clearFilters = () => setQuery(Object.fromEntries([...NARROWING_KEYS, "page"].map((k) => [k, null])));
  const emptyMessage = filtersActive ? t("noMatches") : t("noneYet");

  return (
    <Card>
      <ListToolbar
        query={query}
        update={update}
        setDisplay={setQuery}
        columns={choices}
        visibleIds={visibleIds}
        views={props.views}
        currentQuery={searchParams.toString()}
        currentUserId={props.currentUserId}
        canEdit={props.canEdit}
      />
      {/* On a phone the filters fold behind one button, so the first complaint is near the top. */}
      <div className="border-b border-zinc-100 px-3 py-2 md:hidden">
        <Button
          variant={filtersActive ? "primary" : "secondary"}
          size="sm"
          aria-expanded={filtersOpen}
          aria-controls="complaint-filters"
          onClick={() => setFiltersOpen(!filtersOpen)}
        >
          <ListFilter /> {filtersActive ? t("filtersToggleOn") : t("filtersToggle")}
        </Button>
      </div>
      <div
        id="complaint-filters"
        className={cn(
          "flex-wrap items-center gap-2 border-b border-zinc-100 px-3 py-2 md:flex",
          filtersOpen ? "flex" : "hidden",
        )}
      >
        <FiltersPanel query={query} update={update} options={props.options} currentUserId={props.currentUserId} />
        <ClearFiltersButton onClear={clearFilters} disabled={!filtersActive} />
      </div>
      {props.canEdit ? (
        <SelectionActions
          {...props}
          selection={selection}
          onDone={() => {
            selection.clear();
            router.refresh();
          }}
        />
      ) : null}
      <div className="hidden md:block">
        <DataTable
          caption={t("caption")}
          columns={columns}
          data={props.rows}
          rowCount={props.total}
          getRowId={(row) => row.id}
          rowLabel={(row) => row.reference}
          sorting={sorting}
          onSortingChange={onSortingChange}
          columnVisibility={columnVisibility}
          rowSelection={selection.selection}
          onRowSelectionChange={selection.onSelectionChange}
          onOpenRow={(row) => router.push(`/complaints/${row.id}`)}
          density={query.density}
          pending={pending}
          emptyMessage={emptyMessage}
        />
      </div>
      <div className="md:hidden">
        <ComplaintCards
          rows={props.rows}
          selection={selection}
          selectable={props.canEdit}
          emptyMessage={emptyMessage}
        />
      </div>
      <DataTablePagination
        page={query.page}
        perPage={query.perPage}
        total={props.total}
        totalIsEstimate={props.totalIsEstimate}
        onPageChange={(page) => setQuery({ page })}
        onPerPageChange={(perPage) => setQuery({ perPage, page: null })}
      />
    </Card>
  );
}

/** "Select all N matching" once the whole page is chosen, and the bulk actions for the choice. */
function SelectionActions(props: Props & { selection: ListSelection; onDone: () => void }) {
  const t = useTranslations("complaints");
  const format = useFormat();
  const searchParams = useSearchParams();
  const { selection } = props;
  // The filter the "all matching" bulk target uses: the URL minus paging and display state.
  const filterQuery = useMemo(() => {
    const params = new URLSearchParams(searchParams.toString());
    for (const key of ["page", "per_page", "sort", "cols", "density"]) params.delete(key);
    return params.toString();
  }, [searchParams]);
  if (!selection.selectedIds.length && !selection.allMatching) return null;
  const total = format.number(props.total);
  return (
    <>
      {selection.pageFullySelected && props.total > props.rows.length ? (
        <div className="flex flex-wrap items-center gap-2 bg-sky-50 px-3 pt-2 text-sm text-sky-900">
          {selection.allMatching ? (
            <>
              {t(props.totalIsEstimate ? "allMatchingSelectedAbout" : "allMatchingSelected", { count: total })}
              <Button variant="link" size="sm" onClick={() => selection.setAllMatching(false)}>
                {t("selectOnlyPage")}
              </Button>
            </>
          ) : (
            <>
              {t("pageSelected", { count: format.number(selection.selectedIds.length) })}
              <Button variant="link" size="sm" onClick={() => selection.setAllMatching(true)}>
                {t(props.totalIsEstimate ? "selectAllMatchingAbout" : "selectAllMatching", { count: total })}
              </Button>
            </>
          )}
        </div>
      ) : null}
      <BulkBar
        selectedRows={props.rows.filter((r) => selection.selection[r.id])}
        allMatching={selection.allMatching}
        total={props.total}
        totalIsEstimate={props.totalIsEstimate}
        filterQuery={filterQuery}
        options={props.options}
        onDone={props.onDone}
      />
    </>
  );
}
