import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { readComplaintOptions } from "@/lib/complaints/reads";
import { getFormat } from "@/lib/i18n/server";
import { readForPage } from "@/lib/operations/page";
import { readAgreementSample, type SampleDetail } from "@/lib/root-causes/agreement-reads";
import { cn } from "@/lib/utils/cn";
import { CodingForm } from "./coding-form";
import { AgreementResultsView } from "./results";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("agreement.sample"))("metaTitle") };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AgreementSamplePage({ params, searchParams }: Props) {
  const { day: formatDay, number } = await getFormat();
  const t = await getTranslations("agreement");
  await requireUser("complaints:write");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const [sample, options] = await Promise.all([
    readForPage(readAgreementSample, { id }),
    readForPage(readComplaintOptions, {}),
  ]);
  const query = await searchParams;
  const coded = Object.keys(sample.myCodes).length;
  const finished = sample.codedA >= sample.size && sample.codedB >= sample.size;
  const other = sample.viewerCoder === "a" ? sample.coderB.name : sample.coderA.name;
  // The item to code: the one asked for, else the first the viewer has not coded.
  const asked = Number(query.position);
  const item =
    sample.viewerCoder && !finished
      ? (sample.items.find((i) => i.position === asked) ??
        sample.items.find((i) => !(i.complaintId in sample.myCodes)) ??
        null)
      : null;

  return (
    <>
      <div className="mb-6">
        <p className="text-sm text-zinc-500">
          <Link href="/agreement" className="hover:underline">
            {t("title")}
          </Link>{" "}
          / {sample.name}
        </p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight text-zinc-900">{sample.name}</h1>
        <p className="mt-1 text-sm text-zinc-600">
          {t("sample.summary", {
            size: number(sample.size),
            date: formatDay(sample.createdAt.toISOString().slice(0, 10)),
            a: sample.coderA.name,
            codedA: number(sample.codedA),
            b: sample.coderB.name,
            codedB: number(sample.codedB),
          })}
        </p>
      </div>
      <div className="flex flex-col gap-6">
        {sample.viewerCoder && !finished ? (
          <Card>
            <CardHeader>
              <CardTitle>{t("sample.yourCodes", { coded: number(coded), size: number(sample.size) })}</CardTitle>
            </CardHeader>
            <CardContent className="flex flex-col gap-5">
              <p className="text-sm text-zinc-600">{t("sample.instructions", { other })}</p>
              <Positions sample={sample} current={item?.position ?? null} />
              {item ? (
                <div className="flex flex-col gap-4 rounded-md border border-zinc-200 p-4">
                  <div>
                    <p className="text-xs font-medium uppercase tracking-wide text-zinc-500">
                      {t("sample.item", {
                        position: number(item.position),
                        size: number(sample.size),
                        reference: item.reference,
                        market: item.market,
                        date: formatDay(item.receivedOn),
                      })}
                      {item.product ? ` · ${item.product}` : ""}
                      {item.category ? ` · ${item.category}` : ""}
                    </p>
                    <h2 className="mt-1 font-semibold text-zinc-900">{item.summary}</h2>
                    <p className="mt-2 whitespace-pre-line text-sm text-zinc-700">
                      {item.narrative ?? t("sample.noNarrative")}
                    </p>
                  </div>
                  <CodingForm
                    key={item.complaintId}
                    sampleId={sample.id}
                    complaintId={item.complaintId}
                    current={sample.myCodes[item.complaintId]}
                    rootCauses={options.rootCauses}
                    next={`/agreement/${sample.id}`}
                  />
                </div>
              ) : (
                <Alert tone="success">{t("sample.allCoded", { size: number(sample.size), other })}</Alert>
              )}
            </CardContent>
          </Card>
        ) : null}
        {sample.results ? (
          <AgreementResultsView results={sample.results} coderA={sample.coderA.name} coderB={sample.coderB.name} />
        ) : !sample.viewerCoder ? (
          <Alert tone="info">{t("sample.resultsLater", { size: number(sample.size) })}</Alert>
        ) : null}
      </div>
    </>
  );
}

/** Every complaint of the sample as a numbered link, marked once the viewer has coded it. */
function Positions({ sample, current }: { sample: SampleDetail; current: number | null }) {
  const t = useTranslations("agreement.sample");
  return (
    <nav aria-label={t("positions")}>
      <ol className="flex flex-wrap gap-1.5">
        {sample.items.map((i) => {
          const done = i.complaintId in sample.myCodes;
          return (
            <li key={i.position}>
              <Link
                href={`/agreement/${sample.id}?position=${i.position}`}
                aria-current={i.position === current ? "step" : undefined}
                aria-label={
                  done ? t("positionCoded", { position: i.position }) : t("position", { position: i.position })
                }
                className={cn(
                  "inline-flex size-8 items-center justify-center rounded-md border text-xs tabular-nums",
                  done ? "border-emerald-200 bg-emerald-50 text-emerald-800" : "border-zinc-200 text-zinc-700",
                  i.position === current && "ring-2 ring-zinc-900",
                )}
              >
                {i.position}
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
