"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { useFormat } from "@/lib/i18n/hooks";
import { TOOLTIP_STYLE } from "./axes";

export type ParetoBar = { id: string; name: string; complaints: number; cumulativeShare: number; href: string | null };

/**
 * Causes by count as bars, most frequent first, with the cumulative share as a line and the 80 %
 * line: the few causes left of where the line crosses it are most of the complaints. A bar opens
 * exactly its complaints.
 */
export function ParetoChart({ bars, title, height = 320 }: { bars: ParetoBar[]; title: string; height?: number }) {
  const router = useRouter();
  const t = useTranslations("reports.pareto");
  const { number } = useFormat();
  const percent = (share: number) => `${number(Math.round(share * 100))} %`;
  const data = bars.map((b) => ({ ...b, cumulative: Math.round(b.cumulativeShare * 1000) / 10 }));
  const entry = (i: number, b: ParetoBar) =>
    t("entry", { rank: i + 1, name: b.name, complaints: number(b.complaints), share: percent(b.cumulativeShare) });
  return (
    <figure aria-label={title} className="w-full">
      <div style={{ height }} className="w-full">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 48, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e4e4e7" />
            <XAxis dataKey="name" interval={0} angle={-25} textAnchor="end" tick={{ fontSize: 11 }} height={70} />
            <YAxis
              yAxisId="count"
              allowDecimals={false}
              tick={{ fontSize: 11 }}
              tickFormatter={(value: number) => number(value)}
            />
            <YAxis
              yAxisId="share"
              orientation="right"
              domain={[0, 100]}
              tick={{ fontSize: 11 }}
              tickFormatter={(value: number) => `${number(value)} %`}
            />
            <Tooltip
              formatter={(value, _name, item) => [
                typeof value !== "number"
                  ? "—"
                  : item.dataKey === "cumulative"
                    ? `${number(value, 1)} %`
                    : number(value),
                _name,
              ]}
              {...TOOLTIP_STYLE}
            />
            <Bar
              yAxisId="count"
              dataKey="complaints"
              name={t("complaints")}
              fill="#96204c"
              cursor="pointer"
              isAnimationActive={false}
              onClick={(entry) => {
                const href = (entry as unknown as { payload?: ParetoBar }).payload?.href;
                if (href) router.push(href);
              }}
            />
            <Line
              yAxisId="share"
              dataKey="cumulative"
              name={t("cumulative")}
              stroke="#0072b2"
              dot={{ r: 3 }}
              isAnimationActive={false}
            />
            <ReferenceLine yAxisId="share" y={80} stroke="#d55e00" strokeDasharray="6 3" label="80 %" />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      {/* The bars as links too: keyboard and screen-reader users drill down from here. */}
      <figcaption className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-600">
        {bars.map((b, i) =>
          b.href ? (
            <a key={b.id} href={b.href} className="text-brand-700 underline-offset-2 hover:underline">
              {entry(i, b)}
            </a>
          ) : (
            <span key={b.id}>{entry(i, b)}</span>
          ),
        )}
      </figcaption>
    </figure>
  );
}
