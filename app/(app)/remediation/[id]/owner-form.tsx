"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { applyFieldErrors } from "@/components/forms/apply-field-errors";
import { FormDateInput } from "@/components/forms/form-date-input";
import { FormFooter } from "@/components/forms/form-footer";
import { Field, Select, Textarea } from "@/components/ui/input";
import type { RemediationStatus } from "@/lib/domain/values";
import { useCodes } from "@/lib/i18n/hooks";
import { updateRemediationActionAction } from "@/lib/remediation/actions";
import type { RemediationChangesInput } from "@/lib/remediation/validations";
import { remediationOwnerFormSchema } from "@/lib/remediation/validations";
import { nextStatusesFor } from "@/lib/remediation/workflow";

type FormInput = z.input<typeof remediationOwnerFormSchema>;
type Output = z.output<typeof remediationOwnerFormSchema>;

/** The owning product manager's form: move the status along the workflow and keep the notes. */
export function OwnerForm({
  action,
  today,
}: {
  action: { id: string; version: number; status: RemediationStatus; notes: string | null; shippedOn: string | null };
  today: string;
}) {
  const t = useTranslations("remediation.form");
  const codes = useCodes();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormInput, unknown, Output>({
    resolver: zodResolver(remediationOwnerFormSchema),
    defaultValues: { status: action.status, notes: action.notes ?? "", shippedOn: action.shippedOn ?? "" },
  });
  const { register, formState, setError, watch } = form;
  const errors = formState.errors;
  const status = watch("status");

  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    const changes: RemediationChangesInput = {};
    if (values.status !== action.status) changes.status = values.status;
    // The shipped date goes with the move to shipped (a correction later is a reviewer's edit).
    if (values.status === "shipped" && action.status !== "shipped" && values.shippedOn !== action.shippedOn)
      changes.shippedOn = values.shippedOn;
    if ((values.notes ?? null) !== (action.notes ?? null)) changes.notes = values.notes;
    if (!Object.keys(changes).length) {
      setFormError(t("nothingChanged"));
      return;
    }
    startTransition(async () => {
      const result = await updateRemediationActionAction({ id: action.id, version: action.version, changes });
      if ("error" in result) {
        const fields =
          result.fieldErrors &&
          Object.fromEntries(Object.entries(result.fieldErrors).map(([k, v]) => [k.replace(/^changes\./, ""), v]));
        if (!applyFieldErrors(setError, fields)) setFormError(result.error.message);
        return;
      }
      toast.success(t("statusSaved"));
      router.refresh();
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 md:grid-cols-2">
      <Field label={t("status")} htmlFor="owner-status" error={errors.status?.message}>
        <Select id="owner-status" {...register("status")}>
          {[action.status, ...nextStatusesFor(action.status, false)].map((s) => (
            <option key={s} value={s}>
              {codes.remediationStatus[s]}
            </option>
          ))}
        </Select>
      </Field>
      {status === "shipped" && action.status !== "shipped" ? (
        <FormDateInput control={form.control} name="shippedOn" id="shippedOn" label={t("shippedOn")} max={today} />
      ) : null}
      <Field label={t("notes")} htmlFor="owner-notes" error={errors.notes?.message} className="md:col-span-2">
        <Textarea id="owner-notes" rows={3} {...register("notes")} />
      </Field>
      <FormFooter error={formError} pending={pending} submitLabel={t("saveStatus")} />
    </form>
  );
}
