"use client";

import { useTranslations } from "next-intl";
import { Input, Select } from "@/components/ui/input";
import type { BulkActionInput } from "@/lib/complaints/bulk";
import type { ComplaintOptions } from "@/lib/complaints/options";
import { type ComplaintStatus, EXCLUDED_REASONS } from "@/lib/domain/values";
import { useCodes, useFormat } from "@/lib/i18n/hooks";

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
  const t = useTranslations("complaints.bulk.value");
  const codes = useCodes();
  const format = useFormat();
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
        t("assignee"),
        [{ value: "none", label: t("nobody") }, ...options.assignees.map((u) => ({ value: u.id, label: u.name }))],
        t("choosePerson"),
      );
    case "status":
      return select(
        t("status"),
        statuses.map(({ status, applies }) => ({
          value: status,
          label:
            applies === undefined
              ? codes.status[status]
              : t("statusCan", { status: codes.status[status], count: format.number(applies) }),
        })),
        statuses.length ? t("chooseStatus") : t("noStatus"),
      );
    case "category":
      return select(
        t("category"),
        [{ value: "none", label: t("noCategory") }, ...options.categories.map((c) => ({ value: c.id, label: c.name }))],
        t("chooseCategory"),
      );
    case "root_cause":
      return select(
        t("rootCause"),
        options.rootCauses.map((r) => ({ value: r.id, label: r.name })),
        t("chooseRootCause"),
      );
    case "exclude":
      return select(
        t("reason"),
        EXCLUDED_REASONS.map((r) => ({ value: r, label: codes.excludedReason[r] })),
        t("chooseReason"),
      );
    case "duplicate_of":
      return (
        <label className="flex flex-col gap-1 text-xs text-zinc-600">
          {t("original")}
          <Input
            aria-label={t("original")}
            className="h-8 w-44"
            placeholder="C-2019-000154"
            value={value}
            onChange={(e) => onChange(e.target.value)}
          />
        </label>
      );
  }
}
