"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { applyFieldErrors } from "@/components/forms/apply-field-errors";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/input";
import { saveRetentionScheduleAction } from "@/lib/jobs/actions";
import { scheduleSchema } from "@/lib/jobs/validations";

type FormValues = z.input<typeof scheduleSchema>;

/** When the rules are applied by themselves: a job the runner sends once per time, however many instances run. */
export function RetentionSchedule({ current, next }: { current: FormValues; next: string | null }) {
  const t = useTranslations("retention.schedule");
  const form = useForm<FormValues, unknown, z.output<typeof scheduleSchema>>({
    resolver: zodResolver(scheduleSchema),
    defaultValues: current,
  });
  const { errors, isSubmitting } = form.formState;
  const frequency = form.watch("frequency");
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await saveRetentionScheduleAction(values);
    if ("data" in result) toast.success(result.data.cron ? t("saved") : t("savedOff"));
    else if (!applyFieldErrors(form.setError, result.fieldErrors)) toast.error(result.error.message);
  });
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        <p className="text-sm text-zinc-700" data-testid="retention-next-run">
          {next ? t("next", { when: next.slice(0, 16).replace("T", " ") }) : t("off")}
        </p>
        <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-3" noValidate>
          <Field label={t("runs")} htmlFor="schedule-frequency" error={errors.frequency?.message}>
            <Select id="schedule-frequency" {...form.register("frequency")}>
              <option value="nightly">{t("nightly")}</option>
              <option value="weekly">{t("weekly")}</option>
              <option value="hourly">{t("hourly")}</option>
              <option value="custom">{t("custom")}</option>
              <option value="off">{t("offOption")}</option>
            </Select>
          </Field>
          {frequency === "nightly" || frequency === "weekly" ? (
            <Field label={t("at")} htmlFor="schedule-time" error={errors.time?.message} hint={t("atHint")}>
              <Input id="schedule-time" type="time" aria-invalid={!!errors.time} {...form.register("time")} />
            </Field>
          ) : null}
          {frequency === "custom" ? (
            <Field label={t("cron")} htmlFor="schedule-cron" error={errors.cron?.message} hint={t("cronHint")}>
              <Input id="schedule-cron" aria-invalid={!!errors.cron} {...form.register("cron")} />
            </Field>
          ) : null}
          <div className="sm:col-span-3">
            <Button type="submit" disabled={isSubmitting}>
              {isSubmitting ? t("saving") : t("save")}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
