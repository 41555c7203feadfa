"use client";

import { type FormEvent, useState, useTransition } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field, Textarea } from "@/components/ui/input";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { publishMonthAction, restateMonthAction } from "@/lib/metric/actions";
import { formatCount, formatFigure } from "@/lib/metric/format";
import { monthLabel } from "@/lib/metric/labels";
import type { PublicationRow } from "@/lib/metric/publication";
import { concernsOf, useConfirmPublish } from "./confirm-publish";

export function PublicationTable({ market, rows }: { market: string; rows: PublicationRow[] }) {
  const [pending, start] = useTransition();
  const confirmation = useConfirmPublish();
  if (rows.length === 0)
    return <p className="px-5 py-4 text-sm text-zinc-600">No complaints or volumes for {market} yet.</p>;
  const publish = (month: string, confirm = false) =>
    start(async () => {
      const result = await publishMonthAction({ market, month, confirm });
      const concerns = concernsOf(result);
      if ("data" in result) toast.success(`${market} ${month} published`);
      else if (concerns) confirmation.ask(concerns, () => publish(month, true));
      else toast.error(result.error.message);
    });
  return (
    <>
      {confirmation.dialog}
      <Table aria-label="Published and current figures by month">
        <THead>
          <TR>
            <TH scope="col">Month</TH>
            <TH scope="col" className="text-right">
              Published
            </TH>
            <TH scope="col" className="text-right">
              Current
            </TH>
            <TH scope="col">Status</TH>
            <TH scope="col">
              <span className="sr-only">Actions</span>
            </TH>
          </TR>
        </THead>
        <TBody>
          {rows.map((row) => (
            <TR key={row.month} aria-label={monthLabel(row.month)}>
              <TH scope="row" className="text-left align-top font-medium text-zinc-900">
                {monthLabel(row.month)}
                {row.restatements.length > 0 ? (
                  <ul className="mt-1 text-xs font-normal text-zinc-600">
                    {row.restatements.map((r) => (
                      <li key={r.restatedAt}>
                        Restated {r.restatedAt.slice(0, 10)} (was {formatFigure(r.previousPerMillion)}): {r.reason}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </TH>
              <TD className="text-right tabular-nums">
                {row.published ? (
                  <>
                    <span className="font-medium">{formatFigure(row.published.perMillion)}</span>
                    <span className="block text-xs text-zinc-500">
                      {formatCount(row.published.complaints)} / {formatCount(row.published.purchases)} ·{" "}
                      {row.published.publishedAt.slice(0, 10)}
                    </span>
                  </>
                ) : (
                  "—"
                )}
              </TD>
              <TD className="text-right tabular-nums">
                <span className="font-medium">{formatFigure(row.current.perMillion)}</span>
                <span className="block text-xs text-zinc-500">
                  {formatCount(row.current.complaints)} / {formatCount(row.current.purchases)}
                </span>
              </TD>
              <TD>
                {row.differs ? (
                  <Badge tone="warning">Changed since publication</Badge>
                ) : row.published ? (
                  <Badge tone="success">Published</Badge>
                ) : row.current.perMillion == null ? (
                  <Badge tone="neutral">No volume</Badge>
                ) : (
                  <Badge tone="info">Not published</Badge>
                )}
              </TD>
              <TD className="text-right">
                {row.differs ? (
                  <RestateButton market={market} month={row.month} />
                ) : !row.published && row.current.perMillion != null ? (
                  <Button
                    size="sm"
                    variant="secondary"
                    disabled={pending}
                    onClick={() => publish(row.month)}
                    aria-label={`Publish ${monthLabel(row.month)}`}
                  >
                    Publish
                  </Button>
                ) : null}
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </>
  );
}

function RestateButton({ market, month }: { market: string; month: string }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    const result = await restateMonthAction({ market, month, reason });
    setPending(false);
    if ("data" in result) {
      toast.success(`${market} ${month} restated`);
      setOpen(false);
      setReason("");
      setError(undefined);
    } else {
      setError(result.fieldErrors?.reason?.[0] ?? result.error.message);
    }
  }
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" aria-label={`Restate ${monthLabel(month)}`}>
          Restate
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Restate ${monthLabel(month)}`}
        description="The public figure takes the current value; the old one stays visible as a restatement with this reason and today's date."
      >
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          <Field label="Reason" htmlFor={`reason-${month}`} error={error}>
            <Textarea
              id={`reason-${month}`}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={!!error}
            />
          </Field>
          <Button type="submit" disabled={pending}>
            {pending ? "Restating…" : "Record restatement"}
          </Button>
        </form>
      </DialogContent>
    </Dialog>
  );
}
