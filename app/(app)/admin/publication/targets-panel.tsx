"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { applyFieldErrors } from "@/components/forms/apply-field-errors";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/input";
import { useFormat } from "@/lib/i18n/hooks";
import { deleteTargetAction, setTargetAction } from "@/lib/metric/actions";
import { targetSchema } from "@/lib/metric/validations";

type Target = { year: number; kind: "absolute" | "reduction"; value: number };

export function TargetsPanel({ market, targets }: { market: string; targets: Target[] }) {
  const t = useTranslations("publication.targets");
  const format = useFormat();
  const [pending, start] = useTransition();
  const form = useForm<z.input<typeof targetSchema>, unknown, z.output<typeof targetSchema>>({
    resolver: zodResolver(targetSchema),
    values: { market, year: new Date().getFullYear(), kind: "reduction", value: 10 },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await setTargetAction(values);
    if ("data" in result) toast.success(t("saved", { market, year: String(values.year) }));
    else if (!applyFieldErrors(form.setError, result.fieldErrors)) toast.error(result.error.message);
  });
  const remove = (year: number) =>
    start(async () => {
      const result = await deleteTargetAction({ market, year });
      if ("data" in result) toast.success(t("removed", { year: String(year) }));
      else toast.error(result.error.message);
    });
  return (
    <div className="flex flex-col gap-4">
      {targets.length ? (
        <ul aria-label={t("label")} className="divide-y divide-zinc-100 text-sm">
          {[...targets].reverse().map((target) => (
            <li key={target.year} className="flex items-center justify-between py-1.5">
              <span>
                <span className="font-medium">{target.year}</span>:{" "}
                {target.kind === "absolute"
                  ? t("absolute", { value: format.number(target.value) })
                  : t("reduction", { value: format.number(target.value), previous: String(target.year - 1) })}
              </span>
              <Button
                variant="ghost"
                size="sm"
                disabled={pending}
                onClick={() => remove(target.year)}
                aria-label={t("removeLabel", { year: String(target.year) })}
              >
                {t("remove")}
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-zinc-600">{t("empty", { market })}</p>
      )}
      <form onSubmit={onSubmit} className="grid grid-cols-[6rem_minmax(0,1fr)_7rem_auto] items-end gap-3" noValidate>
        <Field label={t("year")} htmlFor="target-year" error={errors.year?.message}>
          <Input id="target-year" inputMode="numeric" {...form.register("year")} />
        </Field>
        <Field label={t("kind")} htmlFor="target-kind" error={errors.kind?.message}>
          <Select id="target-kind" {...form.register("kind")}>
            <option value="reduction">{t("reductionOption")}</option>
            <option value="absolute">{t("absoluteOption")}</option>
          </Select>
        </Field>
        <Field label={t("value")} htmlFor="target-value" error={errors.value?.message}>
          <Input id="target-value" inputMode="decimal" {...form.register("value")} />
        </Field>
        <Button type="submit" disabled={isSubmitting}>
          {t("set")}
        </Button>
      </form>
    </div>
  );
}
