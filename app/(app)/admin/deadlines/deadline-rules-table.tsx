"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { FormError } from "@/components/forms/form-error";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/input";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { deleteDeadlineRuleAction, saveDeadlineRuleAction } from "@/lib/complaints/actions";
import { DEFAULT_ACKNOWLEDGE, DEFAULT_FINAL_RESPONSE, type DeadlineRule } from "@/lib/complaints/deadlines";
import { CHANNELS, type Channel } from "@/lib/domain/values";
import { useCodes } from "@/lib/i18n/hooks";

type Rule = DeadlineRule & { id: string; market: string; channel: Channel };
type Key = { market: string; channel: Channel };

const DEFAULT_RULE: DeadlineRule = {
  acknowledgeDays: DEFAULT_ACKNOWLEDGE.days,
  acknowledgeBusinessDays: DEFAULT_ACKNOWLEDGE.businessDays,
  finalResponseDays: DEFAULT_FINAL_RESPONSE.days,
  finalResponseBusinessDays: DEFAULT_FINAL_RESPONSE.businessDays,
};

export function DeadlineRulesTable({ rules, markets }: { rules: Rule[]; markets: { code: string; name: string }[] }) {
  const t = useTranslations("deadlines");
  const codes = useCodes();
  const describe = (days: number, business: boolean) => t(business ? "businessDays" : "days", { days });
  const [editing, setEditing] = useState<Key | null>(null);
  const [pending, startTransition] = useTransition();
  const ruleFor = (key: Key) => rules.find((r) => r.market === key.market && r.channel === key.channel);

  return (
    <Card>
      <Table>
        <THead>
          <TR>
            <TH>{t("market")}</TH>
            <TH>{t("channel")}</TH>
            <TH>{t("acknowledgeWithin")}</TH>
            <TH>{t("answerWithin")}</TH>
            <TH className="text-right">{t("actions")}</TH>
          </TR>
        </THead>
        <TBody>
          {markets.flatMap((market) =>
            CHANNELS.map((channel) => {
              const rule = ruleFor({ market: market.code, channel });
              const shown = rule ?? DEFAULT_RULE;
              const label = `${market.code} ${codes.channel[channel]}`;
              return (
                <TR key={`${market.code}-${channel}`} aria-label={label}>
                  <TD>{market.name}</TD>
                  <TD>{codes.channel[channel]}</TD>
                  <TD>{describe(shown.acknowledgeDays, shown.acknowledgeBusinessDays)}</TD>
                  <TD>
                    {describe(shown.finalResponseDays, shown.finalResponseBusinessDays)}{" "}
                    {rule ? null : <Badge>{t("default")}</Badge>}
                  </TD>
                  <TD>
                    <div className="flex justify-end gap-1">
                      <Button
                        size="sm"
                        variant="secondary"
                        aria-label={t("editLabel", { rule: label })}
                        onClick={() => setEditing({ market: market.code, channel })}
                      >
                        {t("edit")}
                      </Button>
                      {rule ? (
                        <Button
                          size="sm"
                          variant="ghost"
                          aria-label={t("resetLabel", { rule: label })}
                          disabled={pending}
                          onClick={() =>
                            startTransition(async () => {
                              const result = await deleteDeadlineRuleAction({ market: market.code, channel });
                              if ("error" in result) toast.error(result.error.message);
                              else toast.success(t("resetDone", { rule: label }));
                            })
                          }
                        >
                          {t("reset")}
                        </Button>
                      ) : null}
                    </div>
                  </TD>
                </TR>
              );
            }),
          )}
        </TBody>
      </Table>
      {editing ? (
        <RuleDialog
          key={`${editing.market}-${editing.channel}`}
          target={editing}
          initial={ruleFor(editing) ?? DEFAULT_RULE}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Card>
  );
}

function RuleDialog({ target, initial, onClose }: { target: Key; initial: DeadlineRule; onClose: () => void }) {
  const [values, setValues] = useState({
    ...initial,
    acknowledgeDays: String(initial.acknowledgeDays),
    finalResponseDays: String(initial.finalResponseDays),
  });
  const t = useTranslations("deadlines");
  const codes = useCodes();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, startTransition] = useTransition();

  function save() {
    startTransition(async () => {
      const result = await saveDeadlineRuleAction({ ...target, ...values });
      if ("error" in result) {
        setErrors(result.fieldErrors ?? { _: [result.error.message] });
        return;
      }
      toast.success(t("saved"));
      onClose();
    });
  }

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent
        title={t("dialogTitle", { market: target.market, channel: codes.channel[target.channel].toLowerCase() })}
      >
        <form
          className="flex flex-col gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <Field label={t("acknowledgeDays")} htmlFor="ack-days" error={errors.acknowledgeDays?.[0]}>
            <Input
              id="ack-days"
              inputMode="numeric"
              value={values.acknowledgeDays}
              onChange={(e) => setValues({ ...values, acknowledgeDays: e.target.value })}
            />
          </Field>
          <label className="flex items-center gap-2 text-sm">
            <Checkbox
              checked={values.acknowledgeBusinessDays}
              onCheckedChange={(v) => setValues({ ...values, acknowledgeBusinessDays: v === true })}
            />
            {t("acknowledgeBusiness")}
          </label>
          <Field label={t("answerDays")} htmlFor="final-days" error={errors.finalResponseDays?.[0]}>
            <Input
              id="final-days"
              inputMode="numeric"
              value={values.finalResponseDays}
              onChange={(e) => setValues({ ...values, finalResponseDays: e.target.value })}
            />
          </Field>
          <label className="flex items-center gap-2 text-sm">
            <Checkbox
              checked={values.finalResponseBusinessDays}
              onCheckedChange={(v) => setValues({ ...values, finalResponseBusinessDays: v === true })}
            />
            {t("answerBusiness")}
          </label>
          <FormError message={errors._?.[0]} />
          <div className="flex justify-end">
            <Button type="submit" disabled={pending}>
              {t("save")}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
