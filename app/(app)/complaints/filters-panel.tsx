"use client";

import { ChevronDown, SlidersHorizontal, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Input, Select } from "@/components/ui/input";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { CHANNEL_LABELS, JOURNEY_STAGE_LABELS, SEVERITY_LABELS, STATUS_LABELS } from "@/lib/complaints/labels";
import type { ComplaintOptions } from "@/lib/complaints/options";
import { CHANNELS, COMPLAINT_STATUSES, JOURNEY_STAGES, SEVERITIES } from "@/lib/domain/values";
import type { ComplaintQuery, ComplaintQueryUpdate } from "./use-complaint-query";

type Choice<T extends string> = { value: T; label: string };

function MultiFilter<T extends string>({
  label,
  choices,
  selected,
  onChange,
}: {
  label: string;
  choices: Choice<T>[];
  selected: T[];
  onChange: (values: T[]) => void;
}) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant={selected.length ? "primary" : "secondary"} size="sm" aria-label={`${label} filter`}>
          {label}
          {selected.length ? <span className="rounded-full bg-white/20 px-1.5 text-xs">{selected.length}</span> : null}
          <ChevronDown />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="max-h-80 overflow-y-auto">
        {choices.length === 0 ? <p className="px-2 py-1.5 text-zinc-500">No choices</p> : null}
        {choices.map((choice) => (
          <DropdownMenuCheckboxItem
            key={choice.value}
            checked={selected.includes(choice.value)}
            onSelect={(event) => event.preventDefault()}
            onCheckedChange={(checked) =>
              onChange(checked ? [...selected, choice.value] : selected.filter((v) => v !== choice.value))
            }
          >
            {choice.label}
          </DropdownMenuCheckboxItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

const enumChoices = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((v) => ({ value: v, label: labels[v] }));

type PanelProps = {
  query: ComplaintQuery;
  update: (changes: ComplaintQueryUpdate) => void;
  options: ComplaintOptions;
  currentUserId: string;
};

/** The filters behind "More filters": set less often, so they wait in a popover. */
const MORE_KEYS = [
  "severity",
  "authority",
  "product",
  "category",
  "journeyStage",
  "appUser",
  "excluded",
  "receivedFrom",
  "receivedTo",
] as const satisfies readonly (keyof ComplaintQuery)[];

export function hiddenFiltersActive(query: ComplaintQuery): number {
  return MORE_KEYS.filter((key) => {
    const value = query[key];
    return Array.isArray(value) ? value.length > 0 : Boolean(value);
  }).length;
}

/**
 * Every filter of the list in one row: the everyday ones as buttons, the rest behind "More filters"
 * (which counts those set). Each change lands in the URL and starts again at page 1.
 */
export function FiltersPanel({ query, update, options, currentUserId }: PanelProps) {
  const me = options.assignees.find((u) => u.id === currentUserId);
  const hidden = hiddenFiltersActive(query);
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Filters">
      <MultiFilter
        label="Status"
        choices={enumChoices(COMPLAINT_STATUSES, STATUS_LABELS)}
        selected={query.status}
        onChange={(v) => update({ status: v })}
      />
      <MultiFilter
        label="Market"
        choices={options.markets.map((m) => ({ value: m.code, label: `${m.name} (${m.code})` }))}
        selected={query.market}
        onChange={(v) => update({ market: v })}
      />
      <MultiFilter
        label="Channel"
        choices={enumChoices(CHANNELS, CHANNEL_LABELS)}
        selected={query.channel}
        onChange={(v) => update({ channel: v })}
      />
      <MultiFilter
        label="Assignee"
        choices={[
          ...(me ? [{ value: me.id, label: `Me (${me.name})` }] : []),
          { value: "none", label: "Unassigned" },
          ...options.assignees.filter((u) => u.id !== currentUserId).map((u) => ({ value: u.id, label: u.name })),
        ]}
        selected={query.assignee}
        onChange={(v) => update({ assignee: v })}
      />
      <MultiFilter
        label="Root cause"
        choices={options.rootCauses.map((r) => ({ value: r.id, label: r.name }))}
        selected={query.rootCause}
        onChange={(v) => update({ rootCause: v })}
      />
      <Popover>
        <PopoverTrigger asChild>
          <Button
            variant={hidden ? "primary" : "secondary"}
            size="sm"
            aria-label={hidden ? `More filters, ${hidden} set` : "More filters"}
          >
            <SlidersHorizontal /> More filters
            {hidden ? <span className="rounded-full bg-white/20 px-1.5 text-xs">{hidden}</span> : null}
          </Button>
        </PopoverTrigger>
        <PopoverContent aria-label="More filters">
          <MoreFilters query={query} update={update} options={options} currentUserId={currentUserId} />
        </PopoverContent>
      </Popover>
    </div>
  );
}

function MoreFilters({ query, update, options }: PanelProps) {
  const marketsChosen = query.market.length ? query.market : options.markets.map((m) => m.code);
  const authorityChoices = options.authorities
    .filter((a) => marketsChosen.includes(a.market) && (!query.channel.length || query.channel.includes(a.channel)))
    .map((a) => ({ value: a.id, label: `${a.name} (${a.market})` }));
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap gap-2">
        <MultiFilter
          label="Severity"
          choices={enumChoices(SEVERITIES, SEVERITY_LABELS)}
          selected={query.severity}
          onChange={(v) => update({ severity: v })}
        />
        <MultiFilter
          label="Authority"
          choices={authorityChoices}
          selected={query.authority}
          onChange={(v) => update({ authority: v })}
        />
        <MultiFilter
          label="Product"
          choices={options.products.map((p) => ({ value: p.id, label: p.name }))}
          selected={query.product}
          onChange={(v) => update({ product: v })}
        />
        <MultiFilter
          label="Category"
          choices={options.categories.map((c) => ({ value: c.id, label: c.name }))}
          selected={query.category}
          onChange={(v) => update({ category: v })}
        />
        <MultiFilter
          label="Journey stage"
          choices={enumChoices(JOURNEY_STAGES, JOURNEY_STAGE_LABELS)}
          selected={query.journeyStage}
          onChange={(v) => update({ journeyStage: v })}
        />
      </div>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <label className="flex flex-col gap-1 text-xs text-zinc-600">
          App user
          <Select
            aria-label="App user"
            className="h-8"
            value={query.appUser ?? ""}
            onChange={(e) => {
              const v = e.target.value;
              update({ appUser: v === "yes" || v === "no" || v === "unknown" ? v : null });
            }}
          >
            <option value="">Any</option>
            <option value="yes">Yes</option>
            <option value="no">No</option>
            <option value="unknown">Unknown</option>
          </Select>
        </label>
        <label className="flex flex-col gap-1 text-xs text-zinc-600">
          Excluded
          <Select
            aria-label="Excluded"
            className="h-8"
            value={query.excluded ?? ""}
            onChange={(e) => {
              const v = e.target.value;
              update({ excluded: v === "yes" || v === "no" ? v : null });
            }}
          >
            <option value="">All</option>
            <option value="no">Counted only</option>
            <option value="yes">Excluded only</option>
          </Select>
        </label>
        <label className="flex flex-col gap-1 text-xs text-zinc-600">
          Received from
          <Input
            aria-label="Received from"
            type="date"
            className="h-8"
            value={query.receivedFrom ?? ""}
            onChange={(e) => update({ receivedFrom: e.target.value || null })}
          />
        </label>
        <label className="flex flex-col gap-1 text-xs text-zinc-600">
          Received to
          <Input
            aria-label="Received to"
            type="date"
            className="h-8"
            value={query.receivedTo ?? ""}
            onChange={(e) => update({ receivedTo: e.target.value || null })}
          />
        </label>
      </div>
    </div>
  );
}

/** Removes every filter and the search, keeping sort, columns and density. */
export function ClearFiltersButton({ onClear, disabled }: { onClear: () => void; disabled: boolean }) {
  // Nothing to clear: the button stays out of the way, so the filters keep to one row.
  if (disabled) return null;
  return (
    <Button variant="ghost" size="sm" onClick={onClear} disabled={disabled}>
      <X /> Clear filters
    </Button>
  );
}
