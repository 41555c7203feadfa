"use client";

import { zodResolver } from "@hookform/resolvers/zod";
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
import { deleteRetentionRuleAction, saveRetentionRuleAction } from "@/lib/privacy/actions";
import type { RetentionMarket } from "@/lib/privacy/retention";
import { retentionRuleSchema } from "@/lib/privacy/validations";

type Market = { code: string; name: string };

const describeMonths = (months: number) =>
  months % 12 === 0
    ? `${months / 12} ${months === 12 ? "year" : "years"}`
    : `${months} ${months === 1 ? "month" : "months"}`;

/** One row per market: its rule (or none), the cutoff it gives today and how many complaints are due. */
export function RetentionRulesTable({ markets, due }: { markets: Market[]; due: RetentionMarket[] }) {
  const [editing, setEditing] = useState<Market | null>(null);
  const [pending, startTransition] = useTransition();
  const ruleOf = (code: string) => due.find((d) => d.market === code);
  return (
    <Card>
      <Table aria-label="Retention rules">
        <THead>
          <TR>
            <TH scope="col">Market</TH>
            <TH scope="col">Personal data kept</TH>
            <TH scope="col">Erased if closed before</TH>
            <TH scope="col" className="text-right">
              Due now
            </TH>
            <TH scope="col" className="text-right">
              Actions
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
                <TD>{rule ? `${describeMonths(rule.months)} after closing` : <Badge>No rule: kept</Badge>}</TD>
                <TD className="tabular-nums">{rule?.cutoff ?? "—"}</TD>
                <TD className="text-right tabular-nums">{rule ? rule.due.toLocaleString("en-GB") : "—"}</TD>
                <TD>
                  <div className="flex justify-end gap-1">
                    <Button
                      size="sm"
                      variant="secondary"
                      aria-label={`${rule ? "Change" : "Set"} the rule for ${market.name}`}
                      onClick={() => setEditing(market)}
                    >
                      {rule ? "Change" : "Set"}
                    </Button>
                    {rule ? (
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-label={`Remove the rule for ${market.name}`}
                        disabled={pending}
                        onClick={() =>
                          startTransition(async () => {
                            const result = await deleteRetentionRuleAction({ market: market.code });
                            if ("error" in result) toast.error(result.error.message);
                            else toast.success(`${market.name} keeps personal data until a rule is set again`);
                          })
                        }
                      >
                        Remove
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
  const form = useForm<FormValues, unknown, z.output<typeof retentionRuleSchema>>({
    resolver: zodResolver(retentionRuleSchema),
    defaultValues: { market: market.code, anonymiseAfterMonths: months ?? ("" as unknown as number) },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await saveRetentionRuleAction(values);
    if ("data" in result) {
      toast.success(
        `${market.name}: personal data kept ${describeMonths(result.data.anonymiseAfterMonths)} after closing`,
      );
      onClose();
    } else if (!applyFieldErrors(form.setError, result.fieldErrors)) {
      form.setError("root", { message: result.error.message });
    }
  });
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent
        title={`Retention for ${market.name}`}
        description="Months after a complaint is closed that its personal data is kept."
      >
        <form className="flex flex-col gap-4" onSubmit={onSubmit} noValidate>
          <Field
            label="Keep for (months)"
            htmlFor="retention-months"
            error={errors.anonymiseAfterMonths?.message}
            hint="e.g. 60 for five years"
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
              Save rule
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
