"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, Textarea } from "@/components/ui/input";
import { saveAnalysisNoteAction } from "@/lib/complaints/actions";
import type { ComplaintDetail } from "@/lib/complaints/detail-query";
import { useFormat } from "@/lib/i18n/hooks";

/** Findings and the 5-whys chain behind them. */
export function AnalysisNotesPanel({
  complaintId,
  notes,
  canEdit,
}: {
  complaintId: string;
  notes: ComplaintDetail["analysisNotes"];
  canEdit: boolean;
}) {
  const panels = useTranslations("complaint.panels");
  const { dateTime: formatDateTime } = useFormat();
  const [findings, setFindings] = useState("");
  const [whys, setWhys] = useState(["", "", "", "", ""]);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  return (
    <div className="flex flex-col gap-4">
      {notes.length === 0 ? <p className="text-sm text-zinc-500">{panels("noAnalysis")}</p> : null}
      {notes.map((note) => (
        <article key={note.id} className="rounded-md border border-zinc-200 px-3 py-2 text-sm">
          <p className="whitespace-pre-wrap">{note.findings}</p>
          {note.whys.length ? (
            <ol className="mt-2 list-decimal pl-5 text-zinc-700">
              {note.whys.map((why, i) => (
                <li key={i}>
                  <span className="text-xs text-zinc-500">{panels("why")} </span>
                  {why}
                </li>
              ))}
            </ol>
          ) : null}
          <p className="mt-1 text-xs text-zinc-500">
            {note.authorName ?? panels("someone")} · {formatDateTime(note.createdAt)}
          </p>
        </article>
      ))}
      {canEdit ? (
        <form
          className="flex flex-col gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            startTransition(async () => {
              const result = await saveAnalysisNoteAction({ complaintId, findings, whys });
              if ("error" in result) {
                setError(result.fieldErrors?.findings?.[0] ?? result.error.message);
                return;
              }
              setError(null);
              setFindings("");
              setWhys(["", "", "", "", ""]);
            });
          }}
        >
          <Field label={panels("findings")} htmlFor="findings" error={error ?? undefined}>
            <Textarea
              id="findings"
              rows={3}
              value={findings}
              onChange={(e) => setFindings(e.target.value)}
              aria-invalid={error ? true : undefined}
            />
          </Field>
          <fieldset className="flex flex-col gap-1">
            <legend className="mb-1 text-sm font-medium text-zinc-800">{panels("fiveWhys")}</legend>
            {whys.map((why, i) => (
              <Input
                key={i}
                aria-label={panels("whyNumber", { n: i + 1 })}
                placeholder={panels("whyNumberAsked", { n: i + 1 })}
                value={why}
                onChange={(e) => setWhys(whys.map((w, j) => (j === i ? e.target.value : w)))}
              />
            ))}
          </fieldset>
          <Button type="submit" size="sm" disabled={pending}>
            {panels("addAnalysisNote")}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
