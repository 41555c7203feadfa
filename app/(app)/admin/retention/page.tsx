import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/session";
import { getFormat } from "@/lib/i18n/server";
import { nextRun, scheduleOf } from "@/lib/jobs/validations";
import { readMarkets } from "@/lib/metric/operations";
import { readForPage } from "@/lib/operations/page";
import { readRetentionOverview } from "@/lib/privacy/operations";
import { RetentionRulesTable } from "./retention-rules-table";
import { RetentionSchedule } from "./retention-schedule";
import { RunRetention } from "./run-retention";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("retention"))("title") };
}

export default async function RetentionPage() {
  await requireUser("admin:manage");
  const [t, format] = await Promise.all([getTranslations("retention"), getFormat()]);
  const [markets, { due, runs, cron }] = await Promise.all([
    readForPage(readMarkets, {}),
    readForPage(readRetentionOverview, {}),
  ]);
  const totalDue = due.reduce((sum, m) => sum + m.due, 0);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="flex flex-col gap-6">
        <RetentionRulesTable markets={markets} due={due} />
        <RetentionSchedule current={scheduleOf(cron)} next={nextRun(cron)?.toISOString() ?? null} />
        <RunRetention due={totalDue} />
        <Card>
          <CardHeader>
            <CardTitle>{t("runs.title")}</CardTitle>
          </CardHeader>
          {runs.length === 0 ? (
            <CardContent>
              <p className="text-sm text-zinc-600">{t("runs.none")}</p>
            </CardContent>
          ) : (
            <Table aria-label={t("runs.label")}>
              <THead>
                <TR>
                  <TH scope="col">{t("runs.when")}</TH>
                  <TH scope="col">{t("runs.by")}</TH>
                  <TH scope="col">{t("runs.kind")}</TH>
                  <TH scope="col" className="text-right">
                    {t("runs.erased")}
                  </TH>
                  <TH scope="col">{t("runs.markets")}</TH>
                </TR>
              </THead>
              <TBody>
                {runs.map((r) => (
                  <TR key={r.at.toISOString()}>
                    <TD className="whitespace-nowrap tabular-nums">{format.dateTime(r.at)}</TD>
                    <TD>{r.by}</TD>
                    <TD>{r.run.dryRun ? t("runs.dryRun") : t("runs.run")}</TD>
                    <TD className="text-right tabular-nums">{r.run.dryRun ? "—" : format.number(r.run.erased)}</TD>
                    <TD className="text-zinc-600">
                      {r.run.markets.length
                        ? r.run.markets
                            .map((m) =>
                              r.run.dryRun
                                ? t("runs.marketDue", { market: m.market, count: m.due })
                                : t("runs.marketErased", { market: m.market, count: m.erased }),
                            )
                            .join(", ")
                        : t("runs.noRules")}
                    </TD>
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
