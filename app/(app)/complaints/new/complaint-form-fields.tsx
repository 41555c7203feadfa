"use client";

import { useEffect } from "react";
import type { UseFormReturn } from "react-hook-form";
import { Field, Input, Select, Textarea } from "@/components/ui/input";
import { CHANNEL_LABELS, JOURNEY_STAGE_LABELS, SEVERITY_LABELS } from "@/lib/complaints/labels";
import type { ComplaintOptions } from "@/lib/complaints/options";
import { CHANNELS, JOURNEY_STAGES, SEVERITIES } from "@/lib/domain/values";
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
      <Field label="Received on" htmlFor="receivedOn" error={errors.receivedOn?.message}>
        <Input id="receivedOn" type="date" max={today} {...register("receivedOn")} {...aria("receivedOn")} />
      </Field>
      <Field
        label="External id"
        htmlFor="externalId"
        error={errors.externalId?.message}
        hint="The id in the source system; leave empty to use the reference."
      >
        <Input id="externalId" {...register("externalId")} {...aria("externalId")} />
      </Field>
      <Field label="Market" htmlFor="market" error={errors.market?.message}>
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
      <Field label="Channel" htmlFor="channel" error={errors.channel?.message}>
        <Select
          id="channel"
          {...register("channel", { onChange: () => form.setValue("authorityId", "") })}
          {...aria("channel")}
        >
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {CHANNEL_LABELS[c]}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label="Authority"
        htmlFor="authorityId"
        error={errors.authorityId?.message}
        hint={
          channel === "customer_service"
            ? "Only for complaints registered with an authority."
            : authorities.length
              ? undefined
              : "No authority of this kind is registered for the market."
        }
      >
        <Select
          id="authorityId"
          disabled={channel === "customer_service" || authorities.length === 0}
          {...register("authorityId")}
          {...aria("authorityId")}
        >
          <option value="">{channel === "customer_service" ? "None" : "Choose the authority"}</option>
          {authorities.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
              {a.shortName ? ` (${a.shortName})` : ""}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Product" htmlFor="productId" error={errors.productId?.message}>
        <Select id="productId" {...register("productId")} {...aria("productId")}>
          <option value="">Not known</option>
          {options.products.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Category" htmlFor="categoryId" error={errors.categoryId?.message}>
        <Select id="categoryId" {...register("categoryId")} {...aria("categoryId")}>
          <option value="">Not categorised</option>
          {options.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Journey stage" htmlFor="journeyStage" error={errors.journeyStage?.message}>
        <Select id="journeyStage" {...register("journeyStage")} {...aria("journeyStage")}>
          <option value="">Not known</option>
          {JOURNEY_STAGES.map((s) => (
            <option key={s} value={s}>
              {JOURNEY_STAGE_LABELS[s]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Severity" htmlFor="severity" error={errors.severity?.message}>
        <Select id="severity" {...register("severity")} {...aria("severity")}>
          <option value="">Not assessed</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {SEVERITY_LABELS[s]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="App user" htmlFor="appUser" error={errors.appUser?.message}>
        <Select
          id="appUser"
          {...register("appUser", {
            setValueAs: (v) => (v === "" || v === null ? null : v === true || v === "true"),
          })}
        >
          <option value="">Not known</option>
          <option value="true">Yes</option>
          <option value="false">No</option>
        </Select>
      </Field>
      <Field
        label="Customer reference"
        htmlFor="customerRef"
        error={errors.customerRef?.message}
        hint="Personal data: hidden from product managers."
      >
        <Input id="customerRef" {...register("customerRef")} {...aria("customerRef")} />
      </Field>
      <Field label="Assignee" htmlFor="assigneeId" error={errors.assigneeId?.message}>
        <Select id="assigneeId" {...register("assigneeId")} {...aria("assigneeId")}>
          <option value="">Unassigned</option>
          {options.assignees.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label="Summary"
        htmlFor="summary"
        error={errors.summary?.message}
        hint={`${summary.length}/200 characters`}
        className="md:col-span-2"
      >
        <Input id="summary" {...register("summary")} {...aria("summary")} />
      </Field>
      <Field
        label="Narrative"
        htmlFor="narrative"
        error={errors.narrative?.message}
        hint="The customer's own words; may hold personal data."
        className="md:col-span-2"
      >
        <Textarea id="narrative" rows={6} {...register("narrative")} {...aria("narrative")} />
      </Field>
    </>
  );
}
