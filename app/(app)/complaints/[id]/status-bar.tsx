"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { STATUS_TONES } from "@/lib/complaints/labels";
import { nextStatuses, transitionKey } from "@/lib/complaints/workflow";
import type { ComplaintStatus } from "@/lib/domain/values";
import { useCodes } from "@/lib/i18n/hooks";
import { useComplaintEdit } from "./edit-context";

/** The workflow's next steps (only those allowed) and the assignment. */
export function StatusBar({
  status,
  assigneeId,
  assignees,
}: {
  status: ComplaintStatus;
  assigneeId: string | null;
  assignees: { id: string; name: string }[];
}) {
  const { canEdit, save, pending } = useComplaintEdit();
  const t = useTranslations("complaint");
  const common = useTranslations("common");
  const codes = useCodes();
  const [error, setError] = useState<string | null>(null);

  async function run(changes: Parameters<typeof save>[0]) {
    const result = await save(changes);
    setError(result.ok ? null : (result.fieldError ?? null));
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      <span className="text-sm text-zinc-600">{t("status")}</span>
      <Badge tone={STATUS_TONES[status]} className="text-sm">
        {codes.status[status]}
      </Badge>
      {canEdit
        ? nextStatuses(status).map((next) => (
            <Button key={next} size="sm" variant="secondary" disabled={pending} onClick={() => run({ status: next })}>
              {t(`transitions.${transitionKey(status, next)}`)}
            </Button>
          ))
        : null}
      <span className="ml-auto flex items-center gap-2 text-sm text-zinc-600">
        <label htmlFor="assignee">{t("assignee")}</label>
        {canEdit ? (
          <Select
            id="assignee"
            className="h-8 w-48"
            value={assigneeId ?? ""}
            disabled={pending}
            onChange={(e) => run({ assigneeId: e.target.value || null })}
          >
            <option value="">{common("unassigned")}</option>
            {assignees.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </Select>
        ) : (
          <span id="assignee" className="font-medium text-zinc-900">
            {assignees.find((a) => a.id === assigneeId)?.name ?? common("unassigned")}
          </span>
        )}
      </span>
      {error ? (
        <p role="alert" className="basis-full text-xs font-medium text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
