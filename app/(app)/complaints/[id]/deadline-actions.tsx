"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { DateInput } from "@/components/ui/date-input";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/input";
import { useComplaintEdit } from "./edit-context";

type Kind = "acknowledgedAt" | "respondedAt";

const pad = (n: number) => String(n).padStart(2, "0");
/** Today's date (YYYY-MM-DD) and the time now (HH:MM), on this computer's clock. */
function localNow(date = new Date()): { day: string; time: string } {
  return {
    day: `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`,
    time: `${pad(date.getHours())}:${pad(date.getMinutes())}`,
  };
}

/** "9:5", "0930", "14.30" → "09:05", "09:30", "14:30"; null when it is no time of day. */
function parseTime(text: string): string | null {
  const match = text.trim().match(/^(\d{1,2})[:.]?(\d{2})$/);
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  return hours < 24 && minutes < 60 ? `${pad(hours)}:${pad(minutes)}` : null;
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
  const [day, setDay] = useState({ value: "", valid: false });
  const [time, setTime] = useState("");
  const [error, setError] = useState<{ field: "day" | "time"; message: string } | null>(null);
  const ids = { day: `${kind}-day`, time: `${kind}-time`, timeHint: `${kind}-time-hint` };

  async function confirm() {
    if (!day.value || !day.valid) return setError({ field: "day", message: t("enterDate") });
    const clock = parseTime(time);
    if (!clock) return setError({ field: "time", message: t("timeFormat") });
    const at = new Date(`${day.value}T${clock}`);
    if (day.value < receivedOn) return setError({ field: "day", message: t("beforeReceived", { date: receivedOn }) });
    if (at.getTime() > Date.now() + 60_000) return setError({ field: "day", message: t("future") });
    const result = await save({ [kind]: at.toISOString() });
    if (result.ok) setOpen(false);
    else setError({ field: "day", message: result.fieldError ?? t("notSaved") });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          const now = localNow();
          setDay({ value: now.day, valid: true });
          setTime(now.time);
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
          <fieldset className="flex flex-col gap-3">
            <legend className="mb-1 text-sm font-medium text-zinc-800">{copy.question}</legend>
            <div className="grid grid-cols-[minmax(0,1fr)_7rem] items-start gap-3">
              <DateInput
                id={ids.day}
                label={t("date")}
                value={day.value}
                min={receivedOn}
                max={localNow().day}
                error={error?.field === "day" ? error.message : undefined}
                onChange={(value, valid) => {
                  setDay({ value, valid });
                  setError(null);
                }}
              />
              <Field label={t("time")} htmlFor={ids.time} error={error?.field === "time" ? error.message : undefined}>
                <Input
                  id={ids.time}
                  inputMode="numeric"
                  autoComplete="off"
                  value={time}
                  placeholder="14:30"
                  aria-describedby={ids.timeHint}
                  aria-invalid={error?.field === "time" ? true : undefined}
                  onChange={(e) => {
                    setTime(e.target.value);
                    setError(null);
                  }}
                />
              </Field>
            </div>
            <p id={ids.timeHint} className="text-xs text-zinc-500">
              {t("timeHint")}
            </p>
          </fieldset>
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
