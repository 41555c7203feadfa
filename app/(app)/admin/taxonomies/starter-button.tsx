"use client";

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
  const [pending, startTransition] = useTransition();
  return (
    <Card className="mb-4 flex flex-wrap items-center justify-between gap-3 p-4">
      <div className="max-w-2xl text-sm text-zinc-700">
        <p className="font-medium text-zinc-900">
          {empty
            ? "The taxonomies are empty."
            : `${markets.join(", ")} ${markets.length === 1 ? "has" : "have"} no authorities or deadline rules yet.`}
        </p>
        <p>
          The starter taxonomy holds the nine root causes with descriptions, the two-level category tree, and for each
          market whose authorities are known (SE, NO, DK, FI, DE) its four authorities and default deadlines. Only what
          is missing is added: no complaints, products or volumes, and everything stays editable.
        </p>
      </div>
      <Button
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await installStarterAction({});
            if ("error" in result) toast.error(result.error.message);
            else
              toast.success(
                `Installed ${result.data.rootCauses.length} root causes, ${result.data.categories.length} categories and ${result.data.authorities.length} authorities`,
              );
          })
        }
      >
        {pending ? "Installing…" : "Install starter taxonomy"}
      </Button>
    </Card>
  );
}
