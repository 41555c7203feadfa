"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { bulkComplaintAction, previewBulkComplaintAction } from "@/lib/complaints/actions";
import type { BulkActionInput, BulkPreview } from "@/lib/complaints/bulk";
import type { ComplaintListRow } from "@/lib/complaints/list-query";
import type { ComplaintOptions } from "@/lib/complaints/options";
import { canTransition } from "@/lib/complaints/workflow";
import { COMPLAINT_STATUSES, type ComplaintStatus, EXCLUDED_REASONS } from "@/lib/domain/values";
import { useFormat } from "@/lib/i18n/hooks";
import { CloseConfirmation, RefusalList } from "./bulk-refusals";
import { BulkValue, type Kind } from "./bulk-value";

const KINDS: readonly Kind[] = ["assign", "status", "category", "root_cause", "duplicate_of", "exclude"];

type Action = BulkActionInput["action"];
type Target = BulkActionInput["target"];

function actionInput(kind: Kind, value: string, note: string): Action | null {
  const status = COMPLAINT_STATUSES.find((s) => s === value);
  const reason = EXCLUDED_REASONS.find((r) => r === value);
  switch (kind) {
    case "assign":
      return { kind, assigneeId: value === "none" ? null : value };
    case "status":
      return status ? { kind, status } : null;
    case "category":
      return { kind, categoryId: value === "none" ? null : value };
    case "root_cause":
      return value ? { kind, rootCauseId: value } : null;
    case "duplicate_of":
      return value ? { kind, reference: value } : null;
    case "exclude":
      return reason ? { kind, reason, note: note || undefined } : null;
  }
}

/**
 * Statuses some selected complaint can move to, each with how many can. Every status when the
 * target is "all matching" (the rows are not all on the page): the preview then says who cannot.
 */
function offeredStatuses(rows: ComplaintListRow[] | null): { status: ComplaintStatus; applies?: number }[] {
  if (!rows) return COMPLAINT_STATUSES.map((status) => ({ status }));
  return COMPLAINT_STATUSES.map((status) => ({
    status,
    applies: rows.filter((r) => canTransition(r.status as ComplaintStatus, status)).length,
  })).filter((s) => s.applies > 0);
}

/** Acts on the selected rows, or on every complaint matching the filter: one transaction on the server. */
export function BulkBar({
  selectedRows,
  allMatching,
  total,
  totalIsEstimate = false,
  filterQuery,
  options,
  onDone,
}: {
  selectedRows: ComplaintListRow[];
  allMatching: boolean;
  total: number;
  totalIsEstimate?: boolean;
  filterQuery: string;
  options: ComplaintOptions;
  onDone: () => void;
}) {
  const t = useTranslations("complaints.bulk");
  const format = useFormat();
  const [kind, setKind] = useState<Kind>("assign");
  const [value, setValue] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<BulkPreview | null>(null);
  const [confirming, setConfirming] = useState<Target | null>(null);
  const [pending, startTransition] = useTransition();
  const count = allMatching ? total : selectedRows.length;
  const selectedIds = selectedRows.map((r) => r.id);
  const target: Target = allMatching ? { filter: filterQuery } : { ids: selectedIds };
  const targetKey = allMatching ? filterQuery : selectedIds.join();
  const action = actionInput(kind, value, note);
  const statusMove = action?.kind === "status" ? action : null;

  // A status move is checked as soon as it is chosen, so each refusal shows before anything is applied.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the move and the target, by value, are the inputs.
  useEffect(() => {
    setPreview(null);
    if (!statusMove) return;
    let current = true;
    previewBulkComplaintAction({ target, action: statusMove }).then((result) => {
      if (current && "data" in result) setPreview(result.data);
    });
    return () => {
      current = false;
    };
  }, [statusMove?.status, targetKey]);

  function run(to: Target, chosen: Action) {
    setError(null);
    startTransition(async () => {
      const result = await bulkComplaintAction({ target: to, action: chosen });
      setConfirming(null);
      if ("error" in result) {
        setError(result.error.message);
        return;
      }
      toast.success(
        t("updated", { changed: format.number(result.data.changed), matched: format.number(result.data.matched) }),
      );
      setValue("");
      setNote("");
      setPreview(null);
      onDone();
    });
  }

  /** Applies to `to`, asking first when it closes complaints. */
  function apply(to: Target) {
    if (!action || (!value && kind !== "assign")) {
      setError(t("chooseValue"));
      return;
    }
    if (action.kind === "status" && action.status === "closed") setConfirming(to);
    else run(to, action);
  }

  function applyToAll() {
    if (preview?.refusals.length) {
      setError(
        preview.applicableIds.length
          ? t("notEvery", { count: format.number(preview.applicableIds.length) })
          : t("noneCan"),
      );
      return;
    }
    apply(target);
  }

  return (
    <div
      role="region"
      aria-label={t("region")}
      className="flex flex-wrap items-end gap-2 border-b border-sky-200 bg-sky-50 px-3 py-2 text-sm"
    >
      <p className="mr-2 self-center font-medium text-sky-900">
        {t(allMatching ? (totalIsEstimate ? "countMatchingAbout" : "countMatching") : "countSelected", {
          count: format.number(count),
        })}
      </p>
      <label className="flex flex-col gap-1 text-xs text-zinc-600">
        {t("action")}
        <Select
          aria-label={t("action")}
          className="h-8 w-48"
          value={kind}
          onChange={(e) => {
            setKind(KINDS.find((k) => k === e.target.value) ?? "assign");
            setValue("");
            setError(null);
          }}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </Select>
      </label>
      <BulkValue
        kind={kind}
        value={value}
        onChange={(v) => {
          setValue(v);
          setError(null);
        }}
        options={options}
        statuses={offeredStatuses(allMatching ? null : selectedRows)}
      />
      {kind === "exclude" ? (
        <label className="flex flex-col gap-1 text-xs text-zinc-600">
          {t("note")}
          <Input aria-label={t("note")} className="h-8 w-48" value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
      ) : null}
      <Button size="sm" onClick={applyToAll} disabled={pending}>
        {pending
          ? t("applying")
          : t(allMatching && totalIsEstimate ? "applyToAbout" : "applyTo", { count: format.number(count) })}
      </Button>
      {statusMove && preview?.refusals.length && preview.applicableIds.length ? (
        <Button size="sm" variant="secondary" disabled={pending} onClick={() => apply({ ids: preview.applicableIds })}>
          {t("applyToThoseThatCan", { count: format.number(preview.applicableIds.length) })}
        </Button>
      ) : null}
      {error ? (
        <p role="alert" className="basis-full text-xs font-medium text-red-700">
          {error}
        </p>
      ) : null}
      {statusMove && preview?.refusals.length ? <RefusalList preview={preview} status={statusMove.status} /> : null}
      {statusMove && confirming ? (
        <CloseConfirmation
          count={"ids" in confirming ? confirming.ids.length : count}
          preview={preview}
          pending={pending}
          onConfirm={() => run(confirming, statusMove)}
          onCancel={() => setConfirming(null)}
        />
      ) : null}
    </div>
  );
}
