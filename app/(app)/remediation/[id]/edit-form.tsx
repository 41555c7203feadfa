"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { applyFieldErrors } from "@/components/forms/apply-field-errors";
import { FormFooter } from "@/components/forms/form-footer";
import { Button } from "@/components/ui/button";
import { Field, Input, Textarea } from "@/components/ui/input";
import { updateRemediationActionAction } from "@/lib/remediation/actions";
import type { RemediationDetail, RemediationOptions } from "@/lib/remediation/detail-query";
import { remediationEditFormSchema } from "@/lib/remediation/validations";
import { ScopeFields } from "../scope-fields";

type FormInput = z.input<typeof remediationEditFormSchema>;
type Output = z.output<typeof remediationEditFormSchema>;

/** Every field of the action, for reviewers and admins; saved with the version the page was read at. */
export function EditForm({
  action,
  options,
  onDone,
}: {
  action: RemediationDetail["action"];
  options: RemediationOptions;
  onDone: () => void;
}) {
  const t = useTranslations("remediation.form");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormInput, unknown, Output>({
    resolver: zodResolver(remediationEditFormSchema),
    defaultValues: {
      title: action.title,
      description: action.description ?? "",
      notes: action.notes ?? "",
      ownerId: action.ownerId ?? "",
      market: action.market ?? "",
      productId: action.productId ?? "",
      dueOn: action.dueOn ?? "",
    },
  });
  const { register, control, formState, setError } = form;
  const errors = formState.errors;

  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    startTransition(async () => {
      const result = await updateRemediationActionAction({ id: action.id, version: action.version, changes: values });
      if ("error" in result) {
        const prefixed =
          result.fieldErrors &&
          Object.fromEntries(Object.entries(result.fieldErrors).map(([k, v]) => [k.replace(/^changes\./, ""), v]));
        if (!applyFieldErrors(setError, prefixed)) setFormError(result.error.message);
        return;
      }
      toast.success(t("saved"));
      onDone();
      router.refresh();
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-5 md:grid-cols-2">
      <Field label={t("title")} htmlFor="title" error={errors.title?.message} className="md:col-span-2">
        <Input id="title" {...register("title")} aria-invalid={errors.title ? true : undefined} />
      </Field>
      <Field
        label={t("description")}
        htmlFor="description"
        error={errors.description?.message}
        className="md:col-span-2"
      >
        <Textarea id="description" rows={4} {...register("description")} />
      </Field>
      <ScopeFields options={options} register={register} control={control} errors={errors} />
      <Field label={t("notes")} htmlFor="notes" error={errors.notes?.message} className="md:col-span-2">
        <Textarea id="notes" rows={3} {...register("notes")} />
      </Field>
      <FormFooter
        error={formError}
        pending={pending}
        submitLabel={t("save")}
        cancel={
          <Button type="button" variant="ghost" onClick={onDone}>
            {t("cancel")}
          </Button>
        }
      />
    </form>
  );
}
