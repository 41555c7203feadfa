import Link from "next/link";
import { Withheld } from "@/components/charts/rate-bar";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { formatCount } from "@/lib/metric/format";
import type { RootCauseMatrix } from "@/lib/root-causes/matrix";

/** Cause × product or stage; every cell with complaints opens exactly them (for roles that read complaints). */
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
  return (
    <Card>
      <CardHeader className="flex flex-row items-center justify-between">
        <CardTitle>{title}</CardTitle>
        <a href={csvHref} download className="text-sm text-brand-700 underline-offset-2 hover:underline print:hidden">
          CSV
        </a>
      </CardHeader>
      <CardContent className="overflow-x-auto">
        <Table aria-label={title}>
          <THead>
            <TR>
              <TH scope="col">Root cause</TH>
              <TH scope="col" className="text-right">
                Total
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
