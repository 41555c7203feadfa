"use client";

import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import type { BulkPreview } from "@/lib/complaints/bulk";
import { refusalLine } from "@/lib/complaints/bulk-refusals";
import { formatDay, STATUS_LABELS } from "@/lib/complaints/labels";
import type { ComplaintStatus } from "@/lib/domain/values";

const numbers = new Intl.NumberFormat("en-GB");
const SHOWN = 20;

/** Each complaint the chosen move cannot apply to, and why, before anything is applied. */
export function RefusalList({ preview, status }: { preview: BulkPreview; status: ComplaintStatus }) {
  const { refusals, applicableIds, matched } = preview;
  return (
    <section aria-label="Complaints this cannot apply to" className="basis-full rounded-md bg-white px-3 py-2">
      <p className="font-medium text-zinc-900">
        {numbers.format(refusals.length)} of {numbers.format(matched)} cannot become{" "}
        {STATUS_LABELS[status].toLowerCase()}
        {applicableIds.length ? `; ${numbers.format(applicableIds.length)} can` : ""}:
      </p>
      <ul className="mt-1 list-disc pl-5 text-zinc-700">
        {refusals.slice(0, SHOWN).map((r) => (
          <li key={r.id}>{refusalLine(r)}</li>
        ))}
      </ul>
      {refusals.length > SHOWN ? (
        <p className="mt-1 text-zinc-500">and {numbers.format(refusals.length - SHOWN)} more</p>
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
  const noResponse = preview?.closingWithoutResponse ?? 0;
  const plural = count === 1 ? "complaint" : "complaints";
  const today = formatDay(new Date().toISOString());
  return (
    <Dialog open onOpenChange={(open) => (open ? null : onCancel())}>
      <DialogContent title={`Close ${numbers.format(count)} ${plural}?`}>
        <ul className="list-disc space-y-1 pl-5 text-sm text-zinc-700">
          <li>
            {count === 1 ? "1 complaint will be closed" : `${numbers.format(count)} complaints will be closed`}, with a
            history entry naming you.
          </li>
          {noResponse ? (
            <li>
              {numbers.format(noResponse)} {noResponse === 1 ? "has" : "have"} no final response recorded: closing
              records today, {today}, as the date of the final response, which the deadline figures then count.
            </li>
          ) : preview ? (
            <li>Every one already has its final response recorded; those dates stay as they are.</li>
          ) : null}
          {preview?.refusals.length ? (
            <li>
              {numbers.format(preview.refusals.length)} selected{" "}
              {preview.refusals.length === 1 ? "complaint stays" : "complaints stay"} as{" "}
              {preview.refusals.length === 1 ? "it is" : "they are"}: they are not analysed yet.
            </li>
          ) : null}
          <li>A closed complaint can be reopened later; its final response date is kept.</li>
        </ul>
        <div className="mt-5 flex justify-end gap-2">
          <Button variant="ghost" onClick={onCancel} disabled={pending}>
            Cancel
          </Button>
          <Button onClick={onConfirm} disabled={pending}>
            {pending ? "Closing…" : `Close ${numbers.format(count)} ${plural}`}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
