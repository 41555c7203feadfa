"use client";

import { useTranslations } from "next-intl";
import { type Control, Controller, type FieldErrors, type UseFormRegister } from "react-hook-form";
import { DateInput } from "@/components/ui/date-input";
import { Field, Select } from "@/components/ui/input";
import type { RemediationOptions } from "@/lib/remediation/detail-query";

type ScopeValues = {
  ownerId?: string | null;
  market?: string | null;
  productId?: string | null;
  dueOn?: string | null;
};

/** Owner, market, product and due date: the fields the new-action and edit forms share. */
export function ScopeFields<T extends ScopeValues>({
  options,
  register,
  control,
  errors,
}: {
  options: RemediationOptions;
  register: UseFormRegister<T>;
  control: Control<T>;
  errors: FieldErrors<T>;
}) {
  const t = useTranslations("remediation");
  // The shared fields are named alike in both forms; the casts only widen the form's own type.
  const reg = register as unknown as UseFormRegister<ScopeValues>;
  const err = errors as FieldErrors<ScopeValues>;
  const aria = (name: keyof ScopeValues) => ({
    "aria-invalid": err[name] ? true : undefined,
    "aria-describedby": err[name] ? `${name}-error` : undefined,
  });
  return (
    <>
      <Field label={t("form.owner")} htmlFor="ownerId" error={err.ownerId?.message} hint={t("form.ownerHint")}>
        <Select id="ownerId" {...reg("ownerId")} {...aria("ownerId")}>
          <option value="">{t("details.noOwnerYet")}</option>
          {options.owners.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </Select>
      </Field>
      <Controller
        control={control as unknown as Control<ScopeValues>}
        name="dueOn"
        render={({ field, fieldState }) => (
          <DateInput
            id="dueOn"
            label={t("form.dueDate")}
            value={field.value}
            onChange={(value) => field.onChange(value)}
            onBlur={field.onBlur}
            inputRef={field.ref}
            error={fieldState.error?.message ?? err.dueOn?.message}
          />
        )}
      />
      <Field label={t("form.market")} htmlFor="market" error={err.market?.message} hint={t("form.marketHint")}>
        <Select id="market" {...reg("market")} {...aria("market")}>
          <option value="">{t("allMarkets")}</option>
          {options.markets.map((m) => (
            <option key={m.code} value={m.code}>
              {t("marketName", { name: m.name, code: m.code })}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("form.product")} htmlFor="productId" error={err.productId?.message} hint={t("form.productHint")}>
        <Select id="productId" {...reg("productId")} {...aria("productId")}>
          <option value="">{t("everyProduct")}</option>
          {options.products.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
    </>
  );
}
