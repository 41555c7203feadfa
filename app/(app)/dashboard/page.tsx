import type { Metadata } from "next";
import { ZeroMissionChart } from "@/components/charts/zero-mission-chart";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { SMALL_CELL_THRESHOLD } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { getDashboardData } from "@/lib/metric/dashboard";
import { monthLabel } from "@/lib/metric/labels";
import { getMarkets } from "@/lib/metric/queries";
import { must } from "@/lib/must";
import { BreakdownTable } from "./breakdown-table";
import { KpiCards } from "./kpi-cards";
import { MarketPicker } from "./market-picker";
import { chartMarkers, ShippedActions } from "./shipped-actions";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser("reports:read");
  const params = await searchParams;
  const markets = await getMarkets();
  const requested = typeof params.market === "string" ? params.market.toUpperCase() : undefined;
  const fallback = markets.find((m) => m.code === "SE")?.code ?? markets[0]?.code ?? null;
  const market = requested === "ALL" ? null : markets.some((m) => m.code === requested) ? requested! : fallback;
  const data = await getDashboardData({ market, role: user.role });
  const marketName = market ? (markets.find((m) => m.code === market)?.name ?? market) : "All markets";

  return (
    <>
      <PageHeader
        title="Zero mission"
        description="Complaints per one million purchases: every channel, excluded complaints left out, weighted by volume over longer periods."
        actions={<MarketPicker markets={markets} current={market} />}
      />
      {!data.through ? (
        <Alert tone="info">No complaints or purchase volumes yet for {marketName}.</Alert>
      ) : (
        <div className="flex flex-col gap-6">
          <KpiCards data={data} />
          <Card>
            <CardHeader>
              <div>
                <CardTitle>{marketName}: complaints per million purchases by month</CardTitle>
                <p className="mt-1 text-sm text-zinc-600">
                  {monthLabel(must(data.chart[0], "a dashboard with data has months").month)} –{" "}
                  {monthLabel(must(data.chart.at(-1), "a dashboard with data has months").month)}. Coloured months fall
                  outside the control limits (u-chart, ±3σ from each month&apos;s volume): a real change rather than
                  noise.
                </p>
              </div>
            </CardHeader>
            <CardContent>
              <ZeroMissionChart
                title={`${marketName}: monthly complaints per million purchases with target and control limits`}
                showControlLimits
                points={data.chart.map((p) => ({ ...p, label: monthLabel(p.month) }))}
                markers={chartMarkers(data.shippedActions)}
              />
              <SignalList data={data} />
              <ShippedActions actions={data.shippedActions} />
            </CardContent>
          </Card>
          {data.breakdownPeriod ? (
            <section aria-labelledby="breakdowns-heading" className="flex flex-col gap-4">
              <div>
                <h2 id="breakdowns-heading" className="text-lg font-semibold text-zinc-900">
                  What moves the figure
                </h2>
                <p className="text-sm text-zinc-600">
                  {monthLabel(data.breakdownPeriod.from)} – {monthLabel(data.breakdownPeriod.to)}, per million purchases
                  of {marketName === "All markets" ? "all markets" : marketName}.
                  {data.suppressesSmallCells
                    ? ` Cells with fewer than ${SMALL_CELL_THRESHOLD} complaints are withheld.`
                    : null}
                </p>
              </div>
              <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
                {data.breakdowns.map((b) => (
                  <BreakdownTable key={b.id} breakdown={b} />
                ))}
              </div>
            </section>
          ) : null}
        </div>
      )}
    </>
  );
}

function SignalList({ data }: { data: Awaited<ReturnType<typeof getDashboardData>> }) {
  const flagged = data.chart.filter((p) => p.signal);
  if (flagged.length === 0) {
    return <p className="mt-3 text-sm text-zinc-600">No month outside the control limits: the variation is noise.</p>;
  }
  return (
    <ul aria-label="Months outside the control limits" className="mt-3 flex flex-wrap gap-2 text-sm">
      {flagged.map((p) => (
        <li
          key={p.month}
          className={
            p.signal === "above"
              ? "rounded bg-red-50 px-2 py-1 text-red-800"
              : "rounded bg-emerald-50 px-2 py-1 text-emerald-800"
          }
        >
          {monthLabel(p.month)}: {p.perMillion?.toFixed(1)} — {p.signal === "above" ? "real rise" : "real fall"}
        </li>
      ))}
    </ul>
  );
}
