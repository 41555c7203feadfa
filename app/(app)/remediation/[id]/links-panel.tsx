"use client";

import { X } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type ReactNode, useState, useTransition } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { STATUS_TONES } from "@/lib/complaints/labels";
import { useCodes, useFormat } from "@/lib/i18n/hooks";
import type { MutationResult } from "@/lib/operations/result";
import {
  linkEvidenceAction,
  linkRootCauseAction,
  unlinkEvidenceAction,
  unlinkRootCauseAction,
} from "@/lib/remediation/actions";
import type { RemediationDetail } from "@/lib/remediation/detail-query";
import { firstFieldError } from "@/lib/validation";

function useRun() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  function run<R>(work: () => Promise<MutationResult<R>>, success?: string, after?: () => void) {
    startTransition(async () => {
      const result = await work();
      if ("error" in result) {
        setError(firstFieldError(result.fieldErrors) ?? result.error.message);
        return;
      }
      setError(null);
      if (success) toast.success(success);
      after?.();
      router.refresh();
    });
  }
  return { pending, error, run };
}

/** The add-a-link row under a list, and the error of the last attempt. */
function AddLink({
  label,
  disabled,
  onAdd,
  error,
  children,
}: {
  label: string;
  disabled: boolean;
  onAdd: () => void;
  error: string | null;
  children: ReactNode;
}) {
  return (
    <>
      <form
        className="flex gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          onAdd();
        }}
      >
        {children}
        <Button type="submit" size="md" variant="secondary" disabled={disabled}>
          {label}
        </Button>
      </form>
      {error ? (
        <p role="alert" className="text-xs font-medium text-red-600">
          {error}
        </p>
      ) : null}
    </>
  );
}

export function RootCauseLinks({
  actionId,
  linked,
  choices,
  canEdit,
}: {
  actionId: string;
  linked: RemediationDetail["rootCauses"];
  choices: { id: string; name: string }[];
  canEdit: boolean;
}) {
  const t = useTranslations("remediation.links");
  const { pending, error, run } = useRun();
  const [rootCauseId, setRootCauseId] = useState("");
  const available = choices.filter((c) => !linked.some((l) => l.id === c.id));
  return (
    <div className="flex flex-col gap-3">
      {linked.length === 0 ? <p className="text-sm text-zinc-500">{t("noRootCause")}</p> : null}
      <ul aria-label={t("linkedRootCauses")} className="flex flex-wrap gap-2">
        {linked.map((r) => (
          <li
            key={r.id}
            className="flex items-center gap-1 rounded-full border border-zinc-200 py-0.5 pr-1 pl-3 text-sm"
          >
            {r.name}
            {canEdit ? (
              <Button
                size="icon"
                variant="ghost"
                className="size-6"
                aria-label={t("unlink", { name: r.name })}
                disabled={pending}
                onClick={() => run(() => unlinkRootCauseAction({ actionId, rootCauseId: r.id }))}
              >
                <X />
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit ? (
        <AddLink
          label={t("linkRootCause")}
          disabled={pending || !rootCauseId}
          error={error}
          onAdd={() =>
            run(
              () => linkRootCauseAction({ actionId, rootCauseId }),
              t("rootCauseLinked"),
              () => setRootCauseId(""),
            )
          }
        >
          <Select
            aria-label={t("rootCauseToLink")}
            value={rootCauseId}
            onChange={(e) => setRootCauseId(e.target.value)}
          >
            <option value="">{t("chooseRootCause")}</option>
            {available.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        </AddLink>
      ) : null}
    </div>
  );
}

export function EvidenceLinks({
  actionId,
  evidence,
  canEdit,
}: {
  actionId: string;
  evidence: RemediationDetail["evidence"];
  canEdit: boolean;
}) {
  const t = useTranslations("remediation.links");
  const codes = useCodes();
  const { day: formatDay } = useFormat();
  const { pending, error, run } = useRun();
  const [reference, setReference] = useState("");
  return (
    <div className="flex flex-col gap-3">
      {evidence.length === 0 ? <p className="text-sm text-zinc-500">{t("noEvidence")}</p> : null}
      <ul aria-label={t("evidence")} className="flex flex-col divide-y divide-zinc-100">
        {evidence.map((c) => (
          <li key={c.id} className="flex items-start justify-between gap-2 py-2">
            <div className="min-w-0">
              <p className="text-sm">
                <Link href={`/complaints/${c.id}`} className="font-medium text-brand-700 hover:underline">
                  {c.reference}
                </Link>{" "}
                <Badge tone={STATUS_TONES[c.status]}>{codes.status[c.status]}</Badge>
              </p>
              <p className="truncate text-sm text-zinc-700">{c.summary}</p>
              <p className="text-xs text-zinc-500">
                {t("received", { market: c.market, day: formatDay(c.receivedOn) })}
              </p>
            </div>
            {canEdit ? (
              <Button
                size="icon"
                variant="ghost"
                aria-label={t("remove", { reference: c.reference })}
                disabled={pending}
                onClick={() => run(() => unlinkEvidenceAction({ actionId, complaintId: c.id }))}
              >
                <X />
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit ? (
        <AddLink
          label={t("addEvidence")}
          disabled={pending || !reference.trim()}
          error={error}
          onAdd={() =>
            run(
              () => linkEvidenceAction({ actionId, reference }),
              t("evidenceLinked"),
              () => setReference(""),
            )
          }
        >
          <Input
            aria-label={t("complaintReference")}
            placeholder="C-2019-000154"
            value={reference}
            onChange={(e) => setReference(e.target.value)}
          />
        </AddLink>
      ) : null}
    </div>
  );
}
