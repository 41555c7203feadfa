"use client";

import { ChevronDown, SlidersHorizontal, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { DateInput } from "@/components/ui/date-input";
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Select } from "@/components/ui/input";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import type { ComplaintOptions } from "@/lib/complaints/options";
import { CHANNELS, COMPLAINT_STATUSES, JOURNEY_STAGES, SEVERITIES } from "@/lib/domain/values";
import { useCodes } from "@/lib/i18n/hooks";
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
  const t = useTranslations("filters");
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant={selected.length ? "primary" : "secondary"} size="sm" aria-label={t("filter", { label })}>
          {label}
          {selected.length ? <span className="rounded-full bg-white/20 px-1.5 text-xs">{selected.length}</span> : null}
          <ChevronDown />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="max-h-80 overflow-y-auto">
        {choices.length === 0 ? <p className="px-2 py-1.5 text-zinc-500">{t("noChoices")}</p> : null}
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
  const t = useTranslations("filters");
  const codes = useCodes();
  const me = options.assignees.find((u) => u.id === currentUserId);
  const hidden = hiddenFiltersActive(query);
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label={t("group")}>
      <MultiFilter
        label={t("status")}
        choices={enumChoices(COMPLAINT_STATUSES, codes.status)}
        selected={query.status}
        onChange={(v) => update({ status: v })}
      />
      <MultiFilter
        label={t("market")}
        choices={options.markets.map((m) => ({ value: m.code, label: `${m.name} (${m.code})` }))}
        selected={query.market}
        onChange={(v) => update({ market: v })}
      />
      <MultiFilter
        label={t("channel")}
        choices={enumChoices(CHANNELS, codes.channel)}
        selected={query.channel}
        onChange={(v) => update({ channel: v })}
      />
      <MultiFilter
        label={t("assignee")}
        choices={[
          ...(me ? [{ value: me.id, label: t("me", { name: me.name }) }] : []),
          { value: "none", label: t("unassigned") },
          ...options.assignees.filter((u) => u.id !== currentUserId).map((u) => ({ value: u.id, label: u.name })),
        ]}
        selected={query.assignee}
        onChange={(v) => update({ assignee: v })}
      />
      <MultiFilter
        label={t("rootCause")}
        choices={options.rootCauses.map((r) => ({ value: r.id, label: r.name }))}
        selected={query.rootCause}
        onChange={(v) => update({ rootCause: v })}
      />
      <Popover>
        <PopoverTrigger asChild>
          <Button
            variant={hidden ? "primary" : "secondary"}
            size="sm"
            aria-label={hidden ? t("moreSet", { count: hidden }) : t("more")}
          >
            <SlidersHorizontal /> {t("more")}
            {hidden ? <span className="rounded-full bg-white/20 px-1.5 text-xs">{hidden}</span> : null}
          </Button>
        </PopoverTrigger>
        <PopoverContent aria-label={t("more")}>
          <MoreFilters query={query} update={update} options={options} currentUserId={currentUserId} />
        </PopoverContent>
      </Popover>
    </div>
  );
}

function MoreFilters({ query, update, options }: PanelProps) {
  const t = useTranslations("filters");
  const codes = useCodes();
  const marketsChosen = query.market.length ? query.market : options.markets.map((m) => m.code);
  const authorityChoices = options.authorities
    .filter((a) => marketsChosen.includes(a.market) && (!query.channel.length || query.channel.includes(a.channel)))
    .map((a) => ({ value: a.id, label: `${a.name} (${a.market})` }));
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap gap-2">
        <MultiFilter
          label={t("severity")}
          choices={enumChoices(SEVERITIES, codes.severity)}
          selected={query.severity}
          onChange={(v) => update({ severity: v })}
        />
        <MultiFilter
          label={t("authority")}
          choices={authorityChoices}
          selected={query.authority}
          onChange={(v) => update({ authority: v })}
        />
        <MultiFilter
          label={t("product")}
          choices={options.products.map((p) => ({ value: p.id, label: p.name }))}
          selected={query.product}
          onChange={(v) => update({ product: v })}
        />
        <MultiFilter
          label={t("category")}
          choices={options.categories.map((c) => ({ value: c.id, label: c.name }))}
          selected={query.category}
          onChange={(v) => update({ category: v })}
        />
        <MultiFilter
          label={t("journeyStage")}
          choices={enumChoices(JOURNEY_STAGES, codes.journeyStage)}
          selected={query.journeyStage}
          onChange={(v) => update({ journeyStage: v })}
        />
      </div>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <label className="flex flex-col gap-1 text-xs text-zinc-600">
          {t("appUser")}
          <Select
            aria-label={t("appUser")}
            className="h-8"
            value={query.appUser ?? ""}
            onChange={(e) => {
              const v = e.target.value;
              update({ appUser: v === "yes" || v === "no" || v === "unknown" ? v : null });
            }}
          >
            <option value="">{t("any")}</option>
            <option value="yes">{t("yes")}</option>
            <option value="no">{t("no")}</option>
            <option value="unknown">{t("unknown")}</option>
          </Select>
        </label>
        <label className="flex flex-col gap-1 text-xs text-zinc-600">
          {t("excluded")}
          <Select
            aria-label={t("excluded")}
            className="h-8"
            value={query.excluded ?? ""}
            onChange={(e) => {
              const v = e.target.value;
              update({ excluded: v === "yes" || v === "no" ? v : null });
            }}
          >
            <option value="">{t("all")}</option>
            <option value="no">{t("countedOnly")}</option>
            <option value="yes">{t("excludedOnly")}</option>
          </Select>
        </label>
        <DateInput
          id="filter-received-from"
          label={t("receivedFrom")}
          size="sm"
          className="gap-1"
          labelClassName="text-xs font-normal text-zinc-600"
          max={query.receivedTo ?? undefined}
          value={query.receivedFrom ?? ""}
          onChange={(value, valid) => {
            if (valid) update({ receivedFrom: value || null });
          }}
        />
        <DateInput
          id="filter-received-to"
          label={t("receivedTo")}
          size="sm"
          className="gap-1"
          labelClassName="text-xs font-normal text-zinc-600"
          min={query.receivedFrom ?? undefined}
          value={query.receivedTo ?? ""}
          onChange={(value, valid) => {
            if (valid) update({ receivedTo: value || null });
          }}
        />
      </div>
    </div>
  );
}

/** Removes every filter and the search, keeping sort, columns and density. */
export function ClearFiltersButton({ onClear, disabled }: { onClear: () => void; disabled: boolean }) {
  const t = useTranslations("filters");
  // Nothing to clear: the button stays out of the way, so the filters keep to one row.
  if (disabled) return null;
  return (
    <Button variant="ghost" size="sm" onClick={onClear} disabled={disabled}>
      <X /> {t("clear")}
    </Button>
  );
}
