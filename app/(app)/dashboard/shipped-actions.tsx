import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ChartMarker } from "@/components/charts/zero-mission-chart";
import { useFormat } from "@/lib/i18n/hooks";
import type { ShippedActionMarker } from "@/lib/remediation/markers";
import { VerdictBadge } from "../remediation/verdict";

/** The chart's markers: one per month with a shipped action, tagged with the actions' numbers in the list. */
export function chartMarkers(actions: ShippedActionMarker[], monthLabel: (month: string) => string): ChartMarker[] {
  const byMonth = new Map<string, number[]>();
  for (const [i, a] of actions.entries()) byMonth.set(a.month, [...(byMonth.get(a.month) ?? []), i + 1]);
  return [...byMonth].map(([month, numbers]) => ({ label: monthLabel(month), tag: numbers.join("·") }));
}

/**
 * The shipped actions the chart marks, numbered as its markers, each linked to its action with its
 * latest verdict: the legend a screen reader (and anyone) can read, since the chart is an image.
 */
export function ShippedActions({ actions }: { actions: ShippedActionMarker[] }) {
  const t = useTranslations("dashboard");
  const monthLabel = useFormat().month;
  if (actions.length === 0) return null;
  return (
    <section aria-labelledby="shipped-actions-heading" className="mt-4 border-t border-zinc-100 pt-3">
      <h3 id="shipped-actions-heading" className="text-sm font-semibold text-zinc-900">
        {t("shippedActions")}
      </h3>
      <ol className="mt-2 flex flex-col gap-2 text-sm">
        {actions.map((a, i) => (
          <li key={a.id} className="flex flex-wrap items-center gap-2">
            <span
              aria-hidden
              className="inline-flex h-5 min-w-5 items-center justify-center rounded-full bg-blue-900 px-1.5 text-xs font-semibold text-white"
            >
              {i + 1}
            </span>
            <span className="text-zinc-600">{monthLabel(a.month)}:</span>
            <Link
              href={`/remediation/${a.id}`}
              className="font-medium text-brand-700 underline-offset-2 hover:underline"
            >
              {a.title}
            </Link>
            {a.market === null ? <span className="text-xs text-zinc-500">{t("allMarketsNote")}</span> : null}
            {a.verdict ? (
              <VerdictBadge kind={a.verdictKind} />
            ) : (
              <span className="text-xs text-zinc-500">{t("notChecked")}</span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
