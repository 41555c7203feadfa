import Link from "next/link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { AgreementResults } from "@/lib/root-causes/agreement-reads";
import { kappaVerdict } from "@/lib/root-causes/kappa";
import { KappaFigure } from "../kappa-figure";

const percent = (v: number | null) => (v == null ? "—" : `${(v * 100).toFixed(0)} %`);

/** Overall κ, agreement per root cause, the codes side by side, and every disagreement to talk through. */
export function AgreementResultsView({
  results,
  coderA,
  coderB,
}: {
  results: AgreementResults;
  coderA: string;
  coderB: string;
}) {
  const { overall } = results;
  return (
    <div className="flex flex-col gap-6">
      <Card aria-label="Agreement">
        <CardHeader>
          <CardTitle>Agreement</CardTitle>
        </CardHeader>
        <CardContent className="flex flex-col gap-2">
          <p className="text-2xl">
            <KappaFigure kappa={overall} />
          </p>
          <p className="text-sm text-zinc-600">
            On {overall.n} complaints coded by both: the same root cause {percent(overall.observed)} of the time,
            against {percent(overall.expected)} expected by chance from each coder&apos;s own mix of codes.
          </p>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Per root cause</CardTitle>
        </CardHeader>
        <Table aria-label="Agreement per root cause">
          <THead>
            <TR>
              <TH scope="col">Root cause</TH>
              <TH scope="col" className="text-right">
                {coderA}
              </TH>
              <TH scope="col" className="text-right">
                {coderB}
              </TH>
              <TH scope="col" className="text-right">
                κ
              </TH>
              <TH scope="col">Reading</TH>
            </TR>
          </THead>
          <TBody>
            {results.causes.map((c) => (
              <TR key={c.id}>
                <TH scope="row" className="text-left font-medium">
                  {c.name}
                </TH>
                <TD className="text-right tabular-nums">{c.byA}</TD>
                <TD className="text-right tabular-nums">{c.byB}</TD>
                <TD className="text-right tabular-nums">{c.kappa.kappa == null ? "—" : c.kappa.kappa.toFixed(2)}</TD>
                <TD>{kappaVerdict(c.kappa.kappa)}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Codes side by side</CardTitle>
        </CardHeader>
        <Table aria-label="Codes side by side">
          <THead>
            <TR>
              <TH scope="col">
                {coderA} ↓ · {coderB} →
              </TH>
              {results.codes.map((c) => (
                <TH key={c.id ?? "none"} scope="col" className="text-right">
                  {c.name}
                </TH>
              ))}
            </TR>
          </THead>
          <TBody>
            {results.codes.map((row, i) => (
              <TR key={row.id ?? "none"}>
                <TH scope="row" className="text-left font-medium">
                  {row.name}
                </TH>
                {(results.matrix[i] ?? []).map((count, j) => (
                  <TD
                    key={j}
                    className={
                      i === j ? "bg-emerald-50 text-right font-medium tabular-nums" : "text-right tabular-nums"
                    }
                  >
                    {count || ""}
                  </TD>
                ))}
              </TR>
            ))}
          </TBody>
        </Table>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Disagreements</CardTitle>
        </CardHeader>
        {results.disagreements.length === 0 ? (
          <CardContent>
            <p className="text-sm text-zinc-600">None: the coders agreed on every complaint.</p>
          </CardContent>
        ) : (
          <Table aria-label="Disagreements">
            <THead>
              <TR>
                <TH scope="col">Complaint</TH>
                <TH scope="col">{coderA}</TH>
                <TH scope="col">{coderB}</TH>
              </TR>
            </THead>
            <TBody>
              {results.disagreements.map((d) => (
                <TR key={d.complaintId}>
                  <TD>
                    <Link
                      href={`/complaints/${d.complaintId}`}
                      className="text-brand-700 underline-offset-2 hover:underline"
                    >
                      {d.reference}
                    </Link>
                  </TD>
                  <TD>{d.a}</TD>
                  <TD>{d.b}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
    </div>
  );
}
