"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DateInput } from "@/components/ui/date-input";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import type { RemediationStatus } from "@/lib/domain/values";
import { useCodes } from "@/lib/i18n/hooks";
import { updateRemediationActionAction } from "@/lib/remediation/actions";
import { nextStatuses, nextStatusesFor, REMEDIATION_STATUS_TONES } from "@/lib/remediation/workflow";
import { firstFieldError } from "@/lib/validation";

/** The workflow's allowed next steps; shipping asks for the date it shipped. */
export function WorkflowBar({
  id,
  version,
  status,
  shippedOn,
  canChange,
  canVerify,
  today,
}: {
  id: string;
  version: number;
  status: RemediationStatus;
  shippedOn: string | null;
  canChange: boolean;
  /** Reviewers and admins; the move to verified also needs a check that is not worse (the server says which). */
  canVerify: boolean;
  today: string;
}) {
  const t = useTranslations("remediation.workflow");
  const codes = useCodes();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [shipping, setShipping] = useState(false);
  const [date, setDate] = useState(shippedOn ?? today);

  function move(changes: { status: RemediationStatus; shippedOn?: string }) {
    startTransition(async () => {
      const result = await updateRemediationActionAction({ id, version, changes });
      if ("error" in result) {
        setError(firstFieldError(result.fieldErrors) ?? result.error.message);
        return;
      }
      setError(null);
      setShipping(false);
      toast.success(t("now", { status: codes.remediationStatus[result.data.status].toLowerCase() }));
      router.refresh();
    });
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      <span className="text-sm text-zinc-600">{t("status")}</span>
      <Badge tone={REMEDIATION_STATUS_TONES[status]} className="text-sm">
        {codes.remediationStatus[status]}
      </Badge>
      {canChange
        ? nextStatusesFor(status, canVerify).map((next) => (
            <Button
              key={next}
              size="sm"
              variant={next === "cancelled" ? "ghost" : "secondary"}
              disabled={pending}
              onClick={() => (next === "shipped" ? setShipping(true) : move({ status: next }))}
            >
              {t(`transition.${next}`)}
            </Button>
          ))
        : null}
      {canChange && !canVerify && status === "shipped" ? (
        <span className="text-sm text-zinc-500">{t("reviewerVerifies")}</span>
      ) : null}
      {canChange && nextStatuses(status).length === 0 ? (
        <span className="text-sm text-zinc-500">{t("closed")}</span>
      ) : null}
      {error ? (
        <p role="alert" className="basis-full text-xs font-medium text-red-600">
          {error}
        </p>
      ) : null}
      <Dialog open={shipping} onOpenChange={setShipping}>
        <DialogContent title={t("shipTitle")} description={t("shipDescription")}>
          <form
            className="flex flex-col gap-4"
            onSubmit={(e) => {
              e.preventDefault();
              move({ status: "shipped", shippedOn: date });
            }}
          >
            <DateInput
              id="ship-date"
              label={t("shippedOn")}
              max={today}
              value={date}
              onChange={(value) => setDate(value)}
              error={error ?? undefined}
            />
            <div className="flex justify-end gap-2">
              <Button type="button" variant="ghost" onClick={() => setShipping(false)}>
                {t("back")}
              </Button>
              <Button type="submit" disabled={pending}>
                {pending ? t("saving") : t("shipTitle")}
              </Button>
            </div>
          </form>
        </DialogContent>
      </Dialog>
    </div>
  );
}
