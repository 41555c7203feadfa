"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/input";
import type { RemediationStatus } from "@/lib/domain/values";
import { updateRemediationActionAction } from "@/lib/remediation/actions";
import {
  nextStatuses,
  nextStatusesFor,
  REMEDIATION_STATUS_LABELS,
  REMEDIATION_STATUS_TONES,
  transitionLabel,
} from "@/lib/remediation/workflow";
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
      toast.success(`Now ${REMEDIATION_STATUS_LABELS[result.data.status].toLowerCase()}`);
      router.refresh();
    });
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      <span className="text-sm text-zinc-600">Status</span>
      <Badge tone={REMEDIATION_STATUS_TONES[status]} className="text-sm">
        {REMEDIATION_STATUS_LABELS[status]}
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
              {transitionLabel(next)}
            </Button>
          ))
        : null}
      {canChange && !canVerify && status === "shipped" ? (
        <span className="text-sm text-zinc-500">
          A reviewer verifies it once the effectiveness check shows it worked.
        </span>
      ) : null}
      {canChange && nextStatuses(status).length === 0 ? (
        <span className="text-sm text-zinc-500">This action is closed.</span>
      ) : null}
      {error ? (
        <p role="alert" className="basis-full text-xs font-medium text-red-600">
          {error}
        </p>
      ) : null}
      <Dialog open={shipping} onOpenChange={setShipping}>
        <DialogContent
          title="Mark shipped"
          description="The effectiveness check compares the months before this date with the months after it."
        >
          <form
            className="flex flex-col gap-4"
            onSubmit={(e) => {
              e.preventDefault();
              move({ status: "shipped", shippedOn: date });
            }}
          >
            <Field label="Shipped on" htmlFor="ship-date" error={error ?? undefined}>
              <Input
                id="ship-date"
                type="date"
                max={today}
                value={date}
                onChange={(e) => setDate(e.target.value)}
                required
              />
            </Field>
            <div className="flex justify-end gap-2">
              <Button type="button" variant="ghost" onClick={() => setShipping(false)}>
                Back
              </Button>
              <Button type="submit" disabled={pending}>
                {pending ? "Saving…" : "Mark shipped"}
              </Button>
            </div>
          </form>
        </DialogContent>
      </Dialog>
    </div>
  );
}
