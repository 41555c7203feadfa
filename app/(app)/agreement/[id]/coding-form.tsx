"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { applyFieldErrors } from "@/components/forms/apply-field-errors";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { saveAgreementCodingAction } from "@/lib/root-causes/agreement-actions";

// The form's one field; "none" stands for "no root cause fits" (the action stores it as null).
const schemaFor = (message: string) => z.object({ rootCauseId: z.string().min(1, message) });

/** One complaint's code: the root cause the coder judges primary, or none; then on to the next. */
export function CodingForm({
  sampleId,
  complaintId,
  current,
  rootCauses,
  next,
}: {
  sampleId: string;
  complaintId: string;
  /** The coder's earlier code: undefined if none yet, null for "none of these". */
  current: string | null | undefined;
  rootCauses: { id: string; name: string }[];
  /** Where to go after saving. */
  next: string;
}) {
  const t = useTranslations("agreement.coding");
  const router = useRouter();
  const form = useForm<z.infer<ReturnType<typeof schemaFor>>>({
    resolver: zodResolver(schemaFor(t("choose"))),
    defaultValues: { rootCauseId: current === undefined ? "" : (current ?? "none") },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async ({ rootCauseId }) => {
    const result = await saveAgreementCodingAction({ sampleId, complaintId, rootCauseId });
    if ("data" in result) router.push(next);
    else if (!applyFieldErrors(form.setError, result.fieldErrors))
      form.setError("root", { message: result.error.message });
  });
  const options = [...rootCauses, { id: "none", name: t("none") }];
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <fieldset aria-describedby={errors.rootCauseId ? "code-error" : undefined}>
        <legend className="mb-2 text-sm font-medium text-zinc-800">{t("legend")}</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {options.map((o) => (
            <label
              key={o.id}
              className="flex items-center gap-2 rounded-md border border-zinc-200 px-3 py-2 text-sm hover:bg-zinc-50 has-[:checked]:border-zinc-900 has-[:checked]:bg-zinc-50"
            >
              <input type="radio" value={o.id} {...form.register("rootCauseId")} />
              {o.name}
            </label>
          ))}
        </div>
        {errors.rootCauseId ? (
          <p id="code-error" role="alert" className="mt-2 text-xs font-medium text-red-600">
            {errors.rootCauseId.message}
          </p>
        ) : null}
      </fieldset>
      <FormError message={errors.root?.message} />
      <div className="flex justify-end">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("saving") : t("save")}
        </Button>
      </div>
    </form>
  );
}
