"use client";

import { Star, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input, Select } from "@/components/ui/input";
import { removeRootCauseAction, setPrimaryRootCauseAction, tagRootCauseAction } from "@/lib/complaints/actions";
import type { ComplaintDetail } from "@/lib/complaints/detail-query";
import { useFormat } from "@/lib/i18n/hooks";
import { firstFieldError } from "@/lib/validation";

export function RootCausesPanel({
  complaintId,
  tags,
  rootCauses,
  canEdit,
}: {
  complaintId: string;
  tags: ComplaintDetail["rootCauses"];
  rootCauses: { id: string; name: string }[];
  canEdit: boolean;
}) {
  const panels = useTranslations("complaint.panels");
  const { dateTime: formatDateTime } = useFormat();
  const [rootCauseId, setRootCauseId] = useState("");
  const [note, setNote] = useState("");
  const [primary, setPrimary] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const available = rootCauses.filter((r) => !tags.some((t) => t.rootCauseId === r.id));

  function run(work: () => Promise<{ error?: { message: string }; fieldErrors?: Record<string, string[]> } | object>) {
    startTransition(async () => {
      const result = (await work()) as { error?: { message: string }; fieldErrors?: Record<string, string[]> };
      if (result.error) {
        setError(firstFieldError(result.fieldErrors) ?? result.error.message);
        return;
      }
      setError(null);
    });
  }

  return (
    <div className="flex flex-col gap-3">
      {tags.length === 0 ? <p className="text-sm text-zinc-500">{panels("noRootCause")}</p> : null}
      <ul className="flex flex-col gap-2">
        {tags.map((tag) => (
          <li
            key={tag.rootCauseId}
            className="flex items-start justify-between gap-2 rounded-md border border-zinc-200 px-3 py-2"
          >
            <div>
              <p className="text-sm font-medium">
                {tag.name} {tag.primary ? <Badge tone="brand">Primary</Badge> : null}
              </p>
              {tag.note ? <p className="text-xs text-zinc-600">{tag.note}</p> : null}
              <p className="text-xs text-zinc-500">
                {tag.taggedByName ?? "Someone"} · {formatDateTime(tag.taggedAt)}
              </p>
            </div>
            {canEdit ? (
              <div className="flex gap-1">
                {!tag.primary ? (
                  <Button
                    size="icon"
                    variant="ghost"
                    aria-label={`Make ${tag.name} primary`}
                    disabled={pending}
                    onClick={() => run(() => setPrimaryRootCauseAction({ complaintId, rootCauseId: tag.rootCauseId }))}
                  >
                    <Star />
                  </Button>
                ) : null}
                <Button
                  size="icon"
                  variant="ghost"
                  aria-label={`Remove ${tag.name}`}
                  disabled={pending}
                  onClick={() => run(() => removeRootCauseAction({ complaintId, rootCauseId: tag.rootCauseId }))}
                >
                  <X />
                </Button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit ? (
        <form
          className="flex flex-col gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (!rootCauseId) {
              setError(panels("chooseRootCause"));
              return;
            }
            run(async () => {
              const result = await tagRootCauseAction({ complaintId, rootCauseId, primary, note });
              if ("data" in result) {
                toast.success(panels("rootCauseTagged"));
                setRootCauseId("");
                setNote("");
                setPrimary(false);
              }
              return result;
            });
          }}
        >
          <label htmlFor="tag-root-cause" className="text-xs font-medium text-zinc-600">
            {panels("tagRootCauseLabel")}
          </label>
          <Select id="tag-root-cause" value={rootCauseId} onChange={(e) => setRootCauseId(e.target.value)}>
            <option value="">{panels("chooseRootCause")}</option>
            {available.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </Select>
          <Input
            aria-label={panels("rootCauseNote")}
            placeholder={panels("noteOptional")}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <label className="flex items-center gap-2 text-sm">
            <Checkbox checked={primary} onCheckedChange={(v) => setPrimary(v === true)} /> {panels("primaryRootCause")}
          </label>
          {error ? (
            <p role="alert" className="text-xs font-medium text-red-600">
              {error}
            </p>
          ) : null}
          <Button type="submit" size="sm" disabled={pending}>
            {panels("tagRootCause")}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
