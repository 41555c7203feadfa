"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { runRetentionAction } from "@/lib/privacy/actions";

/** Erases what the rules make due now, after a confirmation that says how much that is. */
export function RunRetention({ due }: { due: number }) {
  const t = useTranslations("retention.run");
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  const run = () =>
    startTransition(async () => {
      const result = await runRetentionAction({ dryRun: false });
      setConfirming(false);
      if ("error" in result) toast.error(result.error.message);
      else toast.success(t("erased", { count: result.data.erased }));
    });
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-wrap items-center justify-between gap-4">
        <p className="text-sm text-zinc-700">{due === 0 ? t("nothingDue") : t("due", { count: due })}</p>
        <Button variant="danger" disabled={due === 0 || pending} onClick={() => setConfirming(true)}>
          {t("button")}
        </Button>
      </CardContent>
      {confirming ? (
        <Dialog open onOpenChange={(open) => !open && !pending && setConfirming(false)}>
          <DialogContent title={t("confirmTitle")}>
            <p className="text-sm text-zinc-700">{t("confirmBody", { count: due })}</p>
            <div className="mt-4 flex justify-end gap-2">
              <Button variant="secondary" disabled={pending} onClick={() => setConfirming(false)}>
                {t("keep")}
              </Button>
              <Button variant="danger" disabled={pending} onClick={run}>
                {pending ? t("erasing") : t("erase", { count: due })}
              </Button>
            </div>
          </DialogContent>
        </Dialog>
      ) : null}
    </Card>
  );
}
