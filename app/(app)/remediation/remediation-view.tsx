"use client";

import type { SortingState, Updater } from "@tanstack/react-table";
import { ListFilter, UserCheck, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { DataTablePagination } from "@/components/data-table/pagination";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/input";
import { REMEDIATION_STATUSES } from "@/lib/domain/values";
import { useCodes, useFormat } from "@/lib/i18n/hooks";
import type { RemediationOptions } from "@/lib/remediation/detail-query";
import { REMEDIATION_NARROWING_KEYS, REMEDIATION_SORT_KEYS, type RemediationSortKey } from "@/lib/remediation/filters";
import type { RemediationListRow } from "@/lib/remediation/list-query";
import { cn } from "@/lib/utils/cn";
import { remediationColumns } from "./columns";
import { RemediationCards } from "./remediation-cards";
import { useRemediationQuery } from "./use-remediation-query";

type FilterKey = (typeof REMEDIATION_NARROWING_KEYS)[number];

const isSortKey = (id: string): id is RemediationSortKey => (REMEDIATION_SORT_KEYS as readonly string[]).includes(id);

function FilterSelect({
  id,
  label,
  allLabel,
  value,
  choices,
  onChange,
}: {
  id: string;
  label: string;
  allLabel: string;
  value: string;
  choices: { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  return (
    // On a phone a long choice (a root cause's name) would widen the select past the screen: it shrinks instead.
    <div className="flex min-w-0 max-w-full items-center gap-2 text-sm text-zinc-600">
      <label htmlFor={id} className="shrink-0">
        {label}
      </label>
      <Select
        id={id}
        className="h-8 w-auto min-w-0 flex-1 sm:min-w-36"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{allLabel}</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </Select>
    </div>
  );
}

export function RemediationView({
  rows,
  total,
  options,
  currentUserId,
  canOwn,
}: {
  rows: RemediationListRow[];
  total: number;
  options: RemediationOptions;
  currentUserId: string;
  /** Whether the user's role owns actions: then "My actions" narrows the list to theirs. */
  canOwn: boolean;
}) {
  const router = useRouter();
  const [query, setQuery, pending] = useRemediationQuery();
  const t = useTranslations("remediation");
  const common = useTranslations("common");
  const codes = useCodes();
  const format = useFormat();
  const words = { t, common, codes, format };
  // biome-ignore lint/correctness/useExhaustiveDependencies: the words change only with the reader's language
  const columns = useMemo(() => remediationColumns(words), [format.locale]);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const filtersActive = REMEDIATION_NARROWING_KEYS.some((key) => query[key].length > 0);
  const setFilter = (key: FilterKey, value: string) => setQuery({ [key]: value ? [value] : null, page: null });

  const sorting: SortingState = [{ id: query.sort.key, desc: query.sort.direction === "desc" }];
  function onSortingChange(updater: Updater<SortingState>) {
    const next = typeof updater === "function" ? updater(sorting) : updater;
    const first = next[0];
    setQuery({
      sort: first && isSortKey(first.id) ? { key: first.id, direction: first.desc ? "desc" : "asc" } : null,
      page: null,
    });
  }

  const mine = query.owner.length === 1 && query.owner[0] === currentUserId;
  const emptyMessage =
    mine && query.status.length + query.rootCause.length + query.market.length === 0
      ? t("list.emptyMine")
      : filtersActive
        ? t("list.emptyFiltered")
        : t("list.empty");

  // On a phone it stays beside the filters button, not folded away with the filters.
  const myActions = (className?: string) => (
    <Button
      variant={mine ? "primary" : "secondary"}
      size="sm"
      className={className}
      aria-pressed={mine}
      onClick={() => setQuery({ owner: mine ? null : [currentUserId], page: null })}
    >
      <UserCheck /> {t("list.myActions")}
    </Button>
  );

  return (
    <Card>
      {/* On a phone the filters fold behind one button, so the first action is near the top. */}
      <div className="flex flex-wrap gap-2 border-b border-zinc-100 px-3 py-2 md:hidden">
        <Button
          variant={filtersActive ? "primary" : "secondary"}
          size="sm"
          aria-expanded={filtersOpen}
          aria-controls="remediation-filters"
          onClick={() => setFiltersOpen(!filtersOpen)}
        >
          <ListFilter /> {filtersActive ? t("list.filtersOn") : t("list.filters")}
        </Button>
        {canOwn ? myActions() : null}
      </div>
      <div
        id="remediation-filters"
        className={cn(
          "flex-wrap items-center gap-3 border-b border-zinc-100 px-3 py-3 md:flex",
          filtersOpen ? "flex" : "hidden",
        )}
      >
        {canOwn ? myActions("hidden md:inline-flex") : null}
        <FilterSelect
          id="filter-status"
          label={t("list.status")}
          allLabel={t("list.all")}
          value={query.status[0] ?? ""}
          choices={REMEDIATION_STATUSES.map((s) => ({ value: s, label: codes.remediationStatus[s] }))}
          onChange={(v) => setFilter("status", v)}
        />
        <FilterSelect
          id="filter-owner"
          label={t("list.owner")}
          allLabel={t("list.all")}
          value={query.owner[0] ?? ""}
          choices={options.owners.map((o) => ({ value: o.id, label: o.name }))}
          onChange={(v) => setFilter("owner", v)}
        />
        <FilterSelect
          id="filter-root-cause"
          label={t("list.rootCause")}
          allLabel={t("list.all")}
          value={query.rootCause[0] ?? ""}
          choices={options.rootCauses.map((r) => ({ value: r.id, label: r.name }))}
          onChange={(v) => setFilter("rootCause", v)}
        />
        <FilterSelect
          id="filter-market"
          label={t("list.market")}
          allLabel={t("list.all")}
          value={query.market[0] ?? ""}
          choices={options.markets.map((m) => ({
            value: m.code,
            label: t("marketName", { name: m.name, code: m.code }),
          }))}
          onChange={(v) => setFilter("market", v)}
        />
        <Button
          variant="ghost"
          size="sm"
          disabled={!filtersActive}
          onClick={() => setQuery({ status: null, owner: null, rootCause: null, market: null, page: null })}
        >
          <X /> {t("list.clear")}
        </Button>
      </div>
      <div className="hidden md:block">
        <DataTable
          caption={t("list.caption")}
          columns={columns}
          data={rows}
          rowCount={total}
          getRowId={(row) => row.id}
          rowLabel={(row) => row.title}
          sorting={sorting}
          onSortingChange={onSortingChange}
          columnVisibility={{}}
          rowSelection={{}}
          onRowSelectionChange={() => {}}
          onOpenRow={(row) => router.push(`/remediation/${row.id}`)}
          pending={pending}
          emptyMessage={emptyMessage}
        />
      </div>
      <div className="md:hidden">
        <RemediationCards rows={rows} words={words} emptyMessage={emptyMessage} />
      </div>
      <DataTablePagination
        page={query.page}
        perPage={query.perPage}
        total={total}
        onPageChange={(page) => setQuery({ page })}
        onPerPageChange={(perPage) => setQuery({ perPage, page: null })}
      />
    </Card>
  );
}
