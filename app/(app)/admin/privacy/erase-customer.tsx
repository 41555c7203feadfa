"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/input";
import { eraseCustomerAction } from "@/lib/privacy/actions";

/** Erases the customer's personal data after a confirmation that names how many complaints it covers. */
export function EraseCustomer({ customerRef, count }: { customerRef: string; count: number }) {
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const erase = () =>
    startTransition(async () => {
      const result = await eraseCustomerAction({ customerRef, reason: reason || undefined });
      if ("error" in result) {
        setError(result.fieldErrors?.reason?.[0] ?? result.error.message);
        return;
      }
      setConfirming(false);
      toast.success(
        `Personal data erased from ${result.data.erased} ${result.data.erased === 1 ? "complaint" : "complaints"}`,
      );
      router.replace("/admin/privacy");
    });
  const label = `${count} ${count === 1 ? "complaint" : "complaints"}`;
  return (
    <div className="flex justify-end">
      <Button variant="danger" onClick={() => setConfirming(true)}>
        Erase personal data
      </Button>
      {confirming ? (
        <Dialog open onOpenChange={(open) => !open && !pending && setConfirming(false)}>
          <DialogContent title={`Erase the personal data of ${label}?`}>
            <p className="text-sm text-zinc-700">
              The narrative and customer reference of {label} are erased for good, and personal data is masked wherever
              they left it. This cannot be undone.
            </p>
            <Field label="Reason (e.g. the request's reference)" htmlFor="erase-reason" error={error} className="mt-4">
              <Input
                id="erase-reason"
                value={reason}
                maxLength={500}
                aria-invalid={!!error}
                onChange={(e) => setReason(e.target.value)}
              />
            </Field>
            <div className="mt-4 flex justify-end gap-2">
              <Button variant="secondary" disabled={pending} onClick={() => setConfirming(false)}>
                Keep it
              </Button>
              <Button variant="danger" disabled={pending} onClick={erase}>
                {pending ? "Erasing…" : `Erase ${label}`}
              </Button>
            </div>
          </DialogContent>
        </Dialog>
      ) : null}
    </div>
  );
}
