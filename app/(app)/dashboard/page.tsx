import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ZeroMissionChart } from "@/components/charts/zero-mission-chart";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { SMALL_CELL_THRESHOLD } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { type Formatter, formatterFor } from "@/lib/format";
import type { DashboardData } from "@/lib/metric/dashboard";
import { readDashboard, readMarkets } from "@/lib/metric/operations";
import { must } from "@/lib/must";
import { readForPage } from "@/lib/operations/page";
import { BreakdownTable } from "./breakdown-table";
import { KpiCards } from "./kpi-cards";
import { MarketPicker } from "./market-picker";
import { chartMarkers, ShippedActions } from "./shipped-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("titles"))("dashboard") };
}

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireUser("reports:read");
  const params = await searchParams;
  const markets = await readForPage(readMarkets, {});
  const requested = typeof params.market === "string" ? params.market.toUpperCase() : undefined;
  const fallback = markets.find((m) => m.code === "SE")?.code ?? markets[0]?.code ?? null;
  const market = requested === "ALL" ? null : markets.some((m) => m.code === requested) ? requested! : fallback;
  const locale = await getLocale();
  const t = await getTranslations("dashboard");
  const format = formatterFor(locale);
  const monthLabel = format.month;
  const data = await readForPage(readDashboard, { market, locale });
  const allMarkets = t("allMarkets");
  const marketName = market ? (markets.find((m) => m.code === market)?.name ?? market) : allMarkets;

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={<MarketPicker markets={markets} current={market} />}
      />
      {!data.through ? (
        <Alert tone="info">{t("noData", { market: marketName })}</Alert>
      ) : (
        <div className="flex flex-col gap-6">
          <KpiCards data={data} format={format} />
          <Card>
            <CardHeader>
              <div>
                <CardTitle>{t("chartTitle", { market: marketName })}</CardTitle>
                <p className="mt-1 text-sm text-zinc-600">
                  {t("chartPeriod", {
                    from: monthLabel(must(data.chart[0], "a dashboard with data has months").month),
                    to: monthLabel(must(data.chart.at(-1), "a dashboard with data has months").month),
                  })}
                </p>
              </div>
            </CardHeader>
            <CardContent>
              <ZeroMissionChart
                title={t("chartLabel", { market: marketName })}
                valueLabel={t("perMillionPurchases")}
                targetLabel={t("target")}
                showControlLimits
                points={data.chart.map((p) => ({ ...p, label: monthLabel(p.month) }))}
                markers={chartMarkers(data.shippedActions, monthLabel)}
              />
              <SignalList data={data} format={format} />
              <ShippedActions actions={data.shippedActions} />
            </CardContent>
          </Card>
          {data.breakdownPeriod ? (
            <section aria-labelledby="breakdowns-heading" className="flex flex-col gap-4">
              <div>
                <h2 id="breakdowns-heading" className="text-lg font-semibold text-zinc-900">
                  {t("whatMoves")}
                </h2>
                <p className="text-sm text-zinc-600">
                  {t("breakdownPeriod", {
                    from: monthLabel(data.breakdownPeriod.from),
                    to: monthLabel(data.breakdownPeriod.to),
                    market: marketName === allMarkets ? allMarkets.toLocaleLowerCase(locale) : marketName,
                  })}
                  {data.suppressesSmallCells ? ` ${t("withheldNote", { threshold: SMALL_CELL_THRESHOLD })}` : null}
                </p>
              </div>
              <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
                {data.breakdowns.map((b) => (
                  <BreakdownTable key={b.id} breakdown={b} format={format} />
                ))}
              </div>
            </section>
          ) : null}
        </div>
      )}
    </>
  );
}

async function SignalList({ data, format }: { data: DashboardData; format: Formatter }) {
  const t = await getTranslations("dashboard");
  const flagged = data.chart.filter((p) => p.signal);
  if (flagged.length === 0) {
    return <p className="mt-3 text-sm text-zinc-600">{t("noSignal")}</p>;
  }
  return (
    <ul aria-label={t("signals")} className="mt-3 flex flex-wrap gap-2 text-sm">
      {flagged.map((p) => (
        <li
          key={p.month}
          className={
            p.signal === "above"
              ? "rounded bg-red-50 px-2 py-1 text-red-800"
              : "rounded bg-emerald-50 px-2 py-1 text-emerald-800"
          }
        >
          {format.month(p.month)}: {format.number(p.perMillion, 1)} —{" "}
          {p.signal === "above" ? t("realRise") : t("realFall")}
        </li>
      ))}
    </ul>
  );
}
