"use client";

import { useTranslations } from "next-intl";
import { parseAsStringLiteral, useQueryState } from "nuqs";
import { ToggleGroup } from "radix-ui";
import { RootCauseTrendChart, type TrendSeries } from "@/components/charts/root-cause-trend-chart";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { SMALL_CELL_THRESHOLD } from "@/lib/auth/roles";

export const TREND_MEASURES = ["count", "per_million"] as const;
type Measure = (typeof TREND_MEASURES)[number];

export type TrendCause = {
  id: string;
  name: string;
  months: { month: string; complaints: number | null; perMillion: number | null }[];
};

const MEASURE_LABELS = { count: "count", per_million: "perMillion" } as const satisfies Record<Measure, string>;

/**
 * The monthly trend of the biggest causes, as counts or per million purchases of the same market and
 * month. The choice lives in the URL (`trend=per_million`), so a shared link opens the same view.
 */
export function TrendCard({
  causes,
  labels,
  period,
  denominator,
  monthsWithoutVolume,
}: {
  causes: TrendCause[];
  labels: string[];
  period: string;
  denominator: "market" | "product";
  /** Labels of the months without a volume. */
  monthsWithoutVolume: string[];
}) {
  const t = useTranslations("reports.trend");
  const [measure, setMeasure] = useQueryState(
    "trend",
    parseAsStringLiteral(TREND_MEASURES).withDefault("count").withOptions({ clearOnDefault: true }),
  );
  const perMillion = measure === "per_million";
  const series: TrendSeries[] = causes.map((c) => ({
    id: c.id,
    name: c.name,
    values: c.months.map((m) => (perMillion ? m.perMillion : m.complaints)),
    gaps: c.months.map((m) =>
      m.complaints === null
        ? t("gapSmall", { threshold: SMALL_CELL_THRESHOLD })
        : perMillion && m.perMillion === null
          ? t("gapNoVolume")
          : null,
    ),
  }));
  const ofProduct = denominator === "product";
  return (
    <Card>
      <CardHeader className="flex-wrap items-center">
        <CardTitle>{perMillion ? t("titlePerMillion") : t("titleCount")}</CardTitle>
        <ToggleGroup.Root
          type="single"
          value={measure}
          onValueChange={(value) => {
            if (value) void setMeasure(value as Measure);
          }}
          aria-label={t("showAs")}
          className="inline-flex rounded-md border border-zinc-300 p-0.5 print:hidden"
        >
          {TREND_MEASURES.map((m) => (
            <ToggleGroup.Item
              key={m}
              value={m}
              className="rounded px-3 py-1 text-sm font-medium text-zinc-700 hover:bg-zinc-100 data-[state=on]:bg-zinc-900 data-[state=on]:text-white"
            >
              {t(MEASURE_LABELS[m])}
            </ToggleGroup.Item>
          ))}
        </ToggleGroup.Root>
      </CardHeader>
      <CardContent>
        <RootCauseTrendChart
          title={
            perMillion
              ? t(ofProduct ? "labelPerMillionProduct" : "labelPerMillionMarket", { count: causes.length, period })
              : t("labelCount", { count: causes.length, period })
          }
          labels={labels}
          series={series}
          digits={perMillion ? 1 : 0}
        />
        {perMillion ? (
          <p className="mt-2 text-xs text-zinc-600">
            {t(ofProduct ? "explainProduct" : "explainMarket")}{" "}
            {monthsWithoutVolume.length ? t("gapsNamed", { months: monthsWithoutVolume.join(", ") }) : t("gapsGeneral")}
          </p>
        ) : null}
      </CardContent>
    </Card>
  );
}
