import Link from "next/link";
import { useTranslations } from "next-intl";
import { RateBar, Withheld } from "@/components/charts/rate-bar";
import { Card } from "@/components/ui/card";
import { ChangeBadge } from "@/components/ui/change-badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useFormat } from "@/lib/i18n/hooks";
import { INTL_LOCALE } from "@/lib/i18n/locales";
import { formatCount as formatCountIn, formatFigure as formatFigureIn } from "@/lib/metric/format";
import type { RootCauseRow } from "@/lib/root-causes/report";

/**
 * One row per root cause: how many of the scope's complaints carry it, how often per million purchases,
 * and how that rate moved against the period before. Links open the complaints behind a row.
 */
export function RootCauseTable({
  rows,
  hrefFor,
  newActionHref,
}: {
  rows: RootCauseRow[];
  hrefFor: (row: RootCauseRow) => string | null;
  /** Where "New action for this cause" goes, for roles that may start one. */
  newActionHref: ((row: RootCauseRow) => string) | null;
}) {
  const t = useTranslations("reports.table");
  const format = useFormat();
  const intl = INTL_LOCALE[format.locale];
  const formatCount = (value: number | null | undefined) => formatCountIn(value, intl);
  const formatFigure = (value: number | null | undefined, digits: number) => formatFigureIn(value, digits, intl);
  const percent = (share: number | null | undefined) =>
    share == null ? "—" : `${format.number(Math.round(share * 100))} %`;
  const max = Math.max(0, ...rows.map((r) => r.perMillion ?? 0));
  return (
    <Card>
      <Table aria-label={t("label")}>
        <THead>
          <TR>
            <TH scope="col">{t("rootCause")}</TH>
            <TH scope="col" className="text-right">
              {t("complaints")}
            </TH>
            <TH scope="col" className="text-right">
              {t("asPrimary")}
            </TH>
            <TH scope="col" className="text-right">
              {t("shareOfTagged")}
            </TH>
            <TH scope="col" className="text-right">
              {t("cumulative")}
            </TH>
            <TH scope="col" className="text-right">
              {t("perMillion")}
            </TH>
            <TH scope="col" className="text-right">
              {t("perMillionBefore")}
            </TH>
            <TH scope="col" className="text-right">
              {t("change")}
            </TH>
            <TH scope="col" className="text-right">
              {t("changeInShare")}
            </TH>
            <TH scope="col" className="text-right">
              {t("actions")}
            </TH>
            <TH scope="col" className="w-40">
              <span className="sr-only">{t("rateCompared")}</span>
            </TH>
            {newActionHref ? (
              <TH scope="col" className="print:hidden">
                <span className="sr-only">{t("newActionColumn")}</span>
              </TH>
            ) : null}
          </TR>
        </THead>
        <TBody>
          {rows.map((row) => {
            const href = hrefFor(row);
            return (
              <TR key={row.id}>
                <TH scope="row" className="text-left font-medium text-zinc-900">
                  {href ? (
                    <Link href={href} className="text-brand-700 underline-offset-2 hover:underline">
                      {row.name}
                    </Link>
                  ) : (
                    row.name
                  )}
                </TH>
                <TD className="text-right tabular-nums">
                  {row.suppressed ? <Withheld /> : formatCount(row.complaints)}
                </TD>
                <TD className="text-right tabular-nums">
                  {row.suppressed ? (
                    <Withheld />
                  ) : row.primary == null ? (
                    <Withheld complement />
                  ) : (
                    formatCount(row.primary)
                  )}
                </TD>
                <TD className="text-right tabular-nums">{percent(row.share)}</TD>
                <TD className="text-right tabular-nums">{percent(row.cumulativeShare)}</TD>
                <TD className="text-right tabular-nums">{formatFigure(row.perMillion, 2)}</TD>
                <TD className="text-right tabular-nums text-zinc-600">
                  {row.previous.complaints == null ? <Withheld /> : formatFigure(row.previous.perMillion, 2)}
                </TD>
                <TD className="text-right">
                  <ChangeBadge value={row.changeInRate} />
                </TD>
                <TD className="text-right">
                  <ChangeBadge value={row.changeInShare} />
                </TD>
                <TD className="text-right tabular-nums">
                  {row.actions > 0 ? (
                    <Link
                      href={`/remediation?root_cause=${row.id}`}
                      aria-label={t("actionsFor", { count: row.actions, name: row.name })}
                      className="text-brand-700 underline-offset-2 hover:underline"
                    >
                      {formatCount(row.actions)}
                    </Link>
                  ) : (
                    0
                  )}
                </TD>
                <TD>
                  <RateBar value={row.perMillion} max={max} />
                </TD>
                {newActionHref ? (
                  <TD className="text-right print:hidden">
                    <Link
                      href={newActionHref(row)}
                      aria-label={t("newActionFor", { name: row.name })}
                      className="whitespace-nowrap text-xs text-brand-700 underline-offset-2 hover:underline"
                    >
                      {t("newAction")}
                    </Link>
                  </TD>
                ) : null}
              </TR>
            );
          })}
        </TBody>
      </Table>
    </Card>
  );
}
