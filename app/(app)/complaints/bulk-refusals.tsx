"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import type { BulkPreview } from "@/lib/complaints/bulk";
import { refusalLine } from "@/lib/complaints/bulk-refusals";
import type { ComplaintStatus } from "@/lib/domain/values";
import { useCodes, useFormat } from "@/lib/i18n/hooks";

const SHOWN = 20;

/** Each complaint the chosen move cannot apply to, and why, before anything is applied. */
export function RefusalList({ preview, status }: { preview: BulkPreview; status: ComplaintStatus }) {
  const { refusals, applicableIds, matched } = preview;
  const t = useTranslations("complaints.bulk.refusals");
  const format = useFormat();
  const statusWord = useCodes().status[status].toLowerCase();
  return (
    <section aria-label={t("region")} className="basis-full rounded-md bg-white px-3 py-2">
      <p className="font-medium text-zinc-900">
        {t(applicableIds.length ? "headingSome" : "heading", {
          refused: format.number(refusals.length),
          matched: format.number(matched),
          status: statusWord,
          can: format.number(applicableIds.length),
        })}
      </p>
      <ul className="mt-1 list-disc pl-5 text-zinc-700">
        {refusals.slice(0, SHOWN).map((r) => (
          <li key={r.id}>{refusalLine(r)}</li>
        ))}
      </ul>
      {refusals.length > SHOWN ? (
        <p className="mt-1 text-zinc-500">{t("more", { count: format.number(refusals.length - SHOWN) })}</p>
      ) : null}
    </section>
  );
}

/** Closing is visible to customers' deadlines: say what will happen, and ask. */
export function CloseConfirmation({
  count,
  preview,
  pending,
  onConfirm,
  onCancel,
}: {
  count: number;
  preview: BulkPreview | null;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = useTranslations("complaints.bulk.close");
  const format = useFormat();
  const noResponse = preview?.closingWithoutResponse ?? 0;
  const refused = preview?.refusals.length ?? 0;
  const today = format.day(new Date().toISOString());
  return (
    <Dialog open onOpenChange={(open) => (open ? null : onCancel())}>
      <DialogContent title={t("title", { count, n: format.number(count) })}>
        <ul className="list-disc space-y-1 pl-5 text-sm text-zinc-700">
          <li>{t("willClose", { count, n: format.number(count) })}</li>
          {noResponse ? (
            <li>{t("noResponse", { count: noResponse, n: format.number(noResponse), today })}</li>
          ) : preview ? (
            <li>{t("allResponded")}</li>
          ) : null}
          {refused ? <li>{t("stay", { count: refused, n: format.number(refused) })}</li> : null}
          <li>{t("reopen")}</li>
        </ul>
        <div className="mt-5 flex justify-end gap-2">
          <Button variant="ghost" onClick={onCancel} disabled={pending}>
            {t("cancel")}
          </Button>
          <Button onClick={onConfirm} disabled={pending}>
            {pending ? t("closing") : t("confirm", { count, n: format.number(count) })}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
