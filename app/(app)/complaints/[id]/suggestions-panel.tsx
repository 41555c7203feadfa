"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { tagRootCauseAction } from "@/lib/complaints/actions";
import type { Suggestions } from "@/lib/suggestions/engine";
import { firstFieldError } from "@/lib/validation";

const percent = (score: number) => `${Math.round(score * 100)} %`;

/**
 * Root causes the most similar tagged complaints suggest, each applied with one click (recorded with
 * its place in the list, so acceptance can be measured), and the similar complaints themselves.
 */
export function SuggestionsPanel({
  complaintId,
  suggestions,
  foundLabel,
  taggedIds,
  canEdit,
}: {
  complaintId: string;
  suggestions: Suggestions;
  /** When the similar complaints were looked for, as the reader reads it. */
  foundLabel: string;
  taggedIds: string[];
  canEdit: boolean;
}) {
  const panels = useTranslations("complaint.panels");
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const references = new Map(suggestions.similar.map((s) => [s.id, s.reference]));

  function apply(rootCauseId: string, name: string, rank: number) {
    startTransition(async () => {
      const result = await tagRootCauseAction({ complaintId, rootCauseId, suggestionRank: rank });
      if ("error" in result) {
        setError(firstFieldError(result.fieldErrors) ?? result.error.message);
        return;
      }
      setError(null);
      toast.success(panels("taggedNamed", { name }));
    });
  }

  return (
    <div className="flex flex-col gap-4">
      <section aria-label={panels("suggestedRootCauses")} className="flex flex-col gap-2">
        <h3 className="text-sm font-medium text-zinc-900">{panels("suggestedRootCauses")}</h3>
        {suggestions.causes.length === 0 ? (
          <p className="text-sm text-zinc-500">{panels("noSuggestion")}</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {suggestions.causes.map((cause, i) => {
              const tagged = taggedIds.includes(cause.rootCauseId);
              const from = cause.from.map((id) => references.get(id)).filter(Boolean);
              return (
                <li
                  key={cause.rootCauseId}
                  className="flex items-center justify-between gap-2 rounded-md border border-zinc-200 px-3 py-2"
                >
                  <div className="min-w-0">
                    <p className="text-sm font-medium">
                      {cause.name} <span className="text-xs font-normal text-zinc-500">{percent(cause.score)}</span>
                    </p>
                    <p className="truncate text-xs text-zinc-500">
                      from {cause.from.length} similar complaint{cause.from.length === 1 ? "" : "s"}
                      {from.length ? `: ${from.slice(0, 3).join(", ")}` : ""}
                    </p>
                  </div>
                  {tagged ? (
                    <Badge tone="success">Tagged</Badge>
                  ) : canEdit ? (
                    <Button
                      size="sm"
                      variant="secondary"
                      disabled={pending}
                      aria-label={`Apply ${cause.name}`}
                      onClick={() => apply(cause.rootCauseId, cause.name, i + 1)}
                    >
                      Apply
                    </Button>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
        {error ? (
          <p role="alert" className="text-xs font-medium text-red-600">
            {error}
          </p>
        ) : null}
      </section>
      <section aria-label={panels("similar")} className="flex flex-col gap-2">
        <div>
          <h3 className="text-sm font-medium text-zinc-900">{panels("similar")}</h3>
          <p className="text-xs text-zinc-500">{foundLabel}</p>
        </div>
        {suggestions.similar.length === 0 ? (
          <p className="text-sm text-zinc-500">{panels("noSimilar")}</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {suggestions.similar.map((s) => (
              <li key={s.id} className="rounded-md border border-zinc-200 px-3 py-2 text-sm">
                <div className="flex items-center justify-between gap-2">
                  <Link href={`/complaints/${s.id}`} className="font-medium text-brand-700 hover:underline">
                    {s.reference}
                  </Link>
                  <span className="text-xs text-zinc-500">{percent(s.score)} similar</span>
                </div>
                <p className="line-clamp-2 text-xs text-zinc-600">{s.summary}</p>
                {s.rootCauses.length ? (
                  <p className="mt-1 text-xs text-zinc-500">{s.rootCauses.map((c) => c.name).join(", ")}</p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
