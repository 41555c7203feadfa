"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { SimilarComplaint } from "@/lib/complaints/similar";
import { useCodes, useFormat } from "@/lib/i18n/hooks";
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
  const t = useTranslations("complaintForm.similar");
  const codes = useCodes();
  const format = useFormat();
  const sameId = matches.filter((m) => m.reason === "external_id");
  const sameCustomer = matches.filter((m) => m.reason === "same_customer");
  const blocked = pending || sameId.length > 0;
  const linkTo = (m: SimilarComplaint) => (chunks: React.ReactNode) => (
    <Link className="font-medium underline" href={`/complaints/${m.id}`}>
      {chunks}
    </Link>
  );
  return (
    <Alert tone="warning">
      <p className="font-medium">{t("title")}</p>
      {sameId.map((m) => (
        <p key={m.id} className="mt-2">
          {t.rich("sameId", { reference: m.reference, link: linkTo(m) })}
        </p>
      ))}
      {sameCustomer.length ? (
        <ul className="mt-2 flex flex-col gap-2">
          {sameCustomer.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center gap-2">
              <span>
                {t.rich("sameCustomer", {
                  reference: m.reference,
                  link: linkTo(m),
                  date: format.day(m.receivedOn),
                  channel: (codes.channel as Record<string, string>)[m.channel] ?? m.channel,
                  summary: m.summary,
                })}
              </span>
              <Button
                type="button"
                size="sm"
                variant="secondary"
                disabled={blocked}
                onClick={() => onSave({ kind: "family", id: m.id, reference: m.reference })}
              >
                {t("linkFamily", { reference: m.reference })}
              </Button>
              <Button
                type="button"
                size="sm"
                variant="secondary"
                disabled={blocked}
                onClick={() => onSave({ kind: "duplicate", id: m.id, reference: m.reference })}
              >
                {t("markDuplicate", { reference: m.reference })}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="mt-3 flex gap-2">
        <Button type="button" size="sm" disabled={blocked} onClick={() => onSave(null)}>
          {t("saveNew")}
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={onBack}>
          {t("back")}
        </Button>
      </div>
    </Alert>
  );
}

/** The link chosen in the warning, kept while the form is put right. */
export function KeptLink({ link, onForget }: { link: Choice; onForget: () => void }) {
  const t = useTranslations("complaintForm.similar");
  return (
    <Alert tone="info" className="flex flex-wrap items-center justify-between gap-2">
      <span>
        {t.rich(link.kind === "family" ? "keptFamily" : "keptDuplicate", {
          reference: link.reference,
          strong: (chunks) => <strong>{chunks}</strong>,
        })}
      </span>
      <Button type="button" size="sm" variant="ghost" onClick={onForget}>
        {link.kind === "family" ? t("forgetFamily") : t("forgetDuplicate")}
      </Button>
    </Alert>
  );
}
