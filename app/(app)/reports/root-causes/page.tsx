import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { type ParetoBar, ParetoChart } from "@/components/charts/pareto-chart";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { can, SMALL_CELL_THRESHOLD } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { type Formatter, formatterFor } from "@/lib/format";
import { INTL_LOCALE } from "@/lib/i18n/locales";
import { codesFor } from "@/lib/i18n/messages";
import { drillDownHref } from "@/lib/metric/breakdowns";
import { formatCount } from "@/lib/metric/format";
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

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports"))("title") };
}

const TREND_SERIES = 5;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function RootCauseReportPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser("reports:read");
  const t = await getTranslations("reports");
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
      problem = t("invalidFilters");
    } else {
      problem = message;
      for (const detail of (details as { path: string; message: string }[] | undefined) ?? [])
        errors[detail.path] = [detail.message];
    }
  }

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
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
                    title: t("matrix.byProduct"),
                    param: "product",
                    csvHref: `/api/v1/reports/root-causes/matrix?${new URLSearchParams({ ...set, by: "product", format: "csv" }).toString()}`,
                  },
                  {
                    matrix: byStage,
                    title: t("matrix.byStage"),
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

async function Report({
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
  const t = await getTranslations("reports");
  const locale = await getLocale();
  const codes = codesFor(locale);
  const format: Formatter = formatterFor(locale);
  const intl = INTL_LOCALE[format.locale];
  const count = (value: number | null | undefined) => formatCount(value, intl);
  const percent = (share: number) => `${format.number(Math.round(share * 100))} %`;
  const monthLabel = format.month;
  const scope = [
    report.market ? (markets.find((m) => m.code === report.market)?.name ?? report.market) : t("allMarkets"),
    report.product?.name,
    report.channel ? codes.channel[report.channel] : null,
    report.journeyStage ? codes.journeyStage[report.journeyStage] : null,
  ].filter(Boolean);
  const period = t("period", { from: monthLabel(report.from), to: monthLabel(report.to) });
  const previous = t("period", { from: monthLabel(report.previous.from), to: monthLabel(report.previous.to) });
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
          title={t("stats.complaints")}
          value={count(report.complaints)}
          detail={t("stats.scopeAndPeriod", { scope: scope.join(" · "), period })}
        />
        <StatCard
          title={t("stats.tagged")}
          value={count(report.tagged)}
          detail={
            report.coverage == null
              ? t("stats.shareNotShown")
              : report.previousCoverage == null
                ? t("stats.coverage", { share: percent(report.coverage) })
                : t("stats.coverageWithPrevious", {
                    share: percent(report.coverage),
                    previousShare: percent(report.previousCoverage),
                    previous,
                  })
          }
        />
        <StatCard
          title={report.denominator === "product" ? t("stats.purchasesOfProduct") : t("stats.purchases")}
          value={count(report.purchases)}
          detail={
            report.purchases == null
              ? report.denominator === "product"
                ? t("stats.noVolumeProduct")
                : t("stats.noVolumePeriod")
              : t("stats.denominator", { previous })
          }
        />
      </div>
      {report.suppressesSmallCells ? (
        <p className="text-sm text-zinc-600">{t("withheldNote", { threshold: SMALL_CELL_THRESHOLD })}</p>
      ) : null}
      {report.rootCauses.length === 0 ? (
        <Alert tone="info">{t("noRootCauses", { period, previous })}</Alert>
      ) : (
        <>
          {pareto.length ? (
            <Card>
              <CardHeader>
                <CardTitle>{t("pareto.title")}</CardTitle>
              </CardHeader>
              <CardContent>
                <ParetoChart title={t("pareto.label", { period })} bars={pareto} />
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
              {t("exportCsv")}
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
            {report.denominator === "product" ? t("footnoteProduct") : t("footnoteMarket")}
          </p>
        </>
      )}
    </div>
  );
}
