"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/input";
import { eraseCustomerAction } from "@/lib/privacy/actions";

/** Erases the customer's personal data after a confirmation that names how many complaints it covers. */
export function EraseCustomer({ customerRef, count }: { customerRef: string; count: number }) {
  const t = useTranslations("privacy");
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
      toast.success(t("erased", { count: result.data.erased }));
      router.replace("/admin/privacy");
    });
  return (
    <div className="flex justify-end">
      <Button variant="danger" onClick={() => setConfirming(true)}>
        {t("button")}
      </Button>
      {confirming ? (
        <Dialog open onOpenChange={(open) => !open && !pending && setConfirming(false)}>
          <DialogContent title={t("confirmTitle", { count })}>
            <p className="text-sm text-zinc-700">{t("confirmBody", { count })}</p>
            <Field label={t("reason")} htmlFor="erase-reason" error={error} className="mt-4">
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
                {t("keep")}
              </Button>
              <Button variant="danger" disabled={pending} onClick={erase}>
                {pending ? t("erasing") : t("erase", { count })}
              </Button>
            </div>
          </DialogContent>
        </Dialog>
      ) : null}
    </div>
  );
}
