"use client";

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
import { CHANNEL_LABELS } from "@/lib/complaints/labels";
import { CHANNELS, type Channel } from "@/lib/domain/values";

type Rule = DeadlineRule & { id: string; market: string; channel: Channel };
type Key = { market: string; channel: Channel };

const describe = (days: number, business: boolean) => `${days} ${business ? "business days" : "days"}`;
const DEFAULT_RULE: DeadlineRule = {
  acknowledgeDays: DEFAULT_ACKNOWLEDGE.days,
  acknowledgeBusinessDays: DEFAULT_ACKNOWLEDGE.businessDays,
  finalResponseDays: DEFAULT_FINAL_RESPONSE.days,
  finalResponseBusinessDays: DEFAULT_FINAL_RESPONSE.businessDays,
};

export function DeadlineRulesTable({ rules, markets }: { rules: Rule[]; markets: { code: string; name: string }[] }) {
  const [editing, setEditing] = useState<Key | null>(null);
  const [pending, startTransition] = useTransition();
  const ruleFor = (key: Key) => rules.find((r) => r.market === key.market && r.channel === key.channel);

  return (
    <Card>
      <Table>
        <THead>
          <TR>
            <TH>Market</TH>
            <TH>Channel</TH>
            <TH>Acknowledge within</TH>
            <TH>Answer within</TH>
            <TH className="text-right">Actions</TH>
          </TR>
        </THead>
        <TBody>
          {markets.flatMap((market) =>
            CHANNELS.map((channel) => {
              const rule = ruleFor({ market: market.code, channel });
              const shown = rule ?? DEFAULT_RULE;
              const label = `${market.code} ${CHANNEL_LABELS[channel]}`;
              return (
                <TR key={`${market.code}-${channel}`} aria-label={label}>
                  <TD>{market.name}</TD>
                  <TD>{CHANNEL_LABELS[channel]}</TD>
                  <TD>{describe(shown.acknowledgeDays, shown.acknowledgeBusinessDays)}</TD>
                  <TD>
                    {describe(shown.finalResponseDays, shown.finalResponseBusinessDays)}{" "}
                    {rule ? null : <Badge>Default</Badge>}
                  </TD>
                  <TD>
                    <div className="flex justify-end gap-1">
                      <Button
                        size="sm"
                        variant="secondary"
                        aria-label={`Edit ${label}`}
                        onClick={() => setEditing({ market: market.code, channel })}
                      >
                        Edit
                      </Button>
                      {rule ? (
                        <Button
                          size="sm"
                          variant="ghost"
                          aria-label={`Reset ${label} to default`}
                          disabled={pending}
                          onClick={() =>
                            startTransition(async () => {
                              const result = await deleteDeadlineRuleAction({ market: market.code, channel });
                              if ("error" in result) toast.error(result.error.message);
                              else toast.success(`${label} uses the defaults again`);
                            })
                          }
                        >
                          Reset
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
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, startTransition] = useTransition();

  function save() {
    startTransition(async () => {
      const result = await saveDeadlineRuleAction({ ...target, ...values });
      if ("error" in result) {
        setErrors(result.fieldErrors ?? { _: [result.error.message] });
        return;
      }
      toast.success("Deadline rule saved");
      onClose();
    });
  }

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent title={`Deadlines for ${target.market} ${CHANNEL_LABELS[target.channel].toLowerCase()}`}>
        <form
          className="flex flex-col gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <Field label="Acknowledge within (days)" htmlFor="ack-days" error={errors.acknowledgeDays?.[0]}>
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
            Count acknowledgement in business days
          </label>
          <Field label="Answer within (days)" htmlFor="final-days" error={errors.finalResponseDays?.[0]}>
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
            Count the final response in business days
          </label>
          <FormError message={errors._?.[0]} />
          <div className="flex justify-end">
            <Button type="submit" disabled={pending}>
              Save deadlines
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
