"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import type { SaidConcern } from "@/lib/metric/publication-guard";
import type { MutationResult } from "@/lib/operations/result";

type Pending = { concerns: SaidConcern[]; retry: () => void };

/** The concerns a refused publication named, if that is why it was refused. */
export function concernsOf(result: MutationResult<unknown>): SaidConcern[] | null {
  if (!("error" in result) || result.error.code !== "conflict") return null;
  const details = result.error.details as { concerns?: SaidConcern[] } | undefined;
  return details?.concerns?.length ? details.concerns : null;
}

/**
 * A publication with a concern (no counted complaints, a figure outside its control limits) is
 * refused until a person confirms it, having read the concern named here.
 */
export function useConfirmPublish() {
  const t = useTranslations("publication.confirm");
  const [pending, setPending] = useState<Pending | null>(null);
  const dialog = (
    <Dialog open={!!pending} onOpenChange={(open) => !open && setPending(null)}>
      <DialogContent title={t("title")} description={t("description")}>
        <ul className="list-disc space-y-1 pl-5 text-sm text-zinc-800">
          {pending?.concerns.map((c) => (
            <li key={`${c.month}-${c.kind}`}>{c.message}</li>
          ))}
        </ul>
        <div className="mt-4 flex justify-end gap-2">
          <DialogClose asChild>
            <Button variant="secondary">{t("cancel")}</Button>
          </DialogClose>
          <Button
            variant="danger"
            onClick={() => {
              const retry = pending?.retry;
              setPending(null);
              retry?.();
            }}
          >
            {t("confirm")}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
  return { dialog, ask: (concerns: SaidConcern[], retry: () => void) => setPending({ concerns, retry }) };
}
