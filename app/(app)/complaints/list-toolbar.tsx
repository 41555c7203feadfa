"use client";

import { AlarmClock, Search, UserCheck } from "lucide-react";
import { useMessages, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { DataTableViewOptions } from "@/components/data-table/view-options";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { type SavedViewItem, SavedViewsMenu } from "./saved-views-menu";
import type { ComplaintQuery, ComplaintQueryUpdate } from "./use-complaint-query";

/** The list's top row: search, the two everyday toggles, saved views and columns. */
export function ListToolbar(props: {
  query: ComplaintQuery;
  update: (changes: ComplaintQueryUpdate) => void;
  setDisplay: (changes: Pick<ComplaintQueryUpdate, "cols" | "density">) => void;
  columns: { id: string; label: string }[];
  visibleIds: string[];
  views: SavedViewItem[];
  currentQuery: string;
  currentUserId: string;
  canEdit: boolean;
}) {
  const { query, update } = props;
  const t = useTranslations("complaints");
  const headers: Record<string, string> = useMessages().complaints.columns;
  // The columns menu in the reader's language (the choices carry English labels).
  const columns = props.columns.map((c) => ({ ...c, label: headers[c.id] ?? c.label }));
  const [search, setSearch] = useState(query.q ?? "");
  useEffect(() => setSearch(query.q ?? ""), [query.q]);
  const assignedToMe = query.assignee.length === 1 && query.assignee[0] === props.currentUserId;
  const visible = Object.fromEntries(props.columns.map((c) => [c.id, props.visibleIds.includes(c.id)]));
  return (
    <div className="flex flex-wrap items-center gap-2 border-b border-zinc-100 px-3 py-3">
      <form
        role="search"
        className="flex min-w-56 flex-1 basis-64 items-center gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          update({ q: search.trim() || null });
        }}
      >
        <div className="relative min-w-0 flex-1">
          <Search className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-zinc-400" />
          <Input
            type="search"
            aria-label={t("searchLabel")}
            placeholder={t("searchPlaceholder")}
            className="pl-8"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <Button type="submit" variant="secondary" size="md">
          {t("search")}
        </Button>
      </form>
      <Button
        variant={query.overdue ? "danger" : "secondary"}
        size="sm"
        aria-pressed={query.overdue}
        onClick={() => update({ overdue: !query.overdue || null })}
      >
        <AlarmClock /> {t("overdue")}
      </Button>
      {props.canEdit ? (
        <Button
          variant={assignedToMe ? "primary" : "secondary"}
          size="sm"
          aria-pressed={assignedToMe}
          onClick={() => update({ assignee: assignedToMe ? null : [props.currentUserId] })}
        >
          <UserCheck /> {t("assignedToMe")}
        </Button>
      ) : null}
      <SavedViewsMenu views={props.views} currentUserId={props.currentUserId} currentQuery={props.currentQuery} />
      <DataTableViewOptions
        columns={columns}
        visible={visible}
        onToggle={(id, show) => {
          const next = show ? [...props.visibleIds, id] : props.visibleIds.filter((c) => c !== id);
          props.setDisplay({ cols: props.columns.map((c) => c.id).filter((c) => next.includes(c)) });
        }}
        density={query.density}
        onDensityChange={(density) => props.setDisplay({ density })}
      />
    </div>
  );
}
