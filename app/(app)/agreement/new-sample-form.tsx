"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { applyFieldErrors } from "@/components/forms/apply-field-errors";
import { FormDateInput } from "@/components/forms/form-date-input";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/input";
import { createAgreementSampleAction } from "@/lib/root-causes/agreement-actions";
import { createSampleSchema } from "@/lib/root-causes/agreement-validations";

type FormValues = z.input<typeof createSampleSchema>;

/** Draws a new sample: its name, the two coders, how many complaints and from where. */
export function NewSampleForm({
  coders,
  markets,
}: {
  coders: { id: string; name: string }[];
  markets: { code: string; name: string }[];
}) {
  const t = useTranslations("agreement.form");
  const router = useRouter();
  const form = useForm<FormValues, unknown, z.output<typeof createSampleSchema>>({
    resolver: zodResolver(createSampleSchema),
    defaultValues: { name: "", coderA: "", coderB: "", size: 30, market: "", from: "", to: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await createAgreementSampleAction(values);
    if ("data" in result) {
      toast.success(t("drawn", { size: result.data.size }));
      router.push(`/agreement/${result.data.id}`);
    } else if (!applyFieldErrors(form.setError, result.fieldErrors)) {
      form.setError("root", { message: result.error.message });
    }
  });
  const coderOptions = (
    <>
      <option value="">{t("chooseReviewer")}</option>
      {coders.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
        </option>
      ))}
    </>
  );
  return (
    <form aria-label={t("label")} onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      <Field label={t("name")} htmlFor="sample-name" error={errors.name?.message} className="sm:col-span-2">
        <Input id="sample-name" aria-invalid={!!errors.name} {...form.register("name")} />
      </Field>
      <Field label={t("coderA")} htmlFor="sample-coder-a" error={errors.coderA?.message}>
        <Select id="sample-coder-a" aria-invalid={!!errors.coderA} {...form.register("coderA")}>
          {coderOptions}
        </Select>
      </Field>
      <Field label={t("coderB")} htmlFor="sample-coder-b" error={errors.coderB?.message}>
        <Select id="sample-coder-b" aria-invalid={!!errors.coderB} {...form.register("coderB")}>
          {coderOptions}
        </Select>
      </Field>
      <Field label={t("size")} htmlFor="sample-size" error={errors.size?.message} hint={t("sizeHint")}>
        <Input id="sample-size" inputMode="numeric" aria-invalid={!!errors.size} {...form.register("size")} />
      </Field>
      <Field label={t("market")} htmlFor="sample-market" error={errors.market?.message}>
        <Select id="sample-market" {...form.register("market")}>
          <option value="">{t("allMarkets")}</option>
          {markets.map((m) => (
            <option key={m.code} value={m.code}>
              {m.name}
            </option>
          ))}
        </Select>
      </Field>
      {(["from", "to"] as const).map((name) => (
        <FormDateInput
          key={name}
          control={form.control}
          name={name}
          id={`sample-${name}`}
          label={t(name)}
          precision="month"
        />
      ))}
      <div className="flex items-end justify-between gap-4 sm:col-span-2 lg:col-span-4">
        <FormError message={errors.root?.message} />
        <Button type="submit" disabled={isSubmitting} className="ml-auto">
          {isSubmitting ? t("drawing") : t("draw")}
        </Button>
      </div>
    </form>
  );
}
