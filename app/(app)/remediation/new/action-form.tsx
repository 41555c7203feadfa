"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { applyFieldErrors } from "@/components/forms/apply-field-errors";
import { FormFooter } from "@/components/forms/form-footer";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Field, Input, Select, Textarea } from "@/components/ui/input";
import { createRemediationActionAction } from "@/lib/remediation/actions";
import type { RemediationOptions } from "@/lib/remediation/detail-query";
import { remediationCreateSchema } from "@/lib/remediation/validations";
import { ScopeFields } from "../scope-fields";

type FormInput = z.input<typeof remediationCreateSchema>;
type Output = z.output<typeof remediationCreateSchema>;

const splitReferences = (value: unknown) =>
  typeof value === "string" ? value.split(/[\s,;]+/).filter(Boolean) : value;

/** Proposes a new action: what it changes, who owns it, its scope, and the root causes it should remove. */
export function ActionForm({
  options,
  initial,
}: {
  options: RemediationOptions;
  initial?: { rootCauseIds: string[]; market: string; productId: string; title: string; ownerId: string };
}) {
  const t = useTranslations("remediation.form");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormInput, unknown, Output>({
    resolver: zodResolver(remediationCreateSchema),
    defaultValues: {
      title: initial?.title ?? "",
      description: "",
      ownerId: initial?.ownerId ?? "",
      market: initial?.market ?? "",
      productId: initial?.productId ?? "",
      dueOn: "",
      rootCauseIds: initial?.rootCauseIds ?? [],
      evidenceReferences: [],
    },
  });
  const { register, control, formState, setError } = form;
  const errors = formState.errors;
  const aria = (name: keyof FormInput) => ({
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `${name}-error` : undefined,
  });

  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    startTransition(async () => {
      const result = await createRemediationActionAction(values);
      if ("error" in result) {
        if (!applyFieldErrors(setError, result.fieldErrors)) setFormError(result.error.message);
        return;
      }
      toast.success(t("proposed"));
      router.push(`/remediation/${result.data.id}`);
    });
  });

  return (
    <Card>
      <CardContent>
        <form onSubmit={onSubmit} noValidate className="grid gap-5 md:grid-cols-2">
          <Field label={t("title")} htmlFor="title" error={errors.title?.message} className="md:col-span-2">
            <Input id="title" {...register("title")} {...aria("title")} />
          </Field>
          <Field
            label={t("description")}
            htmlFor="description"
            error={errors.description?.message}
            hint={t("descriptionHint")}
            className="md:col-span-2"
          >
            <Textarea id="description" rows={4} {...register("description")} {...aria("description")} />
          </Field>
          <ScopeFields options={options} register={register} control={control} errors={errors} />
          <Field
            label={t("rootCauses")}
            htmlFor="rootCauseIds"
            error={errors.rootCauseIds?.message}
            hint={t("rootCausesHint")}
          >
            <Select
              id="rootCauseIds"
              multiple
              className="h-44 py-1"
              {...register("rootCauseIds")}
              {...aria("rootCauseIds")}
            >
              {options.rootCauses.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label={t("evidence")}
            htmlFor="evidenceReferences"
            error={errors.evidenceReferences?.message ?? errors.evidenceReferences?.[0]?.message}
            hint={t("evidenceHint")}
          >
            <Input
              id="evidenceReferences"
              {...register("evidenceReferences", { setValueAs: splitReferences })}
              {...aria("evidenceReferences")}
            />
          </Field>
          <FormFooter
            error={formError}
            pending={pending}
            submitLabel={t("propose")}
            cancel={
              <Button asChild variant="ghost">
                <Link href="/remediation">{t("cancel")}</Link>
              </Button>
            }
          />
        </form>
      </CardContent>
    </Card>
  );
}
