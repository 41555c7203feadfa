"use client";

import { Input, Select } from "@/components/ui/input";
import type { BulkActionInput } from "@/lib/complaints/bulk";
import { EXCLUDED_REASON_LABELS, STATUS_LABELS } from "@/lib/complaints/labels";
import type { ComplaintOptions } from "@/lib/complaints/options";
import { type ComplaintStatus, EXCLUDED_REASONS } from "@/lib/domain/values";

export type Kind = BulkActionInput["action"]["kind"];

/** The value a bulk action needs: a person, a status (only those some selected complaint can take), a category… */
export function BulkValue({
  kind,
  value,
  onChange,
  options,
  statuses,
}: {
  kind: Kind;
  value: string;
  onChange: (v: string) => void;
  options: ComplaintOptions;
  /** The statuses worth offering, with how many of the selection each can apply to (when known). */
  statuses: { status: ComplaintStatus; applies?: number }[];
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
        statuses.map(({ status, applies }) => ({
          value: status,
          label: applies === undefined ? STATUS_LABELS[status] : `${STATUS_LABELS[status]} (${applies} can)`,
        })),
        statuses.length ? "Choose a status" : "No status change applies to these",
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
