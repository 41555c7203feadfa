"use client";

import { useTranslations } from "next-intl";
import {
  Bar,
  CartesianGrid,
  Cell,
  ComposedChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { useFormat } from "@/lib/i18n/hooks";
import { GRID, MONTH_AXIS, TOOLTIP_STYLE, VALUE_AXIS } from "./axes";

export type BeforeAfterPoint = { month: string; label: string; perMillion: number | null };
type Window = { from: string; to: string; rate: number | null };

const COLORS = {
  before: "#71717a",
  after: "#047857",
  other: "#d4d4d8",
  shipped: "#1e3a8a",
  beforeArea: "#f4f4f5",
  afterArea: "#ecfdf5",
};

/**
 * An action's effect at a glance: the monthly rate of its root causes as bars, the before and after
 * windows shaded with each window's rate as a line across it, and the shipped month marked. A month
 * without a value (no volume, or withheld) is an empty slot, not a zero.
 */
export function BeforeAfterChart({
  points,
  shippedMonth,
  before,
  after,
  title,
  height = 240,
}: {
  points: BeforeAfterPoint[];
  shippedMonth: string;
  before: Window;
  after: Window | null;
  title: string;
  height?: number;
}) {
  const t = useTranslations("remediation.chart");
  const format = useFormat();
  const labelOf = (month: string) => points.find((p) => p.month === month)?.label ?? month;
  const inWindow = (month: string, w: Window | null) => !!w && month >= w.from && month <= w.to;
  return (
    <figure role="img" aria-label={title} className="w-full">
      <div style={{ height }} className="w-full">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={points} margin={{ top: 24, right: 12, bottom: 4, left: 0 }}>
            <ReferenceArea x1={labelOf(before.from)} x2={labelOf(before.to)} fill={COLORS.beforeArea} fillOpacity={1} />
            {after ? (
              <ReferenceArea x1={labelOf(after.from)} x2={labelOf(after.to)} fill={COLORS.afterArea} fillOpacity={1} />
            ) : null}
            <CartesianGrid {...GRID} />
            <XAxis {...MONTH_AXIS} />
            <YAxis {...VALUE_AXIS} tickFormatter={(value: number) => format.number(value)} />
            <Tooltip
              formatter={(value) => [typeof value === "number" ? format.number(value, 2) : "—", t("tooltip")]}
              {...TOOLTIP_STYLE}
            />
            <Bar dataKey="perMillion" maxBarSize={24} radius={[3, 3, 0, 0]} isAnimationActive={false}>
              {points.map((p) => (
                <Cell
                  key={p.month}
                  fill={
                    inWindow(p.month, before) ? COLORS.before : inWindow(p.month, after) ? COLORS.after : COLORS.other
                  }
                />
              ))}
            </Bar>
            {[before, after].map((w, i) =>
              w && w.rate != null ? (
                <ReferenceLine
                  key={i === 0 ? "before" : "after"}
                  segment={[
                    { x: labelOf(w.from), y: w.rate },
                    { x: labelOf(w.to), y: w.rate },
                  ]}
                  stroke={i === 0 ? COLORS.before : COLORS.after}
                  strokeWidth={2}
                  strokeDasharray="6 3"
                  ifOverflow="extendDomain"
                />
              ) : null,
            )}
            <ReferenceLine
              x={labelOf(shippedMonth)}
              stroke={COLORS.shipped}
              strokeWidth={2}
              label={{ value: t("shipDate"), position: "top", fontSize: 11, fill: COLORS.shipped, fontWeight: 600 }}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-xs text-zinc-600">
        <Swatch color={COLORS.before} label={t("beforeWindow")} />
        <Swatch color={COLORS.after} label={t("afterWindow")} />
        <Swatch color={COLORS.shipped} label={t("shippedMonth")} />
      </figcaption>
    </figure>
  );
}

function Swatch({ color, label }: { color: string; label: string }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      <span aria-hidden className="inline-block size-2.5 rounded-sm" style={{ backgroundColor: color }} />
      {label}
    </span>
  );
}
