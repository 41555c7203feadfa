"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { runRetentionAction } from "@/lib/privacy/actions";

/** Erases what the rules make due now, after a confirmation that says how much that is. */
export function RunRetention({ due }: { due: number }) {
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  const run = () =>
    startTransition(async () => {
      const result = await runRetentionAction({ dryRun: false });
      setConfirming(false);
      if ("error" in result) toast.error(result.error.message);
      else
        toast.success(
          `Personal data erased from ${result.data.erased.toLocaleString("en-GB")} ${result.data.erased === 1 ? "complaint" : "complaints"}`,
        );
    });
  return (
    <Card>
      <CardHeader>
        <CardTitle>Run now</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-wrap items-center justify-between gap-4">
        <p className="text-sm text-zinc-700">
          {due === 0
            ? "Nothing is due: every closed complaint is within its market's rule."
            : `${due.toLocaleString("en-GB")} closed ${due === 1 ? "complaint is" : "complaints are"} past their market's rule.`}
        </p>
        <Button variant="danger" disabled={due === 0 || pending} onClick={() => setConfirming(true)}>
          Erase due personal data
        </Button>
      </CardContent>
      {confirming ? (
        <Dialog open onOpenChange={(open) => !open && !pending && setConfirming(false)}>
          <DialogContent title="Erase personal data now?">
            <p className="text-sm text-zinc-700">
              The customer reference and narrative of {due.toLocaleString("en-GB")} complaints will be erased for good,
              and personal data masked in their texts and audit history. This cannot be undone.
            </p>
            <div className="mt-4 flex justify-end gap-2">
              <Button variant="secondary" disabled={pending} onClick={() => setConfirming(false)}>
                Keep it
              </Button>
              <Button variant="danger" disabled={pending} onClick={run}>
                {pending ? "Erasing…" : `Erase ${due.toLocaleString("en-GB")}`}
              </Button>
            </div>
          </DialogContent>
        </Dialog>
      ) : null}
    </Card>
  );
}
