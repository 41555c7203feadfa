"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import type { ComplaintOptions } from "@/lib/complaints/options";
import { complaintCreateSchema } from "@/lib/complaints/validations";
import { ComplaintFormFields } from "./complaint-form-fields";
import { KeptLink, SimilarWarning } from "./similar-warning";
import { type FormInput, type Output, useComplaintSubmit } from "./use-complaint-submit";

/** Logging one complaint: the fields, the duplicate warning with its links, and the save. */
export function ComplaintForm({ options, today }: { options: ComplaintOptions; today: string }) {
  const t = useTranslations("complaintForm");
  const onlyMarket = options.markets.length === 1 ? options.markets[0]?.code : undefined;
  const form = useForm<FormInput, unknown, Output>({
    resolver: zodResolver(complaintCreateSchema),
    defaultValues: {
      externalId: "",
      receivedOn: today,
      market: onlyMarket ?? options.markets[0]?.code ?? "",
      channel: "customer_service",
      summary: "",
    },
  });
  const submit = useComplaintSubmit(form);
  const { similar, link, pending } = submit;

  return (
    <Card>
      <CardContent>
        <form onSubmit={submit.onSubmit} noValidate className="grid gap-5 md:grid-cols-2">
          <ComplaintFormFields form={form} options={options} today={today} />
          {similar ? (
            <div className="md:col-span-2">
              <SimilarWarning
                matches={similar.matches}
                pending={pending}
                onSave={(choice) => submit.save(similar.values, choice)}
                onBack={submit.dismissSimilar}
              />
            </div>
          ) : null}
          {link && !similar ? (
            <div className="md:col-span-2">
              <KeptLink link={link} onForget={submit.forgetLink} />
            </div>
          ) : null}
          {submit.formError ? (
            <Alert tone="danger" className="md:col-span-2">
              {submit.formError}
            </Alert>
          ) : null}
          <div className="flex justify-end gap-2 md:col-span-2">
            <Button asChild variant="ghost">
              <Link href="/complaints">{t("cancel")}</Link>
            </Button>
            <Button type="submit" disabled={pending || similar !== null}>
              {pending ? t("saving") : t("save")}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
