"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { INTL_LOCALE } from "@/lib/i18n/locales";
import { formatFigure } from "@/lib/metric/format";
import type { PublicationConcern } from "@/lib/metric/publication-guard";
import type { MutationResult } from "@/lib/operations/result";

type Pending = { concerns: PublicationConcern[]; retry: () => void };

/** The concerns a refused publication named, if that is why it was refused. */
export function concernsOf(result: MutationResult<unknown>): PublicationConcern[] | null {
  if (!("error" in result) || result.error.code !== "conflict") return null;
  const details = result.error.details as { concerns?: PublicationConcern[] } | undefined;
  return details?.concerns?.length ? details.concerns : null;
}

/**
 * A publication with a concern (no counted complaints, a figure outside its control limits) is
 * refused until a person confirms it, having read the concern named here.
 */
export function useConfirmPublish() {
  const t = useTranslations("publication.confirm");
  const intl = INTL_LOCALE[useLocale()];
  const [pending, setPending] = useState<Pending | null>(null);
  const say = (c: PublicationConcern) => {
    if (c.kind === "no_complaints") return t("noComplaints", { month: c.month });
    if (!c.figures) return c.message;
    const figure = (value: number) => formatFigure(value, 1, intl);
    return t(c.kind === "above_limits" ? "aboveLimits" : "belowLimits", {
      month: c.month,
      figure: figure(c.figures.perMillion),
      lower: figure(c.figures.lower),
      upper: figure(c.figures.upper),
    });
  };
  const dialog = (
    <Dialog open={!!pending} onOpenChange={(open) => !open && setPending(null)}>
      <DialogContent title={t("title")} description={t("description")}>
        <ul className="list-disc space-y-1 pl-5 text-sm text-zinc-800">
          {pending?.concerns.map((c) => (
            <li key={`${c.month}-${c.kind}`}>{say(c)}</li>
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
  return { dialog, ask: (concerns: PublicationConcern[], retry: () => void) => setPending({ concerns, retry }) };
}
