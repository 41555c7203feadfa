import Link from "next/link";
import { useTranslations } from "next-intl";
import { Withheld } from "@/components/charts/rate-bar";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useFormat } from "@/lib/i18n/hooks";
import { INTL_LOCALE } from "@/lib/i18n/locales";
import { formatCount as formatCountIn } from "@/lib/metric/format";
import type { RootCauseMatrix } from "@/lib/root-causes/matrix";

/**
 * Cause × product or stage; every cell with complaints opens exactly them (for roles that read complaints).
 * The read names the columns in the reader's language (a stage, "Not recorded"); a product keeps its name (data).
 */
export function MatrixTable({
  matrix,
  title,
  hrefFor,
  csvHref,
}: {
  matrix: RootCauseMatrix;
  title: string;
  hrefFor: ((causeId: string, column: string | null) => string) | null;
  csvHref: string;
}) {
  const t = useTranslations("reports");
  const intl = INTL_LOCALE[useFormat().locale];
  const formatCount = (value: number | null | undefined) => formatCountIn(value, intl);
  return (
    <Card>
      <CardHeader className="flex flex-row items-center justify-between">
        <CardTitle>{title}</CardTitle>
        <a href={csvHref} download className="text-sm text-brand-700 underline-offset-2 hover:underline print:hidden">
          {t("csv")}
        </a>
      </CardHeader>
      {/* A wide matrix scrolls inside its card, never the page. */}
      <CardContent className="overflow-x-auto">
        <Table aria-label={title}>
          <THead>
            <TR>
              <TH scope="col">{t("table.rootCause")}</TH>
              <TH scope="col" className="text-right">
                {t("matrix.total")}
              </TH>
              {matrix.columns.map((c) => (
                <TH key={c.key ?? "none"} scope="col" className="text-right">
                  {c.name}
                </TH>
              ))}
            </TR>
          </THead>
          <TBody>
            {matrix.rows.map((row) => (
              <TR key={row.id}>
                <TH scope="row" className="text-left font-medium text-zinc-900">
                  {row.name}
                </TH>
                <TD className="text-right tabular-nums">{row.total == null ? <Withheld /> : formatCount(row.total)}</TD>
                {row.cells.map((cell) => (
                  <TD key={cell.column ?? "none"} className="text-right tabular-nums">
                    {cell.complaints == null ? (
                      <Withheld />
                    ) : cell.complaints > 0 && hrefFor && cell.column !== null ? (
                      <Link
                        href={hrefFor(row.id, cell.column)}
                        className="text-brand-700 underline-offset-2 hover:underline"
                      >
                        {formatCount(cell.complaints)}
                      </Link>
                    ) : (
                      formatCount(cell.complaints)
                    )}
                  </TD>
                ))}
              </TR>
            ))}
          </TBody>
        </Table>
      </CardContent>
    </Card>
  );
}
