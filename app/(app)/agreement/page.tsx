import type { Metadata } from "next";
import Link from "next/link";
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

export const metadata: Metadata = { title: "Tagging agreement" };

export default async function AgreementPage() {
  const { day: formatDay } = await getFormat();
  await requireUser("complaints:write");
  // The coders are the people complaints can be assigned to: active reviewers and admins.
  const [samples, options, markets] = await Promise.all([
    readForPage(readAgreementSamples, {}),
    readForPage(readComplaintOptions, {}),
    readForPage(readMarkets, {}),
  ]);
  return (
    <>
      <PageHeader
        title="Tagging agreement"
        description="Can the team trust its root-cause tags? Two reviewers code the same random complaints without seeing each other's codes; Cohen's kappa says how far they agree beyond chance (above 0.6 is substantial)."
      />
      <div className="flex flex-col gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Draw a new sample</CardTitle>
          </CardHeader>
          <CardContent>
            <NewSampleForm coders={options.assignees} markets={markets} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Samples</CardTitle>
          </CardHeader>
          {samples.length === 0 ? (
            <CardContent>
              <p className="text-sm text-zinc-600">
                No sample yet. Draw one above to measure how well the team agrees.
              </p>
            </CardContent>
          ) : (
            <Table aria-label="Samples">
              <THead>
                <TR>
                  <TH scope="col">Sample</TH>
                  <TH scope="col">Coders</TH>
                  <TH scope="col" className="text-right">
                    Complaints
                  </TH>
                  <TH scope="col">Coded</TH>
                  <TH scope="col">Agreement</TH>
                  <TH scope="col">Drawn</TH>
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
                    <TD>
                      {s.coderA.name} and {s.coderB.name}
                    </TD>
                    <TD className="text-right tabular-nums">{s.size}</TD>
                    <TD className="tabular-nums text-zinc-700">
                      {s.codedA} and {s.codedB} of {s.size}
                    </TD>
                    <TD>
                      {s.kappa ? (
                        <KappaFigure kappa={s.kappa} compact />
                      ) : (
                        <span className="text-zinc-500">When both have finished</span>
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
