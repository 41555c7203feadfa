"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { DateInput } from "@/components/ui/date-input";
import { publishThroughAction } from "@/lib/metric/actions";
import { concernsOf, useConfirmPublish } from "./confirm-publish";

/** Publishes every unpublished month of the market up to the chosen one, all or nothing. */
export function PublishThroughForm({ market }: { market: string }) {
  const t = useTranslations("publication.through");
  const [through, setThrough] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);
  const confirmation = useConfirmPublish();
  async function publish(confirm: boolean) {
    setPending(true);
    setError(undefined);
    const result = await publishThroughAction({ market, through, confirm });
    setPending(false);
    const concerns = concernsOf(result);
    if (concerns) {
      confirmation.ask(concerns, () => publish(true));
      return;
    }
    if ("data" in result) {
      toast.success(result.data.length ? t("published", { count: result.data.length, market }) : t("nothing"));
    } else {
      setError(result.fieldErrors?.through?.[0] ?? result.error.message);
    }
  }
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void publish(false);
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" noValidate>
      {confirmation.dialog}
      <DateInput
        id="publish-through"
        label={t("label")}
        precision="month"
        value={through}
        onChange={(value) => setThrough(value)}
        error={error}
        className="min-w-64"
      />
      <Button type="submit" disabled={pending || !through}>
        {pending ? t("publishing") : t("publish")}
      </Button>
    </form>
  );
}
