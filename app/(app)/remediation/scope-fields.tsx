"use client";

import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { Field, Input, Select } from "@/components/ui/input";
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
  errors,
}: {
  options: RemediationOptions;
  register: UseFormRegister<T>;
  errors: FieldErrors<T>;
}) {
  // The shared fields are named alike in both forms; the casts only widen the form's own type.
  const reg = register as unknown as UseFormRegister<ScopeValues>;
  const err = errors as FieldErrors<ScopeValues>;
  const aria = (name: keyof ScopeValues) => ({
    "aria-invalid": err[name] ? true : undefined,
    "aria-describedby": err[name] ? `${name}-error` : undefined,
  });
  return (
    <>
      <Field
        label="Owner"
        htmlFor="ownerId"
        error={err.ownerId?.message}
        hint="Usually the product manager of the product."
      >
        <Select id="ownerId" {...reg("ownerId")} {...aria("ownerId")}>
          <option value="">No owner yet</option>
          {options.owners.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Due date" htmlFor="dueOn" error={err.dueOn?.message}>
        <Input id="dueOn" type="date" {...reg("dueOn")} {...aria("dueOn")} />
      </Field>
      <Field
        label="Market"
        htmlFor="market"
        error={err.market?.message}
        hint="The market whose complaints the check counts."
      >
        <Select id="market" {...reg("market")} {...aria("market")}>
          <option value="">All markets</option>
          {options.markets.map((m) => (
            <option key={m.code} value={m.code}>
              {m.name} ({m.code})
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label="Product"
        htmlFor="productId"
        error={err.productId?.message}
        hint="Optional: the check then uses the product's own purchase volumes."
      >
        <Select id="productId" {...reg("productId")} {...aria("productId")}>
          <option value="">Every product</option>
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
