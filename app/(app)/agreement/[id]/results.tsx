import Link from "next/link";
import { useTranslations } from "next-intl";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useFormat } from "@/lib/i18n/hooks";
import type { AgreementResults } from "@/lib/root-causes/agreement-reads";
import { KappaFigure, KappaVerdict } from "../kappa-figure";

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
  const t = useTranslations("agreement.results");
  const { number } = useFormat();
  const { overall } = results;
  const percent = (v: number | null) => (v == null ? "—" : t("percent", { value: number(v * 100, 0) }));
  return (
    <div className="flex flex-col gap-6">
      <Card aria-label={t("agreement")}>
        <CardHeader>
          <CardTitle>{t("agreement")}</CardTitle>
        </CardHeader>
        <CardContent className="flex flex-col gap-2">
          <p className="text-2xl">
            <KappaFigure kappa={overall} />
          </p>
          <p className="text-sm text-zinc-600">
            {t("summary", {
              n: number(overall.n),
              observed: percent(overall.observed),
              expected: percent(overall.expected),
            })}
          </p>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("perCause")}</CardTitle>
        </CardHeader>
        <Table aria-label={t("perCauseLabel")}>
          <THead>
            <TR>
              <TH scope="col">{t("rootCause")}</TH>
              <TH scope="col" className="text-right">
                {coderA}
              </TH>
              <TH scope="col" className="text-right">
                {coderB}
              </TH>
              <TH scope="col" className="text-right">
                κ
              </TH>
              <TH scope="col">{t("reading")}</TH>
            </TR>
          </THead>
          <TBody>
            {results.causes.map((c) => (
              <TR key={c.id}>
                <TH scope="row" className="text-left font-medium">
                  {c.name}
                </TH>
                <TD className="text-right tabular-nums">{number(c.byA)}</TD>
                <TD className="text-right tabular-nums">{number(c.byB)}</TD>
                <TD className="text-right tabular-nums">{number(c.kappa.kappa, 2)}</TD>
                <TD>
                  <KappaVerdict kappa={c.kappa.kappa} />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("sideBySide")}</CardTitle>
        </CardHeader>
        <Table aria-label={t("sideBySide")}>
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
                    {count ? number(count) : ""}
                  </TD>
                ))}
              </TR>
            ))}
          </TBody>
        </Table>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("disagreements")}</CardTitle>
        </CardHeader>
        {results.disagreements.length === 0 ? (
          <CardContent>
            <p className="text-sm text-zinc-600">{t("noDisagreements")}</p>
          </CardContent>
        ) : (
          <Table aria-label={t("disagreements")}>
            <THead>
              <TR>
                <TH scope="col">{t("complaint")}</TH>
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
