import Link from "next/link";
import { useTranslations } from "next-intl";
import { RateBar, Withheld } from "@/components/charts/rate-bar";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { Formatter } from "@/lib/format";
import type { Breakdown } from "@/lib/metric/breakdowns";

/** One breakdown: each cell's complaints and its share of the figure, with a bar for comparison. */
export function BreakdownTable({ breakdown, format }: { breakdown: Breakdown; format: Formatter }) {
  const t = useTranslations("dashboard");
  const formatCount = (value: number | null | undefined) => format.number(value);
  const formatFigure = (value: number | null | undefined, digits: number) => format.number(value, digits);
  const max = Math.max(0, ...breakdown.rows.map((r) => r.perMillion ?? 0));
  const hasProductRates = breakdown.rows.some((r) => r.productPerMillion != null);
  return (
    <Card>
      <CardHeader className="py-3">
        <CardTitle>{breakdown.title}</CardTitle>
      </CardHeader>
      {breakdown.rows.length === 0 ? (
        <p className="px-5 py-4 text-sm text-zinc-600">{t("noComplaintsInPeriod")}</p>
      ) : (
        <Table aria-label={t("breakdownBy", { title: breakdown.title.toLowerCase() })}>
          <THead>
            <TR>
              <TH scope="col">{breakdown.title}</TH>
              <TH scope="col" className="text-right">
                {t("complaints")}
              </TH>
              <TH scope="col" className="text-right">
                {t("perMillion")}
              </TH>
              {hasProductRates ? (
                <TH scope="col" className="text-right">
                  {t("perMillionOfProduct")}
                </TH>
              ) : null}
              {/* On a phone the bar gives way to the figures: the table then fits without a sideways scroll. */}
              <TH scope="col" className="hidden w-1/4 sm:table-cell">
                <span className="sr-only">{t("share")}</span>
              </TH>
            </TR>
          </THead>
          <TBody>
            {breakdown.rows.map((row) => (
              <TR key={row.key}>
                <TD className="font-medium text-zinc-900">
                  {row.href ? (
                    <Link href={row.href} className="text-brand-700 underline-offset-2 hover:underline">
                      {row.label}
                    </Link>
                  ) : (
                    row.label
                  )}
                </TD>
                <TD className="text-right tabular-nums">
                  {row.suppressed ? <Withheld complement={row.complement} /> : formatCount(row.complaints)}
                </TD>
                <TD className="text-right tabular-nums">
                  {row.suppressed ? <Withheld complement={row.complement} /> : formatFigure(row.perMillion, 2)}
                </TD>
                {hasProductRates ? (
                  <TD className="text-right tabular-nums">{formatFigure(row.productPerMillion ?? null, 1)}</TD>
                ) : null}
                <TD className="hidden sm:table-cell">
                  <RateBar value={row.perMillion} max={max} />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
