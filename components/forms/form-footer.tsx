import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** The end of a two-column form: the error the fields could not show, an optional cancel, and submit. */
export function FormFooter({
  error,
  pending,
  submitLabel,
  cancel,
}: {
  error: string | null;
  pending: boolean;
  submitLabel: string;
  cancel?: ReactNode;
}) {
  const t = useTranslations("errorPages");
  return (
    <>
      {error ? (
        <Alert tone="danger" className="md:col-span-2">
          {error}
        </Alert>
      ) : null}
      <div className="flex justify-end gap-2 md:col-span-2">
        {cancel}
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : submitLabel}
        </Button>
      </div>
    </>
  );
}
