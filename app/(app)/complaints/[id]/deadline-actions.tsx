"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/input";
import { useComplaintEdit } from "./edit-context";

type Kind = "acknowledgedAt" | "respondedAt";

/** Local date and time as a datetime-local input spells it. */
function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function RecordDialog({ kind, receivedOn }: { kind: Kind; receivedOn: string }) {
  const { save, pending } = useComplaintEdit();
  const t = useTranslations("complaint.record");
  const copy = {
    button: t(`${kind}.button`),
    title: t(`${kind}.title`),
    question: t(`${kind}.question`),
    consequence: t(`${kind}.consequence`),
  };
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const now = localInputValue(new Date());
  const inputId = `${kind}-when`;

  async function confirm() {
    const at = new Date(value);
    if (!value || Number.isNaN(at.getTime())) return setError(t("enterDate"));
    if (value.slice(0, 10) < receivedOn) return setError(t("beforeReceived", { date: receivedOn }));
    if (at.getTime() > Date.now() + 60_000) return setError(t("future"));
    const result = await save({ [kind]: at.toISOString() });
    if (result.ok) setOpen(false);
    else setError(result.fieldError ?? t("notSaved"));
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          setValue(localInputValue(new Date()));
          setError(null);
        }
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm" variant="secondary" disabled={pending}>
          {copy.button}
        </Button>
      </DialogTrigger>
      <DialogContent title={copy.title} description={copy.consequence}>
        <form
          noValidate
          className="flex flex-col gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            void confirm();
          }}
        >
          <Field label={copy.question} htmlFor={inputId} error={error ?? undefined}>
            <Input
              id={inputId}
              type="datetime-local"
              value={value}
              min={`${receivedOn}T00:00`}
              max={now}
              aria-invalid={error ? true : undefined}
              onChange={(e) => setValue(e.target.value)}
            />
          </Field>
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button type="button" variant="secondary">
                {t("cancel")}
              </Button>
            </DialogClose>
            <Button type="submit" disabled={pending}>
              {copy.button}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** Stops a deadline's clock by recording when the customer was answered, after asking when that was. */
export function DeadlineActions({
  acknowledged,
  responded,
  receivedOn,
}: {
  acknowledged: boolean;
  responded: boolean;
  receivedOn: string;
}) {
  const { canEdit } = useComplaintEdit();
  if (!canEdit || (acknowledged && responded)) return null;
  return (
    <div className="flex flex-wrap gap-2">
      {!acknowledged ? <RecordDialog kind="acknowledgedAt" receivedOn={receivedOn} /> : null}
      {!responded ? <RecordDialog kind="respondedAt" receivedOn={receivedOn} /> : null}
    </div>
  );
}
