"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { applyFieldErrors } from "@/components/forms/apply-field-errors";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Field, Textarea } from "@/components/ui/input";
import { eraseComplaintAction } from "@/lib/privacy/actions";
import { eraseComplaintSchema } from "@/lib/privacy/validations";

type FormValues = z.input<typeof eraseComplaintSchema>;

/** An admin erases one complaint's personal data at once, e.g. when the customer asks for it. */
export function ErasePersonalData({ complaintId, reference }: { complaintId: string; reference: string }) {
  const t = useTranslations("complaint.erase");
  const [open, setOpen] = useState(false);
  const form = useForm<FormValues, unknown, z.output<typeof eraseComplaintSchema>>({
    resolver: zodResolver(eraseComplaintSchema),
    defaultValues: { id: complaintId, reason: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await eraseComplaintAction(values);
    if ("data" in result) {
      toast.success(t("done", { reference }));
      setOpen(false);
    } else if (!applyFieldErrors(form.setError, result.fieldErrors)) {
      form.setError("root", { message: result.error.message });
    }
  });
  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)}>
        {t("button")}
      </Button>
      <Dialog open={open} onOpenChange={(next) => !isSubmitting && setOpen(next)}>
        <DialogContent title={t("title", { reference })} description={t("description")}>
          <form className="flex flex-col gap-4" onSubmit={onSubmit} noValidate>
            <Field label={t("reason")} htmlFor="erase-reason" error={errors.reason?.message} hint={t("reasonHint")}>
              <Textarea id="erase-reason" aria-invalid={!!errors.reason} {...form.register("reason")} />
            </Field>
            <FormError message={errors.root?.message} />
            <div className="flex justify-end gap-2">
              <Button type="button" variant="secondary" disabled={isSubmitting} onClick={() => setOpen(false)}>
                {t("keep")}
              </Button>
              <Button type="submit" variant="danger" disabled={isSubmitting}>
                {isSubmitting ? t("erasing") : t("button")}
              </Button>
            </div>
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}
