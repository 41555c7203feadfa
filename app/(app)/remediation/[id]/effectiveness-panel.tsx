"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { BeforeAfterChart } from "@/components/charts/before-after-chart";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { useFormat } from "@/lib/i18n/hooks";
import { formatCount, formatFigure } from "@/lib/metric/format";
import { runEffectivenessCheckAction } from "@/lib/remediation/actions";
import type { RemediationDetail } from "@/lib/remediation/detail-query";
import type { RateTrend } from "@/lib/remediation/rate-trend";
import { VerdictBadge } from "../verdict";

type Check = RemediationDetail["checks"][number];

/** A window's months as months (YYYY-MM), the same in every language. */
const windowMonths = (from: string, to: string, none: string) =>
  to < from ? none : from === to ? from : `${from} – ${to}`;

function WindowRow(props: {
  label: string;
  from: string;
  to: string;
  complaints: number | null;
  purchases: number;
  rate: number | null;
}) {
  const t = useTranslations("remediation.effectiveness");
  const { locale } = useFormat();
  return (
    <tr>
      <th scope="row" className="py-1.5 text-left font-medium">
        {props.label}
      </th>
      <td>{windowMonths(props.from, props.to, t("noMonthYet"))}</td>
      <td className="text-right tabular-nums">{formatCount(props.complaints, locale)}</td>
      <td className="text-right tabular-nums">{formatCount(props.purchases, locale)}</td>
      <td className="text-right tabular-nums">{formatFigure(props.rate, 1, locale)}</td>
    </tr>
  );
}

function CheckResult({ check }: { check: Check }) {
  const t = useTranslations("remediation.effectiveness");
  const { dateTime: formatDateTime, locale } = useFormat();
  const figure = (chunks: React.ReactNode) => <span className="tabular-nums">{chunks}</span>;
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <VerdictBadge kind={check.kind} />
        <p className="text-sm font-medium text-zinc-900" aria-label={t("verdict")}>
          {check.verdict}
        </p>
      </div>
      {/* A phone keeps the page still: only the figures scroll, if they must. */}
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <caption className="sr-only">{t("caption")}</caption>
          <thead className="text-left text-xs text-zinc-500 uppercase">
            <tr>
              <th className="py-1 font-medium" />
              <th className="py-1 font-medium">{t("months")}</th>
              <th className="py-1 text-right font-medium">{t("complaints")}</th>
              <th className="py-1 text-right font-medium">{t("purchases")}</th>
              <th className="py-1 text-right font-medium">{t("perMillion")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            <WindowRow
              label={t("before")}
              from={check.beforeFrom}
              to={check.beforeTo}
              complaints={check.beforeComplaints}
              purchases={check.beforePurchases}
              rate={check.rateBefore}
            />
            <WindowRow
              label={t("after")}
              from={check.afterFrom}
              to={check.afterTo}
              complaints={check.afterComplaints}
              purchases={check.afterPurchases}
              rate={check.rateAfter}
            />
          </tbody>
        </table>
      </div>
      <p className="text-sm text-zinc-700">
        {check.ciLow != null && check.ciHigh != null
          ? t.rich("rateRatioCi", {
              ratio: formatFigure(check.rateRatio, 2, locale),
              low: formatFigure(check.ciLow, 2, locale),
              high: formatFigure(check.ciHigh, 2, locale),
              figure,
            })
          : t.rich("rateRatio", { ratio: formatFigure(check.rateRatio, 2, locale), figure })}
      </p>
      <p className="text-xs text-zinc-500">
        {t("ranBy", { name: check.computedByName ?? t("theSystem"), time: formatDateTime(check.computedAt) })}
      </p>
    </div>
  );
}

function TrendChart({ trend, causes }: { trend: RateTrend; causes: string[] }) {
  const t = useTranslations("remediation.chart");
  const { month: formatMonth, locale } = useFormat();
  const rate = (r: number | null) => (r == null ? t("noRate") : t("rate", { rate: formatFigure(r, 2, locale) }));
  return (
    <div className="flex flex-col gap-1">
      <BeforeAfterChart
        title={t("title", {
          causes: causes.join(", "),
          month: formatMonth(trend.shippedMonth),
          before: rate(trend.rateBefore),
          after: trend.after ? rate(trend.rateAfter) : t("noMonthYet"),
        })}
        points={trend.months.map((m) => ({ ...m, label: formatMonth(m.month) }))}
        shippedMonth={trend.shippedMonth}
        before={{ ...trend.before, rate: trend.rateBefore }}
        after={trend.after ? { ...trend.after, rate: trend.rateAfter } : null}
      />
      <p className="text-xs text-zinc-500">{t("note")}</p>
    </div>
  );
}

/** The latest check, the earlier runs, and the button to run it again once the action has shipped. */
export function EffectivenessPanel({
  actionId,
  checks,
  trend,
  causes,
  shipped,
  canRun,
}: {
  actionId: string;
  checks: Check[];
  trend: RateTrend | null;
  causes: string[];
  shipped: boolean;
  canRun: boolean;
}) {
  const t = useTranslations("remediation.effectiveness");
  const { dateTime: formatDateTime } = useFormat();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [months, setMonths] = useState(6);
  const [error, setError] = useState<string | null>(null);
  const [latest, ...earlier] = checks;

  function runCheck() {
    startTransition(async () => {
      const result = await runEffectivenessCheckAction({ actionId, months });
      if ("error" in result) {
        setError(result.error.message);
        return;
      }
      setError(null);
      toast.success(t("checked"));
      router.refresh();
    });
  }

  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-zinc-600">{t("intro")}</p>
      {trend ? <TrendChart trend={trend} causes={causes} /> : null}
      {latest ? (
        <CheckResult check={latest} />
      ) : (
        <p className="text-sm text-zinc-500">{shipped ? t("notChecked") : t("notShipped")}</p>
      )}
      {canRun && shipped ? (
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor="check-months" className="text-sm text-zinc-600">
            {t("monthsEachSide")}
          </label>
          <Select
            id="check-months"
            className="h-8 w-20"
            value={months}
            onChange={(e) => setMonths(Number(e.target.value))}
          >
            {[3, 6, 12].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </Select>
          <Button size="sm" onClick={runCheck} disabled={pending}>
            {pending ? t("checking") : latest ? t("runAgain") : t("run")}
          </Button>
        </div>
      ) : null}
      {error ? <Alert tone="danger">{error}</Alert> : null}
      {earlier.length ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-zinc-600">{t("earlier", { count: earlier.length })}</summary>
          <ul className="mt-2 flex flex-col gap-1">
            {earlier.map((c) => (
              <li key={c.id}>
                <span className="text-zinc-500">{formatDateTime(c.computedAt)}:</span> {c.verdict}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
