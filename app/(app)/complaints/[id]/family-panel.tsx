"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { bulkComplaintAction, linkFamilyAction, unlinkFamilyAction } from "@/lib/complaints/actions";
import type { ComplaintDetail } from "@/lib/complaints/detail-query";
import { useCodes } from "@/lib/i18n/hooks";
import { firstFieldError } from "@/lib/validation";

type Related = ComplaintDetail["family"][number];

function RelatedList({ items }: { items: Related[] }) {
  const codes = useCodes();
  return (
    <ul className="flex flex-col gap-1 text-sm">
      {items.map((m) => (
        <li key={m.id}>
          <Link href={`/complaints/${m.id}`} className="font-medium text-brand-700 hover:underline">
            {m.reference}
          </Link>{" "}
          <span className="text-zinc-600">
            {codes.channel[m.channel]} · {codes.status[m.status]}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The same matter on other routes (family) and true duplicates, which are excluded from the metric. */
export function FamilyPanel({ detail, canEdit }: { detail: ComplaintDetail; canEdit: boolean }) {
  const panels = useTranslations("complaint.panels");
  const id = detail.complaint.id;
  const [reference, setReference] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function run(
    work: () => Promise<{ error?: { message: string }; fieldErrors?: Record<string, string[]> } | { data: unknown }>,
  ) {
    if (!reference.trim()) {
      setError(panels("enterReference"));
      return;
    }
    startTransition(async () => {
      const result = (await work()) as { error?: { message: string }; fieldErrors?: Record<string, string[]> };
      if (result.error) {
        setError(firstFieldError(result.fieldErrors) ?? result.error.message);
        return;
      }
      setError(null);
      setReference("");
    });
  }

  return (
    <div className="flex flex-col gap-3">
      <div>
        <p className="text-xs font-medium tracking-wide text-zinc-500 uppercase">{panels("sameMatter")}</p>
        {detail.family.length ? (
          <RelatedList items={detail.family} />
        ) : (
          <p className="text-sm text-zinc-500">{panels("notLinked")}</p>
        )}
        {canEdit && detail.complaint.familyId ? (
          <Button
            variant="link"
            size="sm"
            disabled={pending}
            onClick={() => startTransition(async () => void (await unlinkFamilyAction({ complaintId: id })))}
          >
            {panels("removeFromFamily")}
          </Button>
        ) : null}
      </div>
      {detail.duplicateOf ? (
        <p className="text-sm">
          {panels("duplicateOf")}{" "}
          <Link href={`/complaints/${detail.duplicateOf.id}`} className="font-medium text-brand-700 hover:underline">
            {detail.duplicateOf.reference}
          </Link>
        </p>
      ) : null}
      {detail.duplicates.length ? (
        <div>
          <p className="text-xs font-medium tracking-wide text-zinc-500 uppercase">{panels("duplicates")}</p>
          <RelatedList items={detail.duplicates} />
        </div>
      ) : null}
      {canEdit ? (
        <div className="flex flex-col gap-2">
          <label htmlFor="related-reference" className="text-xs font-medium text-zinc-600">
            {panels("otherReference")}
          </label>
          <Input
            id="related-reference"
            placeholder="C-2019-000154"
            value={reference}
            onChange={(e) => setReference(e.target.value)}
          />
          {error ? (
            <p role="alert" className="text-xs font-medium text-red-600">
              {error}
            </p>
          ) : null}
          <div className="flex flex-wrap gap-2">
            <Button
              size="sm"
              variant="secondary"
              disabled={pending}
              onClick={() => run(() => linkFamilyAction({ complaintId: id, otherReference: reference }))}
            >
              {panels("linkAsFamily")}
            </Button>
            <Button
              size="sm"
              variant="secondary"
              disabled={pending}
              onClick={() =>
                run(() => bulkComplaintAction({ target: { ids: [id] }, action: { kind: "duplicate_of", reference } }))
              }
            >
              {panels("markAsDuplicate")}
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
