"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { UseFormReturn } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { applyFieldErrors } from "@/components/forms/apply-field-errors";
import { checkSimilarAction, createComplaintAction } from "@/lib/complaints/actions";
import type { SimilarComplaint } from "@/lib/complaints/similar";
import type { complaintCreateSchema } from "@/lib/complaints/validations";

export type FormInput = z.input<typeof complaintCreateSchema>;
export type Output = z.output<typeof complaintCreateSchema>;
/** What the duplicate warning chose: link as a family of, or mark as a duplicate of, an earlier complaint. */
export type Link = { kind: "family" | "duplicate"; id: string; reference: string };

const linkFields = (link: Link | null) =>
  !link ? {} : link.kind === "family" ? { familyWithId: link.id } : { duplicateOfId: link.id };

/**
 * Saving a new complaint: first the duplicate check (its warning offers links), then the save. A link
 * chosen in the warning is kept when the save is refused (an authority to choose, say), so fixing the
 * field and saving again still links it.
 */
export function useComplaintSubmit(form: UseFormReturn<FormInput, unknown, Output>) {
  const t = useTranslations("complaintForm");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [similar, setSimilar] = useState<{ values: Output; matches: SimilarComplaint[] } | null>(null);
  const [link, setLink] = useState<Link | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  function save(values: Output, chosen: Link | null) {
    setLink(chosen);
    startTransition(async () => {
      const result = await createComplaintAction({ ...values, ...linkFields(chosen) });
      if ("error" in result) {
        setSimilar(null);
        if (!applyFieldErrors(form.setError, result.fieldErrors)) setFormError(result.error.message);
        return;
      }
      toast.success(t("logged", { reference: result.data.reference }));
      router.push(`/complaints/${result.data.id}`);
    });
  }

  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    // The warning was answered already: save with its answer.
    if (link) {
      save(values, link);
      return;
    }
    startTransition(async () => {
      const check = await checkSimilarAction({
        externalId: values.externalId || undefined,
        customerRef: values.customerRef ?? null,
        receivedOn: values.receivedOn,
        summary: values.summary,
      });
      const matches = "data" in check ? check.data : [];
      if (matches.length) setSimilar({ values, matches });
      else save(values, null);
    });
  });

  return {
    pending,
    similar,
    link,
    formError,
    onSubmit,
    save,
    dismissSimilar: () => setSimilar(null),
    forgetLink: () => setLink(null),
  };
}
