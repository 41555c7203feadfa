"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { Controller, type UseFormReturn } from "react-hook-form";
import { DateInput } from "@/components/ui/date-input";
import { Field, Input, Select, Textarea } from "@/components/ui/input";
import { MIN_DATE } from "@/lib/bounds";
import type { ComplaintOptions } from "@/lib/complaints/options";
import { CHANNELS, JOURNEY_STAGES, SEVERITIES } from "@/lib/domain/values";
import { useCodes } from "@/lib/i18n/hooks";
import type { FormInput, Output } from "./use-complaint-submit";

/** The new complaint's fields; the authority list follows the market and channel. */
export function ComplaintFormFields({
  form,
  options,
  today,
}: {
  form: UseFormReturn<FormInput, unknown, Output>;
  options: ComplaintOptions;
  today: string;
}) {
  const t = useTranslations("complaintForm");
  const field = useTranslations("complaint.fields");
  const common = useTranslations("common");
  const complaintWords = useTranslations("complaint");
  const assigneeLabel = complaintWords("assignee");
  const notAssessed = complaintWords("notAssessed");
  const codes = useCodes();
  const { register, watch, formState } = form;
  const errors = formState.errors;
  const market = watch("market");
  const channel = watch("channel");
  const summary = watch("summary") ?? "";
  const authorities = options.authorities.filter((a) => a.market === market && a.channel === channel);
  const onlyAuthority = channel !== "customer_service" && authorities.length === 1 ? authorities[0]?.id : undefined;
  // A choice of one is made for the user: the only authority of its kind in the market is the one.
  useEffect(() => {
    if (onlyAuthority) form.setValue("authorityId", onlyAuthority);
  }, [onlyAuthority, form]);

  const aria = (name: keyof FormInput) => ({
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `${name}-error` : undefined,
  });

  return (
    <>
      <Controller
        control={form.control}
        name="receivedOn"
        render={({ field: control, fieldState }) => (
          <DateInput
            id="receivedOn"
            label={field("receivedOn")}
            min={MIN_DATE}
            max={today}
            value={control.value}
            onChange={(value) => control.onChange(value)}
            onBlur={control.onBlur}
            inputRef={control.ref}
            error={fieldState.error?.message}
          />
        )}
      />
      <Field
        label={field("externalId")}
        htmlFor="externalId"
        error={errors.externalId?.message}
        hint={t("externalIdHint")}
      >
        <Input id="externalId" {...register("externalId")} {...aria("externalId")} />
      </Field>
      <Field label={field("market")} htmlFor="market" error={errors.market?.message}>
        <Select
          id="market"
          {...register("market", { onChange: () => form.setValue("authorityId", "") })}
          {...aria("market")}
        >
          {options.markets.map((m) => (
            <option key={m.code} value={m.code}>
              {m.name} ({m.code})
            </option>
          ))}
        </Select>
      </Field>
      <Field label={field("channel")} htmlFor="channel" error={errors.channel?.message}>
        <Select
          id="channel"
          {...register("channel", { onChange: () => form.setValue("authorityId", "") })}
          {...aria("channel")}
        >
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {codes.channel[c]}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label={field("authority")}
        htmlFor="authorityId"
        error={errors.authorityId?.message}
        hint={
          channel === "customer_service"
            ? t("authorityCustomerService")
            : authorities.length
              ? undefined
              : t("noAuthority")
        }
      >
        <Select
          id="authorityId"
          disabled={channel === "customer_service" || authorities.length === 0}
          {...register("authorityId")}
          {...aria("authorityId")}
        >
          <option value="">{channel === "customer_service" ? t("noneAuthority") : t("chooseAuthority")}</option>
          {authorities.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
              {a.shortName ? ` (${a.shortName})` : ""}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={field("product")} htmlFor="productId" error={errors.productId?.message}>
        <Select id="productId" {...register("productId")} {...aria("productId")}>
          <option value="">{common("notKnown")}</option>
          {options.products.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={field("category")} htmlFor="categoryId" error={errors.categoryId?.message}>
        <Select id="categoryId" {...register("categoryId")} {...aria("categoryId")}>
          <option value="">{complaintWords("notCategorised")}</option>
          {options.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={field("journeyStage")} htmlFor="journeyStage" error={errors.journeyStage?.message}>
        <Select id="journeyStage" {...register("journeyStage")} {...aria("journeyStage")}>
          <option value="">{common("notKnown")}</option>
          {JOURNEY_STAGES.map((s) => (
            <option key={s} value={s}>
              {codes.journeyStage[s]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={field("severity")} htmlFor="severity" error={errors.severity?.message}>
        <Select id="severity" {...register("severity")} {...aria("severity")}>
          <option value="">{notAssessed}</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {codes.severity[s]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={field("appUser")} htmlFor="appUser" error={errors.appUser?.message}>
        <Select
          id="appUser"
          {...register("appUser", {
            setValueAs: (v) => (v === "" || v === null ? null : v === true || v === "true"),
          })}
        >
          <option value="">{common("notKnown")}</option>
          <option value="true">{common("yes")}</option>
          <option value="false">{common("no")}</option>
        </Select>
      </Field>
      <Field
        label={field("customerRef")}
        htmlFor="customerRef"
        error={errors.customerRef?.message}
        hint={t("customerRefHint")}
      >
        <Input id="customerRef" {...register("customerRef")} {...aria("customerRef")} />
      </Field>
      <Field label={assigneeLabel} htmlFor="assigneeId" error={errors.assigneeId?.message}>
        <Select id="assigneeId" {...register("assigneeId")} {...aria("assigneeId")}>
          <option value="">{common("unassigned")}</option>
          {options.assignees.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label={field("summary")}
        htmlFor="summary"
        error={errors.summary?.message}
        hint={t("summaryCount", { count: summary.length })}
        className="md:col-span-2"
      >
        <Input id="summary" {...register("summary")} {...aria("summary")} />
      </Field>
      <Field
        label={field("narrative")}
        htmlFor="narrative"
        error={errors.narrative?.message}
        hint={t("narrativeHint")}
        className="md:col-span-2"
      >
        <Textarea id="narrative" rows={6} {...register("narrative")} {...aria("narrative")} />
      </Field>
    </>
  );
}
