"use client";

import { useTranslations } from "next-intl";
import {
  Bar,
  CartesianGrid,
  Cell,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { useFormat } from "@/lib/i18n/hooks";
import { GRID, MONTH_AXIS, TOOLTIP_STYLE, VALUE_AXIS } from "./axes";

export type ZeroMissionPoint = {
  month: string;
  label: string;
  perMillion: number | null;
  target?: number | null;
  centre?: number | null;
  upper?: number | null;
  lower?: number | null;
  signal?: "above" | "below" | null;
  restated?: boolean;
};

const COLORS = {
  bar: "#d6336c",
  barMuted: "#f3a6c1",
  above: "#b91c1c",
  below: "#047857",
  target: "#d97706",
  limit: "#71717a",
  centre: "#a1a1aa",
  marker: "#1e3a8a",
};

/** A vertical marker on a month (its x-axis label), tagged with the numbers of the legend entries it stands for. */
export type ChartMarker = { label: string; tag: string };

type Props = {
  points: ZeroMissionPoint[];
  /** Accessible name: what the chart shows. */
  title: string;
  showControlLimits?: boolean;
  valueLabel?: string;
  targetLabel?: string;
  height?: number;
  digits?: number;
  /** Shipped actions, numbered as in the list the page shows beside the chart. */
  markers?: ChartMarker[];
};

/**
 * Monthly complaints per million purchases as bars, with the year's target as a dashed line and,
 * on the dashboard, the u-chart's centre line and ±3σ limits; months outside the limits are coloured.
 */
export function ZeroMissionChart({
  points,
  title,
  showControlLimits = false,
  valueLabel = "Per million purchases",
  targetLabel = "Target",
  height = 320,
  digits = 1,
  markers = [],
}: Props) {
  const t = useTranslations("dashboard");
  const { number } = useFormat();
  const format = (v: unknown) => (typeof v === "number" ? number(v, digits) : "—");
  return (
    <figure role="img" aria-label={title} className="w-full">
      <div style={{ height }} className="w-full">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={points} margin={{ top: markers.length ? 24 : 8, right: 12, bottom: 4, left: 0 }}>
            <CartesianGrid {...GRID} />
            <XAxis {...MONTH_AXIS} />
            <YAxis {...VALUE_AXIS} allowDecimals={false} tickFormatter={(value: number) => number(value)} />
            <Tooltip formatter={(value, name) => [format(value), name]} {...TOOLTIP_STYLE} />
            <Bar dataKey="perMillion" name={valueLabel} radius={[3, 3, 0, 0]} maxBarSize={28} isAnimationActive={false}>
              {points.map((p) => (
                <Cell
                  key={p.month}
                  fill={
                    p.signal === "above"
                      ? COLORS.above
                      : p.signal === "below"
                        ? COLORS.below
                        : p.restated
                          ? COLORS.barMuted
                          : COLORS.bar
                  }
                />
              ))}
            </Bar>
            {showControlLimits ? (
              <>
                <Line
                  dataKey="upper"
                  name={t("upperLimit")}
                  type="stepAfter"
                  stroke={COLORS.limit}
                  strokeDasharray="2 3"
                  dot={false}
                  isAnimationActive={false}
                  connectNulls
                />
                <Line
                  dataKey="lower"
                  name={t("lowerLimit")}
                  type="stepAfter"
                  stroke={COLORS.limit}
                  strokeDasharray="2 3"
                  dot={false}
                  isAnimationActive={false}
                  connectNulls
                />
                <Line
                  dataKey="centre"
                  name={t("centre")}
                  type="linear"
                  stroke={COLORS.centre}
                  dot={false}
                  isAnimationActive={false}
                />
              </>
            ) : null}
            <Line
              dataKey="target"
              name={targetLabel}
              type="stepAfter"
              stroke={COLORS.target}
              strokeWidth={2}
              strokeDasharray="6 4"
              dot={false}
              isAnimationActive={false}
            />
            {markers.map((m) => (
              <ReferenceLine
                key={m.label}
                x={m.label}
                stroke={COLORS.marker}
                strokeWidth={1.5}
                strokeDasharray="4 3"
                ifOverflow="extendDomain"
                label={(props: { viewBox?: { x?: number; y?: number } }) => (
                  <MarkerTag x={props.viewBox?.x ?? 0} y={props.viewBox?.y ?? 0} tag={m.tag} />
                )}
              />
            ))}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="mt-3 flex flex-wrap gap-x-5 gap-y-1 text-xs text-zinc-600">
        <LegendSwatch color={COLORS.bar} label={valueLabel} />
        <LegendSwatch color={COLORS.target} label={targetLabel} dashed />
        {showControlLimits ? (
          <>
            <LegendSwatch color={COLORS.limit} label={t("controlLimits")} dashed />
            <LegendSwatch color={COLORS.above} label={t("legendRise")} />
            <LegendSwatch color={COLORS.below} label={t("legendFall")} />
          </>
        ) : null}
        {markers.length ? <LegendSwatch color={COLORS.marker} label={t("actionShipped")} dashed /> : null}
      </figcaption>
    </figure>
  );
}

/** The marker's number(s) in a small flag above the plot, so the line can be matched to its action. */
function MarkerTag({ x, y, tag }: { x: number; y: number; tag: string }) {
  const width = 8 + tag.length * 7;
  return (
    <g aria-hidden>
      <rect x={x - width / 2} y={y - 20} width={width} height={16} rx={8} fill={COLORS.marker} />
      <text x={x} y={y - 8} textAnchor="middle" fontSize={11} fontWeight={600} fill="#ffffff">
        {tag}
      </text>
    </g>
  );
}

function LegendSwatch({ color, label, dashed }: { color: string; label: string; dashed?: boolean }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      {dashed ? (
        <span aria-hidden className="inline-block w-4 border-t-2 border-dashed" style={{ borderColor: color }} />
      ) : (
        <span aria-hidden className="inline-block size-2.5 rounded-sm" style={{ backgroundColor: color }} />
      )}
      {label}
    </span>
  );
}
