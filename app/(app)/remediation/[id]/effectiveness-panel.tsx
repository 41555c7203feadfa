"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { BeforeAfterChart } from "@/components/charts/before-after-chart";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { useFormat } from "@/lib/i18n/hooks";
import { formatCount, formatFigure } from "@/lib/metric/format";
import { monthLabel as labelOfMonth } from "@/lib/metric/labels";
import { runEffectivenessCheckAction } from "@/lib/remediation/actions";
import type { RemediationDetail } from "@/lib/remediation/detail-query";
import type { RateTrend } from "@/lib/remediation/rate-trend";
import { VerdictBadge } from "../verdict";

type Check = RemediationDetail["checks"][number];

const monthLabel = (from: string, to: string) => (to < from ? "no month yet" : from === to ? from : `${from} – ${to}`);

function WindowRow(props: {
  label: string;
  from: string;
  to: string;
  complaints: number | null;
  purchases: number;
  rate: number | null;
}) {
  return (
    <tr>
      <th scope="row" className="py-1.5 text-left font-medium">
        {props.label}
      </th>
      <td>{monthLabel(props.from, props.to)}</td>
      <td className="text-right tabular-nums">{formatCount(props.complaints)}</td>
      <td className="text-right tabular-nums">{formatCount(props.purchases)}</td>
      <td className="text-right tabular-nums">{formatFigure(props.rate)}</td>
    </tr>
  );
}

function CheckResult({ check }: { check: Check }) {
  const { dateTime: formatDateTime } = useFormat();
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <VerdictBadge verdict={check.verdict} />
        <p className="text-sm font-medium text-zinc-900" aria-label="Verdict">
          {check.verdict}
        </p>
      </div>
      <table className="w-full text-sm">
        <caption className="sr-only">Before and after shipping</caption>
        <thead className="text-left text-xs text-zinc-500 uppercase">
          <tr>
            <th className="py-1 font-medium" />
            <th className="py-1 font-medium">Months</th>
            <th className="py-1 text-right font-medium">Complaints</th>
            <th className="py-1 text-right font-medium">Purchases</th>
            <th className="py-1 text-right font-medium">Per million</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          <WindowRow
            label="Before"
            from={check.beforeFrom}
            to={check.beforeTo}
            complaints={check.beforeComplaints}
            purchases={check.beforePurchases}
            rate={check.rateBefore}
          />
          <WindowRow
            label="After"
            from={check.afterFrom}
            to={check.afterTo}
            complaints={check.afterComplaints}
            purchases={check.afterPurchases}
            rate={check.rateAfter}
          />
        </tbody>
      </table>
      <p className="text-sm text-zinc-700">
        Rate ratio after/before: <span className="font-medium tabular-nums">{formatFigure(check.rateRatio, 2)}</span>
        {check.ciLow != null && check.ciHigh != null ? (
          <>
            {" "}
            (95 % CI <span className="tabular-nums">{formatFigure(check.ciLow, 2)}</span>–
            <span className="tabular-nums">{formatFigure(check.ciHigh, 2)}</span>)
          </>
        ) : null}
      </p>
      <p className="text-xs text-zinc-500">
        Run by {check.computedByName ?? "the system"} · {formatDateTime(check.computedAt)}
      </p>
    </div>
  );
}

function TrendChart({ trend, causes }: { trend: RateTrend; causes: string[] }) {
  const rate = (r: number | null) => (r == null ? "no rate" : `${formatFigure(r, 2)} per million`);
  return (
    <div className="flex flex-col gap-1">
      <BeforeAfterChart
        title={`Complaints with ${causes.join(", ")} per million purchases by month; shipped ${labelOfMonth(trend.shippedMonth)}; before ${rate(trend.rateBefore)}, after ${trend.after ? rate(trend.rateAfter) : "no month yet"}`}
        points={trend.months.map((m) => ({ ...m, label: labelOfMonth(m.month) }))}
        shippedMonth={trend.shippedMonth}
        before={{ ...trend.before, rate: trend.rateBefore }}
        after={trend.after ? { ...trend.after, rate: trend.rateAfter } : null}
      />
      <p className="text-xs text-zinc-500">
        Monthly rates as the data stands today; the verdict is the check's, with its figures when it was run.
      </p>
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
      toast.success("Effectiveness checked");
      router.refresh();
    });
  }

  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-zinc-600">
        Complaints tagged with the linked root causes per million purchases, in the months before the shipped month
        against the months after it (cut at the latest month with a purchase volume).
      </p>
      {trend ? <TrendChart trend={trend} causes={causes} /> : null}
      {latest ? (
        <CheckResult check={latest} />
      ) : (
        <p className="text-sm text-zinc-500">
          {shipped ? "Not checked yet." : "The check can run once the action has shipped."}
        </p>
      )}
      {canRun && shipped ? (
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor="check-months" className="text-sm text-zinc-600">
            Months each side
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
            {pending ? "Checking…" : latest ? "Run the check again" : "Run effectiveness check"}
          </Button>
        </div>
      ) : null}
      {error ? <Alert tone="danger">{error}</Alert> : null}
      {earlier.length ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-zinc-600">Earlier checks ({earlier.length})</summary>
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
