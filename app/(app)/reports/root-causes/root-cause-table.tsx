import Link from "next/link";
import { RateBar, Withheld } from "@/components/charts/rate-bar";
import { Card } from "@/components/ui/card";
import { ChangeBadge } from "@/components/ui/change-badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { formatCount, formatFigure } from "@/lib/metric/format";
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
  const max = Math.max(0, ...rows.map((r) => r.perMillion ?? 0));
  return (
    <Card>
      <Table aria-label="Root causes">
        <THead>
          <TR>
            <TH scope="col">Root cause</TH>
            <TH scope="col" className="text-right">
              Complaints
            </TH>
            <TH scope="col" className="text-right">
              As primary
            </TH>
            <TH scope="col" className="text-right">
              Share of tagged
            </TH>
            <TH scope="col" className="text-right">
              Cumulative
            </TH>
            <TH scope="col" className="text-right">
              Per million
            </TH>
            <TH scope="col" className="text-right">
              Per million before
            </TH>
            <TH scope="col" className="text-right">
              Change
            </TH>
            <TH scope="col" className="text-right">
              Change in share
            </TH>
            <TH scope="col" className="text-right">
              Actions
            </TH>
            <TH scope="col" className="w-40">
              <span className="sr-only">Rate compared</span>
            </TH>
            {newActionHref ? (
              <TH scope="col" className="print:hidden">
                <span className="sr-only">New action for this cause</span>
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
                <TD className="text-right tabular-nums">
                  {row.share == null ? "—" : `${(row.share * 100).toFixed(0)} %`}
                </TD>
                <TD className="text-right tabular-nums">
                  {row.cumulativeShare == null ? "—" : `${(row.cumulativeShare * 100).toFixed(0)} %`}
                </TD>
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
                      aria-label={`${row.actions} remediation ${row.actions === 1 ? "action" : "actions"} for ${row.name}`}
                      className="text-brand-700 underline-offset-2 hover:underline"
                    >
                      {row.actions}
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
                      aria-label={`New action for ${row.name}`}
                      className="whitespace-nowrap text-xs text-brand-700 underline-offset-2 hover:underline"
                    >
                      New action
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
