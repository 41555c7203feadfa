"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type TrendSeries = { id: string; name: string; values: (number | null)[] };

// Distinct, colour-blind-friendly hues (Okabe–Ito), one per series.
const COLORS = ["#d55e00", "#0072b2", "#009e73", "#cc79a7", "#e69f00"];

/**
 * A few root causes' tagged complaints per month as lines. A withheld month (a small cell) is a gap,
 * not a zero.
 */
export function RootCauseTrendChart({
  labels,
  series,
  title,
  height = 280,
}: {
  labels: string[];
  series: TrendSeries[];
  title: string;
  height?: number;
}) {
  const data = labels.map((label, i) =>
    Object.fromEntries([["label", label], ...series.map((s) => [s.id, s.values[i]])]),
  );
  return (
    <figure role="img" aria-label={title} className="w-full">
      <div style={{ height }} className="w-full">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
            <CartesianGrid stroke="#e4e4e7" strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="label"
              tick={{ fontSize: 11, fill: "#52525b" }}
              tickLine={false}
              axisLine={{ stroke: "#d4d4d8" }}
              interval="preserveStartEnd"
              minTickGap={12}
            />
            <YAxis
              tick={{ fontSize: 11, fill: "#52525b" }}
              tickLine={false}
              axisLine={false}
              width={40}
              allowDecimals={false}
            />
            <Tooltip
              formatter={(value, name) => [
                typeof value === "number" ? value.toLocaleString("en-GB") : "fewer than 5",
                name,
              ]}
              labelStyle={{ fontWeight: 600 }}
              contentStyle={{ borderRadius: 8, borderColor: "#e4e4e7", fontSize: 12 }}
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
