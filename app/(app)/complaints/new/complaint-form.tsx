"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { applyFieldErrors } from "@/components/forms/apply-field-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Field, Input, Select, Textarea } from "@/components/ui/input";
import { CHANNELS, JOURNEY_STAGES, SEVERITIES } from "@/db/schema/enums";
import { checkSimilarAction, createComplaintAction } from "@/lib/complaints/actions";
import { CHANNEL_LABELS, formatDay, JOURNEY_STAGE_LABELS, SEVERITY_LABELS } from "@/lib/complaints/labels";
import type { ComplaintOptions } from "@/lib/complaints/options";
import type { SimilarComplaint } from "@/lib/complaints/similar";
import { complaintCreateSchema } from "@/lib/complaints/validations";

type FormInput = z.input<typeof complaintCreateSchema>;
type Output = z.output<typeof complaintCreateSchema>;
type Choice = { familyWithId?: string; duplicateOfId?: string };

export function ComplaintForm({ options, today }: { options: ComplaintOptions; today: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [similar, setSimilar] = useState<{ values: Output; matches: SimilarComplaint[] } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormInput, unknown, Output>({
    resolver: zodResolver(complaintCreateSchema),
    defaultValues: {
      externalId: "",
      receivedOn: today,
      market: options.markets[0]?.code ?? "",
      channel: "customer_service",
      summary: "",
    },
  });
  const { register, watch, formState, setError } = form;
  const errors = formState.errors;
  const market = watch("market");
  const channel = watch("channel");
  const summary = watch("summary") ?? "";
  const authorities = options.authorities.filter((a) => a.market === market && a.channel === channel);

  function save(values: Output, choice: Choice) {
    startTransition(async () => {
      const result = await createComplaintAction({ ...values, ...choice });
      if ("error" in result) {
        setSimilar(null);
        if (!applyFieldErrors(setError, result.fieldErrors)) setFormError(result.error.message);
        return;
      }
      toast.success(`Logged ${result.data.reference}`);
      router.push(`/complaints/${result.data.id}`);
    });
  }

  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    startTransition(async () => {
      const check = await checkSimilarAction({
        externalId: values.externalId || undefined,
        customerRef: values.customerRef ?? null,
        receivedOn: values.receivedOn,
        summary: values.summary,
      });
      const matches = "data" in check ? check.data : [];
      if (matches.length) setSimilar({ values, matches });
      else save(values, {});
    });
  });

  const aria = (name: keyof FormInput) => ({
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `${name}-error` : undefined,
  });
  const sameId = similar?.matches.filter((m) => m.reason === "external_id") ?? [];
  const sameCustomer = similar?.matches.filter((m) => m.reason === "same_customer") ?? [];

  return (
    <Card>
      <CardContent>
        <form onSubmit={onSubmit} noValidate className="grid gap-5 md:grid-cols-2">
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

          {similar ? (
            <div className="md:col-span-2">
              <Alert tone="warning">
                <p className="font-medium">This may already be logged.</p>
                {sameId.map((m) => (
                  <p key={m.id} className="mt-2">
                    <Link className="font-medium underline" href={`/complaints/${m.id}`}>
                      {m.reference}
                    </Link>{" "}
                    already has this external id. Open it, or change the external id.
                  </p>
                ))}
                {sameCustomer.length ? (
                  <ul className="mt-2 flex flex-col gap-2">
                    {sameCustomer.map((m) => (
                      <li key={m.id} className="flex flex-wrap items-center gap-2">
                        <span>
                          <Link className="font-medium underline" href={`/complaints/${m.id}`}>
                            {m.reference}
                          </Link>{" "}
                          from the same customer on {formatDay(m.receivedOn)} (
                          {CHANNEL_LABELS[m.channel as keyof typeof CHANNEL_LABELS]}): “{m.summary}”
                        </span>
                        <Button
                          type="button"
                          size="sm"
                          variant="secondary"
                          disabled={pending || sameId.length > 0}
                          onClick={() => save(similar.values, { familyWithId: m.id })}
                        >
                          Link as family of {m.reference}
                        </Button>
                        <Button
                          type="button"
                          size="sm"
                          variant="secondary"
                          disabled={pending || sameId.length > 0}
                          onClick={() => save(similar.values, { duplicateOfId: m.id })}
                        >
                          Mark as duplicate of {m.reference}
                        </Button>
                      </li>
                    ))}
                  </ul>
                ) : null}
                <div className="mt-3 flex gap-2">
                  <Button
                    type="button"
                    size="sm"
                    disabled={pending || sameId.length > 0}
                    onClick={() => save(similar.values, {})}
                  >
                    Save as a new complaint
                  </Button>
                  <Button type="button" size="sm" variant="ghost" onClick={() => setSimilar(null)}>
                    Back to the form
                  </Button>
                </div>
              </Alert>
            </div>
          ) : null}
          {formError ? (
            <Alert tone="danger" className="md:col-span-2">
              {formError}
            </Alert>
          ) : null}
          <div className="flex justify-end gap-2 md:col-span-2">
            <Button asChild variant="ghost">
              <Link href="/complaints">Cancel</Link>
            </Button>
            <Button type="submit" disabled={pending || similar !== null}>
              {pending ? "Saving…" : "Save complaint"}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
