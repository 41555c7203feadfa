"use client";

import { zodResolver } from "@hookform/resolvers/zod";
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
  const [open, setOpen] = useState(false);
  const form = useForm<FormValues, unknown, z.output<typeof eraseComplaintSchema>>({
    resolver: zodResolver(eraseComplaintSchema),
    defaultValues: { id: complaintId, reason: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await eraseComplaintAction(values);
    if ("data" in result) {
      toast.success(`Personal data of ${reference} erased`);
      setOpen(false);
    } else if (!applyFieldErrors(form.setError, result.fieldErrors)) {
      form.setError("root", { message: result.error.message });
    }
  });
  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)}>
        Erase personal data
      </Button>
      <Dialog open={open} onOpenChange={(next) => !isSubmitting && setOpen(next)}>
        <DialogContent
          title={`Erase the personal data of ${reference}?`}
          description="The customer reference and narrative are erased for good; identity numbers, e-mail addresses, phone numbers, card numbers and IBANs are masked in the summary, comments, notes and history. The complaint still counts in every figure."
        >
          <form className="flex flex-col gap-4" onSubmit={onSubmit} noValidate>
            <Field
              label="Reason"
              htmlFor="erase-reason"
              error={errors.reason?.message}
              hint="e.g. the customer's request and its case number"
            >
              <Textarea id="erase-reason" aria-invalid={!!errors.reason} {...form.register("reason")} />
            </Field>
            <FormError message={errors.root?.message} />
            <div className="flex justify-end gap-2">
              <Button type="button" variant="secondary" disabled={isSubmitting} onClick={() => setOpen(false)}>
                Keep it
              </Button>
              <Button type="submit" variant="danger" disabled={isSubmitting}>
                {isSubmitting ? "Erasing…" : "Erase personal data"}
              </Button>
            </div>
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}
