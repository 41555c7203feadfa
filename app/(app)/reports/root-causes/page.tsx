import type { Metadata } from "next";
import { type ParetoBar, ParetoChart } from "@/components/charts/pareto-chart";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { can, SMALL_CELL_THRESHOLD } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { JOURNEY_STAGE_LABELS } from "@/lib/complaints/labels";
import { drillDownHref } from "@/lib/metric/breakdowns";
import { formatCount } from "@/lib/metric/format";
import { CHANNEL_LABELS, monthLabel } from "@/lib/metric/labels";
import { readMarkets, readProductOptions } from "@/lib/metric/operations";
import { readAsUser, readForPage } from "@/lib/operations/page";
import type { RootCauseMatrix } from "@/lib/root-causes/matrix";
import { readRootCauseMatrix, readRootCauseReport } from "@/lib/root-causes/operations";
import type { RootCauseReport } from "@/lib/root-causes/report";
import { ActionRateCard } from "./action-rate-card";
import { MatrixTable } from "./matrix-table";
import { type FilterValues, ReportFilters } from "./report-filters";
import { RootCauseTable } from "./root-cause-table";
import { TrendCard } from "./trend-card";

export const metadata: Metadata = { title: "Root causes" };

const TREND_SERIES = 5;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function RootCauseReportPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser("reports:read");
  const params = await searchParams;
  const text = (name: keyof FilterValues) => (typeof params[name] === "string" ? (params[name] as string) : "");
  const values: FilterValues = {
    market: text("market"),
    from: text("from"),
    to: text("to"),
    product: text("product"),
    channel: text("channel"),
    journeyStage: text("journeyStage"),
  };
  const [markets, products] = await Promise.all([readForPage(readMarkets, {}), readForPage(readProductOptions, {})]);
  // The form sends empty fields as empty strings: those filters are not set.
  const set = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ""));

  let report: RootCauseReport | null = null;
  let byProduct: RootCauseMatrix | null = null;
  let byStage: RootCauseMatrix | null = null;
  let errors: Record<string, string[]> = {};
  let problem: string | null = null;
  const [reportRead, byProductRead, byStageRead] = await Promise.all([
    readAsUser(readRootCauseReport, set),
    readAsUser(readRootCauseMatrix, { ...set, by: "product" }),
    readAsUser(readRootCauseMatrix, { ...set, by: "journey_stage" }),
  ]);
  if ("data" in reportRead && "data" in byProductRead && "data" in byStageRead) {
    [report, byProduct, byStage] = [reportRead.data.report, byProductRead.data.matrix, byStageRead.data.matrix];
  } else {
    const failure = [reportRead, byProductRead, byStageRead].find((r) => "error" in r);
    if (!failure || !("error" in failure)) throw new Error("root-causes: a read failed without an error");
    const { code, message, details } = failure.error;
    // A filter the schema refuses (named per field), or a scope the report cannot take (an unknown
    // market or product): said on the page. Anything else (the database away) is the error page's.
    if (code !== "invalid" && code !== "not_found") throw new Error(`root-causes.readRootCauseReport: ${code}`);
    if (failure.fieldErrors) {
      errors = failure.fieldErrors;
      problem = "Some filters are invalid: correct them and show the report again.";
    } else {
      problem = message;
      for (const detail of (details as { path: string; message: string }[] | undefined) ?? [])
        errors[detail.path] = [detail.message];
    }
  }

  return (
    <>
      <PageHeader
        title="Root causes"
        description="What the complaints were about underneath: every tagged complaint of the scope, per million purchases, against the period just before. Excluded complaints are left out."
      />
      <ReportFilters
        values={
          report
            ? {
                ...values,
                from: report.from,
                to: report.to,
                market: report.market ?? "",
                product: report.product?.id ?? "",
              }
            : values
        }
        markets={markets}
        products={products}
        errors={errors}
      />
      {problem ? <Alert tone="danger">{problem}</Alert> : null}
      {report ? (
        <Report
          report={report}
          canReadComplaints={can(user.role, "complaints:read")}
          canStartAction={can(user.role, "remediation:propose")}
          markets={markets}
          csvHref={`/api/v1/reports/root-causes?${new URLSearchParams({ ...set, format: "csv" }).toString()}`}
          matrices={
            byProduct && byStage
              ? [
                  {
                    matrix: byProduct,
                    title: "Root causes by product",
                    param: "product",
                    csvHref: `/api/v1/reports/root-causes/matrix?${new URLSearchParams({ ...set, by: "product", format: "csv" }).toString()}`,
                  },
                  {
                    matrix: byStage,
                    title: "Root causes by journey stage",
                    param: "journey_stage",
                    csvHref: `/api/v1/reports/root-causes/matrix?${new URLSearchParams({ ...set, by: "journey_stage", format: "csv" }).toString()}`,
                  },
                ]
              : []
          }
        />
      ) : null}
    </>
  );
}

function Report({
  report,
  canReadComplaints,
  canStartAction,
  markets,
  csvHref,
  matrices,
}: {
  report: RootCauseReport;
  canReadComplaints: boolean;
  canStartAction: boolean;
  markets: { code: string; name: string }[];
  csvHref: string;
  matrices: { matrix: RootCauseMatrix; title: string; param: "product" | "journey_stage"; csvHref: string }[];
}) {
  const scope = [
    report.market ? (markets.find((m) => m.code === report.market)?.name ?? report.market) : "All markets",
    report.product?.name,
    report.channel ? CHANNEL_LABELS[report.channel] : null,
    report.journeyStage ? JOURNEY_STAGE_LABELS[report.journeyStage] : null,
  ].filter(Boolean);
  const period = `${monthLabel(report.from)} – ${monthLabel(report.to)}`;
  const previous = `${monthLabel(report.previous.from)} – ${monthLabel(report.previous.to)}`;
  const hrefFor = (row: { id: string }) =>
    canReadComplaints
      ? drillDownHref(report, {
          root_cause: row.id,
          ...(report.product ? { product: report.product.id } : {}),
          ...(report.channel ? { channel: report.channel } : {}),
          ...(report.journeyStage ? { journey_stage: report.journeyStage } : {}),
        })
      : null;
  // Causes with a month to draw: where every month is withheld or zero, a line says nothing.
  const pareto: ParetoBar[] = report.rootCauses
    .filter((r) => !r.suppressed && r.complaints && r.cumulativeShare != null)
    .map((r) => ({
      id: r.id,
      name: r.name,
      complaints: r.complaints ?? 0,
      cumulativeShare: r.cumulativeShare ?? 0,
      href: hrefFor(r),
    }));
  const newActionHref = canStartAction
    ? (row: { id: string }) =>
        `/remediation/new?${new URLSearchParams({
          root_cause: row.id,
          ...(report.market ? { market: report.market } : {}),
          ...(report.product ? { product: report.product.id } : {}),
        }).toString()}`
    : null;
  const trend = report.rootCauses.filter((r) => r.months.some((m) => (m.complaints ?? 0) > 0)).slice(0, TREND_SERIES);
  const [topCause] = trend;

  return (
    <div className="flex flex-col gap-6">
      <div className="grid gap-4 md:grid-cols-3">
        <StatCard
          title="Complaints"
          value={formatCount(report.complaints)}
          detail={`${scope.join(" · ")}, ${period}`}
        />
        <StatCard
          title="With a root cause"
          value={formatCount(report.tagged)}
          detail={
            report.coverage == null
              ? "Share not shown"
              : `${(report.coverage * 100).toFixed(0)} % of the complaints have been analysed to a cause${
                  report.previousCoverage == null
                    ? ""
                    : `; ${(report.previousCoverage * 100).toFixed(0)} % in ${previous}. Changes in share compare tagged complaints only`
                }`
          }
        />
        <StatCard
          title={report.denominator === "product" ? "Purchases of the product" : "Purchases"}
          value={formatCount(report.purchases)}
          detail={
            report.purchases == null
              ? report.denominator === "product"
                ? "No purchase volumes recorded for this product: no rates"
                : "No purchase volumes recorded for this period: no rates"
              : `The rates' denominator: months with a volume only. Compared with ${previous}.`
          }
        />
      </div>
      {report.suppressesSmallCells ? (
        <p className="text-sm text-zinc-600">
          Cells with fewer than {SMALL_CELL_THRESHOLD} complaints are withheld, so no customer can be singled out.
        </p>
      ) : null}
      {report.rootCauses.length === 0 ? (
        <Alert tone="info">
          No complaint in this scope has a root cause in {period} or {previous}.
        </Alert>
      ) : (
        <>
          {pareto.length ? (
            <Card>
              <CardHeader>
                <CardTitle>Pareto of root causes</CardTitle>
              </CardHeader>
              <CardContent>
                <ParetoChart
                  title={`Tagged complaints by root cause, most frequent first, with the cumulative share and the 80 % line, ${period}`}
                  bars={pareto}
                />
              </CardContent>
            </Card>
          ) : null}
          <ActionRateCard rate={report.actionRate} newActionHref={newActionHref} />
          {topCause ? (
            <TrendCard
              causes={trend.map(({ id, name, months }) => ({ id, name, months }))}
              labels={topCause.months.map((m) => monthLabel(m.month))}
              period={period}
              denominator={report.denominator}
              monthsWithoutVolume={report.monthsWithoutVolume.map((m) => monthLabel(m))}
            />
          ) : null}
          <div className="flex justify-end gap-2 print:hidden">
            <a
              href={csvHref}
              download
              className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium text-zinc-800 hover:bg-zinc-50"
            >
              Export CSV
            </a>
          </div>
          <RootCauseTable rows={report.rootCauses} hrefFor={hrefFor} newActionHref={newActionHref} />
          {matrices.map(({ matrix, title, param, csvHref: href }) => (
            <MatrixTable
              key={param}
              matrix={matrix}
              title={title}
              csvHref={href}
              hrefFor={
                canReadComplaints
                  ? (causeId, column) =>
                      drillDownHref(report, {
                        root_cause: causeId,
                        [param]: column ?? "",
                        ...(report.product && param !== "product" ? { product: report.product.id } : {}),
                        ...(report.channel ? { channel: report.channel } : {}),
                        ...(report.journeyStage && param !== "journey_stage"
                          ? { journey_stage: report.journeyStage }
                          : {}),
                      })
                  : null
              }
            />
          ))}
          <p className="text-xs text-zinc-500">
            A complaint with several root causes counts under each; shares are of the complaints with a root cause, so
            they can add up to more than 100 %. Per million: tagged complaints per million purchases of{" "}
            {report.denominator === "product" ? "the product" : "the market"}. Actions: remediation actions addressing
            the cause, cancelled ones left out.
          </p>
        </>
      )}
    </div>
  );
}
