"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { COMPLAINT_STATUSES, EXCLUDED_REASONS } from "@/db/schema/enums";
import { bulkComplaintAction } from "@/lib/complaints/actions";
import type { BulkActionInput } from "@/lib/complaints/bulk";
import { EXCLUDED_REASON_LABELS, STATUS_LABELS } from "@/lib/complaints/labels";
import type { ComplaintOptions } from "@/lib/complaints/options";

type Kind = BulkActionInput["action"]["kind"];

const KINDS: { kind: Kind; label: string }[] = [
  { kind: "assign", label: "Assign to" },
  { kind: "status", label: "Change status to" },
  { kind: "category", label: "Set category" },
  { kind: "root_cause", label: "Add root cause" },
  { kind: "duplicate_of", label: "Mark as duplicate of" },
  { kind: "exclude", label: "Exclude with reason" },
];

const numbers = new Intl.NumberFormat("en-GB");

/** Acts on the selected rows, or on every complaint matching the filter: one transaction on the server. */
export function BulkBar({
  selectedIds,
  allMatching,
  total,
  totalIsEstimate = false,
  filterQuery,
  options,
  onDone,
}: {
  selectedIds: string[];
  allMatching: boolean;
  total: number;
  totalIsEstimate?: boolean;
  filterQuery: string;
  options: ComplaintOptions;
  onDone: () => void;
}) {
  const [kind, setKind] = useState<Kind>("assign");
  const [value, setValue] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const count = allMatching ? total : selectedIds.length;

  function actionInput(): BulkActionInput["action"] | null {
    switch (kind) {
      case "assign":
        return { kind, assigneeId: value === "none" ? null : value };
      case "status":
        return value ? { kind, status: value as (typeof COMPLAINT_STATUSES)[number] } : null;
      case "category":
        return { kind, categoryId: value === "none" ? null : value };
      case "root_cause":
        return value ? { kind, rootCauseId: value } : null;
      case "duplicate_of":
        return value ? { kind, reference: value } : null;
      case "exclude":
        return value ? { kind, reason: value as (typeof EXCLUDED_REASONS)[number], note: note || undefined } : null;
    }
  }

  function apply() {
    const action = actionInput();
    if (!action || (!value && kind !== "assign")) {
      setError("Choose a value for the action first");
      return;
    }
    setError(null);
    startTransition(async () => {
      const target = allMatching ? { filter: filterQuery } : { ids: selectedIds };
      const result = await bulkComplaintAction({ target, action });
      if ("error" in result) {
        setError(result.error.message);
        return;
      }
      toast.success(
        `Updated ${numbers.format(result.data.changed)} of ${numbers.format(result.data.matched)} complaints`,
      );
      setValue("");
      setNote("");
      onDone();
    });
  }

  return (
    <div
      role="region"
      aria-label="Bulk actions"
      className="flex flex-wrap items-end gap-2 border-b border-sky-200 bg-sky-50 px-3 py-2 text-sm"
    >
      <p className="mr-2 self-center font-medium text-sky-900">
        {allMatching && totalIsEstimate ? "About " : ""}
        {numbers.format(count)} {allMatching ? "matching complaints" : "selected"}
      </p>
      <label className="flex flex-col gap-1 text-xs text-zinc-600">
        Bulk action
        <Select
          aria-label="Bulk action"
          className="h-8 w-48"
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as Kind);
            setValue("");
          }}
        >
          {KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </Select>
      </label>
      <BulkValue kind={kind} value={value} onChange={setValue} options={options} />
      {kind === "exclude" ? (
        <label className="flex flex-col gap-1 text-xs text-zinc-600">
          Note
          <Input aria-label="Note" className="h-8 w-48" value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
      ) : null}
      <Button size="sm" onClick={apply} disabled={pending}>
        {pending ? "Applying…" : `Apply to ${allMatching && totalIsEstimate ? "about " : ""}${numbers.format(count)}`}
      </Button>
      {error ? (
        <p role="alert" className="basis-full text-xs font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function BulkValue({
  kind,
  value,
  onChange,
  options,
}: {
  kind: Kind;
  value: string;
  onChange: (v: string) => void;
  options: ComplaintOptions;
}) {
  const select = (label: string, choices: { value: string; label: string }[], placeholder: string) => (
    <label className="flex flex-col gap-1 text-xs text-zinc-600">
      {label}
      <Select aria-label={label} className="h-8 w-56" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{placeholder}</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </Select>
    </label>
  );
  switch (kind) {
    case "assign":
      return select(
        "Assignee",
        [
          { value: "none", label: "Nobody (unassign)" },
          ...options.assignees.map((u) => ({ value: u.id, label: u.name })),
        ],
        "Choose a person",
      );
    case "status":
      return select(
        "Status",
        COMPLAINT_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
        "Choose a status",
      );
    case "category":
      return select(
        "Category",
        [{ value: "none", label: "No category" }, ...options.categories.map((c) => ({ value: c.id, label: c.name }))],
        "Choose a category",
      );
    case "root_cause":
      return select(
        "Root cause",
        options.rootCauses.map((r) => ({ value: r.id, label: r.name })),
        "Choose a root cause",
      );
    case "exclude":
      return select(
        "Reason",
        EXCLUDED_REASONS.map((r) => ({ value: r, label: EXCLUDED_REASON_LABELS[r] })),
        "Choose a reason",
      );
    case "duplicate_of":
      return (
        <label className="flex flex-col gap-1 text-xs text-zinc-600">
          Original reference
          <Input
            aria-label="Original reference"
            className="h-8 w-44"
            placeholder="C-2019-000154"
            value={value}
            onChange={(e) => onChange(e.target.value)}
          />
        </label>
      );
  }
}
