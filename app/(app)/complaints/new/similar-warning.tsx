"use client";

import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CHANNEL_LABELS, formatDay } from "@/lib/complaints/labels";
import type { SimilarComplaint } from "@/lib/complaints/similar";
import type { Link as Choice } from "./use-complaint-submit";

/** "This may already be logged": the same external id stops the save; the same customer offers links. */
export function SimilarWarning({
  matches,
  pending,
  onSave,
  onBack,
}: {
  matches: SimilarComplaint[];
  pending: boolean;
  onSave: (link: Choice | null) => void;
  onBack: () => void;
}) {
  const sameId = matches.filter((m) => m.reason === "external_id");
  const sameCustomer = matches.filter((m) => m.reason === "same_customer");
  const blocked = pending || sameId.length > 0;
  return (
    <Alert tone="warning">
      <p className="font-medium">This may already be logged.</p>
      {sameId.map((m) => (
        <p key={m.id} className="mt-2">
          <Link className="font-medium underline" href={`/complaints/${m.id}`}>
            {m.reference}
          </Link>{" "}
          already has this external id. Open it, or change the external id.
        </p>
      ))}
      {sameCustomer.length ? (
        <ul className="mt-2 flex flex-col gap-2">
          {sameCustomer.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center gap-2">
              <span>
                <Link className="font-medium underline" href={`/complaints/${m.id}`}>
                  {m.reference}
                </Link>{" "}
                from the same customer on {formatDay(m.receivedOn)} (
                {CHANNEL_LABELS[m.channel as keyof typeof CHANNEL_LABELS]}): “{m.summary}”
              </span>
              <Button
                type="button"
                size="sm"
                variant="secondary"
                disabled={blocked}
                onClick={() => onSave({ kind: "family", id: m.id, reference: m.reference })}
              >
                Link as family of {m.reference}
              </Button>
              <Button
                type="button"
                size="sm"
                variant="secondary"
                disabled={blocked}
                onClick={() => onSave({ kind: "duplicate", id: m.id, reference: m.reference })}
              >
                Mark as duplicate of {m.reference}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="mt-3 flex gap-2">
        <Button type="button" size="sm" disabled={blocked} onClick={() => onSave(null)}>
          Save as a new complaint
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={onBack}>
          Back to the form
        </Button>
      </div>
    </Alert>
  );
}

/** The link chosen in the warning, kept while the form is put right. */
export function KeptLink({ link, onForget }: { link: Choice; onForget: () => void }) {
  return (
    <Alert tone="info" className="flex flex-wrap items-center justify-between gap-2">
      <span>
        When saved, this complaint will be {link.kind === "family" ? "linked as family of" : "marked as a duplicate of"}{" "}
        <strong>{link.reference}</strong>.
      </span>
      <Button type="button" size="sm" variant="ghost" onClick={onForget}>
        {link.kind === "family" ? "Do not link" : "Do not mark as duplicate"}
      </Button>
    </Alert>
  );
}
