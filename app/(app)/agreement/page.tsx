import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/session";
import { readComplaintOptions } from "@/lib/complaints/reads";
import { getFormat } from "@/lib/i18n/server";
import { readMarkets } from "@/lib/metric/operations";
import { readForPage } from "@/lib/operations/page";
import { readAgreementSamples } from "@/lib/root-causes/agreement-reads";
import { KappaFigure } from "./kappa-figure";
import { NewSampleForm } from "./new-sample-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("agreement"))("title") };
}

export default async function AgreementPage() {
  const { day: formatDay, number } = await getFormat();
  const t = await getTranslations("agreement");
  await requireUser("complaints:write");
  // The coders are the people complaints can be assigned to: active reviewers and admins.
  const [samples, options, markets] = await Promise.all([
    readForPage(readAgreementSamples, {}),
    readForPage(readComplaintOptions, {}),
    readForPage(readMarkets, {}),
  ]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description", { threshold: number(0.6, 1) })} />
      <div className="flex flex-col gap-6">
        <Card>
          <CardHeader>
            <CardTitle>{t("newSample")}</CardTitle>
          </CardHeader>
          <CardContent>
            <NewSampleForm coders={options.assignees} markets={markets} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("samples")}</CardTitle>
          </CardHeader>
          {samples.length === 0 ? (
            <CardContent>
              <p className="text-sm text-zinc-600">{t("empty")}</p>
            </CardContent>
          ) : (
            <Table aria-label={t("samples")}>
              <THead>
                <TR>
                  <TH scope="col">{t("columns.sample")}</TH>
                  <TH scope="col">{t("columns.coders")}</TH>
                  <TH scope="col" className="text-right">
                    {t("columns.complaints")}
                  </TH>
                  <TH scope="col">{t("columns.coded")}</TH>
                  <TH scope="col">{t("columns.agreement")}</TH>
                  <TH scope="col">{t("columns.drawn")}</TH>
                </TR>
              </THead>
              <TBody>
                {samples.map((s) => (
                  <TR key={s.id}>
                    <TH scope="row" className="text-left font-medium">
                      <Link href={`/agreement/${s.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                        {s.name}
                      </Link>
                    </TH>
                    <TD>{t("coderPair", { a: s.coderA.name, b: s.coderB.name })}</TD>
                    <TD className="text-right tabular-nums">{number(s.size)}</TD>
                    <TD className="tabular-nums text-zinc-700">
                      {t("codedPair", { a: number(s.codedA), b: number(s.codedB), size: number(s.size) })}
                    </TD>
                    <TD>
                      {s.kappa ? (
                        <KappaFigure kappa={s.kappa} compact />
                      ) : (
                        <span className="text-zinc-500">{t("whenFinished")}</span>
                      )}
                    </TD>
                    <TD className="whitespace-nowrap">{formatDay(s.createdAt.toISOString().slice(0, 10))}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
