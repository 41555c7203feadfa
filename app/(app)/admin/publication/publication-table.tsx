"use client";

import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useState, useTransition } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field, Textarea } from "@/components/ui/input";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useFormat } from "@/lib/i18n/hooks";
import { INTL_LOCALE } from "@/lib/i18n/locales";
import { publishMonthAction, restateMonthAction } from "@/lib/metric/actions";
import { formatCount, formatFigure } from "@/lib/metric/format";
import { monthLabel } from "@/lib/metric/labels";
import type { PublicationRow } from "@/lib/metric/publication";
import { concernsOf, useConfirmPublish } from "./confirm-publish";

export function PublicationTable({ market, rows }: { market: string; rows: PublicationRow[] }) {
  const t = useTranslations("publication.table");
  const locale = useLocale();
  const intl = INTL_LOCALE[locale];
  const format = useFormat();
  const [pending, start] = useTransition();
  const confirmation = useConfirmPublish();
  if (rows.length === 0) return <p className="px-5 py-4 text-sm text-zinc-600">{t("empty", { market })}</p>;
  const label = (month: string) => monthLabel(month, locale);
  const figure = (value: number | null | undefined) => formatFigure(value, 1, intl);
  const count = (value: number | null | undefined) => formatCount(value, intl);
  const publish = (month: string, confirm = false) =>
    start(async () => {
      const result = await publishMonthAction({ market, month, confirm });
      const concerns = concernsOf(result);
      if ("data" in result) toast.success(t("publishedToast", { market, month: label(month) }));
      else if (concerns) confirmation.ask(concerns, () => publish(month, true));
      else toast.error(result.error.message);
    });
  return (
    <>
      {confirmation.dialog}
      <Table aria-label={t("label")}>
        <THead>
          <TR>
            <TH scope="col">{t("month")}</TH>
            <TH scope="col" className="text-right">
              {t("published")}
            </TH>
            <TH scope="col" className="text-right">
              {t("current")}
            </TH>
            <TH scope="col">{t("status")}</TH>
            <TH scope="col">
              <span className="sr-only">{t("actions")}</span>
            </TH>
          </TR>
        </THead>
        <TBody>
          {rows.map((row) => (
            <TR key={row.month} aria-label={label(row.month)}>
              <TH scope="row" className="text-left align-top font-medium text-zinc-900">
                {label(row.month)}
                {row.restatements.length > 0 ? (
                  <ul className="mt-1 text-xs font-normal text-zinc-600">
                    {row.restatements.map((r) => (
                      <li key={r.restatedAt}>
                        {t("restatedLine", {
                          date: format.day(r.restatedAt),
                          figure: figure(r.previousPerMillion),
                          reason: r.reason,
                        })}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </TH>
              <TD className="text-right tabular-nums">
                {row.published ? (
                  <>
                    <span className="font-medium">{figure(row.published.perMillion)}</span>
                    <span className="block text-xs text-zinc-500">
                      {count(row.published.complaints)} / {count(row.published.purchases)} ·{" "}
                      {format.day(row.published.publishedAt)}
                    </span>
                  </>
                ) : (
                  "—"
                )}
              </TD>
              <TD className="text-right tabular-nums">
                <span className="font-medium">{figure(row.current.perMillion)}</span>
                <span className="block text-xs text-zinc-500">
                  {count(row.current.complaints)} / {count(row.current.purchases)}
                </span>
              </TD>
              <TD>
                {row.differs ? (
                  <Badge tone="warning">{t("changed")}</Badge>
                ) : row.published ? (
                  <Badge tone="success">{t("isPublished")}</Badge>
                ) : row.current.perMillion == null ? (
                  <Badge tone="neutral">{t("noVolume")}</Badge>
                ) : (
                  <Badge tone="info">{t("notPublished")}</Badge>
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
                    aria-label={t("publishLabel", { month: label(row.month) })}
                  >
                    {t("publish")}
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
  const t = useTranslations("publication.restate");
  const label = monthLabel(month, useLocale());
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
      toast.success(t("restated", { market, month: label }));
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
        <Button size="sm" aria-label={t("label", { month: label })}>
          {t("button")}
        </Button>
      </DialogTrigger>
      <DialogContent title={t("title", { month: label })} description={t("description")}>
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          <Field label={t("reason")} htmlFor={`reason-${month}`} error={error}>
            <Textarea
              id={`reason-${month}`}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={!!error}
            />
          </Field>
          <Button type="submit" disabled={pending}>
            {pending ? t("restating") : t("record")}
          </Button>
        </form>
      </DialogContent>
    </Dialog>
  );
}
