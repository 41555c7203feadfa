"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { applyFieldErrors } from "@/components/forms/apply-field-errors";
import { FormDateInput } from "@/components/forms/form-date-input";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/input";
import { setVolumeAction } from "@/lib/metric/actions";
import { volumeSchema } from "@/lib/metric/validations";

type FormValues = z.input<typeof volumeSchema>;

export function VolumeForm({
  markets,
  products,
  defaultMarket,
}: {
  markets: { code: string; name: string }[];
  products: { id: string; name: string }[];
  defaultMarket: string;
}) {
  const t = useTranslations("volumes.form");
  const form = useForm<FormValues, unknown, z.output<typeof volumeSchema>>({
    resolver: zodResolver(volumeSchema),
    defaultValues: { market: defaultMarket, month: "", productId: "", purchases: "" as unknown as number },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await setVolumeAction(values);
    if ("data" in result) {
      const { inserted, updated } = result.data;
      const what = { market: values.market, month: values.month };
      toast.success(inserted ? t("saved", what) : updated ? t("replaced", what) : t("unchanged"));
      form.reset({ ...values, month: "", purchases: "" as unknown as number });
    } else if (!applyFieldErrors(form.setError, result.fieldErrors)) {
      toast.error(result.error.message);
    }
  });
  return (
    <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2" noValidate>
      <Field label={t("market")} htmlFor="volume-market" error={errors.market?.message}>
        <Select id="volume-market" {...form.register("market")}>
          {markets.map((m) => (
            <option key={m.code} value={m.code}>
              {m.name} ({m.code})
            </option>
          ))}
        </Select>
      </Field>
      <FormDateInput
        control={form.control}
        name="month"
        id="volume-month"
        label={t("month")}
        precision="month"
        hint={t("monthHint")}
      />
      <Field label={t("product")} htmlFor="volume-product" error={errors.productId?.message}>
        <Select id="volume-product" {...form.register("productId")}>
          <option value="">{t("marketTotal")}</option>
          {products.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("purchases")} htmlFor="volume-purchases" error={errors.purchases?.message}>
        <Input
          id="volume-purchases"
          inputMode="numeric"
          aria-invalid={!!errors.purchases}
          {...form.register("purchases")}
        />
      </Field>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("saving") : t("save")}
        </Button>
      </div>
    </form>
  );
}
