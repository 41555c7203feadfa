"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { applyFieldErrors } from "@/components/forms/apply-field-errors";
import { FormError } from "@/components/forms/form-error";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/input";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useFormat } from "@/lib/i18n/hooks";
import { deleteRetentionRuleAction, saveRetentionRuleAction } from "@/lib/privacy/actions";
import type { RetentionMarket } from "@/lib/privacy/retention";
import { retentionRuleSchema } from "@/lib/privacy/validations";

type Market = { code: string; name: string };

/** "5 years", "18 months": whole years when the months make them. */
function useDescribeMonths() {
  const t = useTranslations("retention");
  return (months: number) => (months % 12 === 0 ? t("years", { count: months / 12 }) : t("months", { count: months }));
}

/** One row per market: its rule (or none), the cutoff it gives today and how many complaints are due. */
export function RetentionRulesTable({ markets, due }: { markets: Market[]; due: RetentionMarket[] }) {
  const t = useTranslations("retention.rules");
  const format = useFormat();
  const describeMonths = useDescribeMonths();
  const [editing, setEditing] = useState<Market | null>(null);
  const [pending, startTransition] = useTransition();
  const ruleOf = (code: string) => due.find((d) => d.market === code);
  return (
    <Card>
      <Table aria-label={t("label")}>
        <THead>
          <TR>
            <TH scope="col">{t("market")}</TH>
            <TH scope="col">{t("kept")}</TH>
            <TH scope="col">{t("cutoff")}</TH>
            <TH scope="col" className="text-right">
              {t("due")}
            </TH>
            <TH scope="col" className="text-right">
              {t("actions")}
            </TH>
          </TR>
        </THead>
        <TBody>
          {markets.map((market) => {
            const rule = ruleOf(market.code);
            return (
              <TR key={market.code} aria-label={market.name}>
                <TH scope="row" className="text-left font-medium text-zinc-900">
                  {market.name}
                </TH>
                <TD>
                  {rule ? t("afterClosing", { period: describeMonths(rule.months) }) : <Badge>{t("noRule")}</Badge>}
                </TD>
                <TD className="tabular-nums">{rule ? format.day(rule.cutoff) : "—"}</TD>
                <TD className="text-right tabular-nums">{rule ? format.number(rule.due) : "—"}</TD>
                <TD>
                  <div className="flex justify-end gap-1">
                    <Button
                      size="sm"
                      variant="secondary"
                      aria-label={t(rule ? "changeLabel" : "setLabel", { market: market.name })}
                      onClick={() => setEditing(market)}
                    >
                      {rule ? t("change") : t("set")}
                    </Button>
                    {rule ? (
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-label={t("removeLabel", { market: market.name })}
                        disabled={pending}
                        onClick={() =>
                          startTransition(async () => {
                            const result = await deleteRetentionRuleAction({ market: market.code });
                            if ("error" in result) toast.error(result.error.message);
                            else toast.success(t("removed", { market: market.name }));
                          })
                        }
                      >
                        {t("remove")}
                      </Button>
                    ) : null}
                  </div>
                </TD>
              </TR>
            );
          })}
        </TBody>
      </Table>
      {editing ? (
        <RuleDialog
          key={editing.code}
          market={editing}
          months={ruleOf(editing.code)?.months}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Card>
  );
}

type FormValues = z.input<typeof retentionRuleSchema>;

function RuleDialog({ market, months, onClose }: { market: Market; months: number | undefined; onClose: () => void }) {
  const t = useTranslations("retention.dialog");
  const describeMonths = useDescribeMonths();
  const form = useForm<FormValues, unknown, z.output<typeof retentionRuleSchema>>({
    resolver: zodResolver(retentionRuleSchema),
    defaultValues: { market: market.code, anonymiseAfterMonths: months ?? ("" as unknown as number) },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await saveRetentionRuleAction(values);
    if ("data" in result) {
      toast.success(t("saved", { market: market.name, period: describeMonths(result.data.anonymiseAfterMonths) }));
      onClose();
    } else if (!applyFieldErrors(form.setError, result.fieldErrors)) {
      form.setError("root", { message: result.error.message });
    }
  });
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent title={t("title", { market: market.name })} description={t("description")}>
        <form className="flex flex-col gap-4" onSubmit={onSubmit} noValidate>
          <Field
            label={t("months")}
            htmlFor="retention-months"
            error={errors.anonymiseAfterMonths?.message}
            hint={t("hint")}
          >
            <Input
              id="retention-months"
              inputMode="numeric"
              aria-invalid={!!errors.anonymiseAfterMonths}
              {...form.register("anonymiseAfterMonths")}
            />
          </Field>
          <FormError message={errors.root?.message} />
          <div className="flex justify-end">
            <Button type="submit" disabled={isSubmitting}>
              {t("save")}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
