"use client";

import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { installStarterAction } from "@/lib/taxonomies/actions";

/**
 * Offered while no root cause or category exists (a new installation's first step), and while a
 * market whose authorities are known has no deadline rules yet (a market just created).
 */
export function StarterTaxonomyCard({ empty, markets }: { empty: boolean; markets: string[] }) {
  const t = useTranslations("taxonomies.starter");
  const [pending, startTransition] = useTransition();
  return (
    <Card className="mb-4 flex flex-wrap items-center justify-between gap-3 p-4">
      <div className="max-w-2xl text-sm text-zinc-700">
        <p className="font-medium text-zinc-900">
          {empty ? t("empty") : t("missing", { markets: markets.join(", "), count: markets.length })}
        </p>
        <p>{t("about")}</p>
      </div>
      <Button
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await installStarterAction({});
            if ("error" in result) toast.error(result.error.message);
            else
              toast.success(
                t("installed", {
                  rootCauses: result.data.rootCauses.length,
                  categories: result.data.categories.length,
                  authorities: result.data.authorities.length,
                }),
              );
          })
        }
      >
        {pending ? t("installing") : t("install")}
      </Button>
    </Card>
  );
}
