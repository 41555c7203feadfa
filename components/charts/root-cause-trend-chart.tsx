"use client";

import { useTranslations } from "next-intl";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { SMALL_CELL_THRESHOLD } from "@/lib/auth/roles";
import { useFormat } from "@/lib/i18n/hooks";
import { GRID, MONTH_AXIS, TOOLTIP_STYLE, VALUE_AXIS } from "./axes";

export type TrendSeries = {
  id: string;
  name: string;
  values: (number | null)[];
  /** Why a month has no value (a gap), shown in the tooltip; "fewer than 5" (in the reader's language) when not given. */
  gaps?: (string | null)[];
};

// Distinct, colour-blind-friendly hues (Okabe–Ito), one per series.
const COLORS = ["#d55e00", "#0072b2", "#009e73", "#cc79a7", "#e69f00"];

/**
 * A few root causes' tagged complaints per month as lines, as counts or per million purchases. A month
 * without a value (a withheld small cell, a month without purchase volume) is a gap, not a zero.
 */
export function RootCauseTrendChart({
  labels,
  series,
  title,
  height = 280,
  digits = 0,
}: {
  labels: string[];
  series: TrendSeries[];
  title: string;
  height?: number;
  /** Decimals in the tooltip (rates per million want one). */
  digits?: number;
}) {
  const t = useTranslations("reports.trend");
  const { number } = useFormat();
  const data = labels.map((label, i) =>
    Object.fromEntries([
      ["label", label],
      ...series.flatMap((s) => [
        [s.id, s.values[i]],
        [`${s.id}:gap`, s.gaps?.[i] ?? null],
      ]),
    ]),
  );
  return (
    <figure role="img" aria-label={title} className="w-full">
      <div style={{ height }} className="w-full">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
            <CartesianGrid {...GRID} />
            <XAxis {...MONTH_AXIS} />
            <YAxis {...VALUE_AXIS} allowDecimals={digits > 0} tickFormatter={(value: number) => number(value)} />
            <Tooltip
              // A gap is shown with its reason, not dropped from the tooltip.
              filterNull={false}
              formatter={(value, name, item) => [
                typeof value === "number"
                  ? number(value, digits)
                  : ((item.payload as Record<string, string | null>)[`${String(item.dataKey)}:gap`] ??
                    t("gapSmall", { threshold: SMALL_CELL_THRESHOLD })),
                name,
              ]}
              {...TOOLTIP_STYLE}
            />
            {series.map((s, i) => (
              <Line
                key={s.id}
                dataKey={s.id}
                name={s.name}
                type="monotone"
                stroke={COLORS[i % COLORS.length]}
                strokeWidth={2}
                dot={{ r: 2 }}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="mt-3 flex flex-wrap gap-x-5 gap-y-1 text-xs text-zinc-600">
        {series.map((s, i) => (
          <span key={s.id} className="inline-flex items-center gap-1.5">
            <span
              aria-hidden
              className="inline-block size-2.5 rounded-sm"
              style={{ backgroundColor: COLORS[i % COLORS.length] }}
            />
            {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
