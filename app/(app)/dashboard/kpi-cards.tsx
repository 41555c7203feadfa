import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { ChangeBadge } from "@/components/ui/change-badge";
import type { DashboardData } from "@/lib/metric/dashboard";
import { formatCount, formatFigure } from "@/lib/metric/format";
import { monthLabel } from "@/lib/metric/labels";

/** The headline numbers: latest month, year to date, and the year's target. */
export function KpiCards({ data }: { data: DashboardData }) {
  const { latest, ytd } = data;
  return (
    <div className="grid gap-4 md:grid-cols-3">
      <Kpi
        title="Latest month"
        subtitle={latest ? monthLabel(latest.month) : "No month with a volume yet"}
        value={formatFigure(latest?.figure.perMillion ?? null)}
        detail={latest ? `${formatCount(latest.figure.complaints)} complaints · ${formatCount(latest.figure.purchases)} purchases` : null}
      >
        <ChangeBadge label="vs month before" value={latest?.changeFromPreviousMonth} />
        <ChangeBadge label="vs a year earlier" value={latest?.changeFromLastYear} />
      </Kpi>
      <Kpi
        title="Year to date"
        subtitle={ytd ? `Jan – ${monthLabel(ytd.through)}` : "—"}
        value={formatFigure(ytd?.current.perMillion ?? null)}
        detail={ytd ? `Same months ${ytd.year - 1}: ${formatFigure(ytd.previous.perMillion)}` : null}
      >
        <ChangeBadge label={`vs ${ytd ? ytd.year - 1 : "last year"}`} value={ytd?.changeFromPrevious} />
        <ChangeBadge label="vs target" value={ytd?.againstTarget} />
      </Kpi>
      <Kpi
        title={`Target ${ytd?.year ?? ""}`.trim()}
        subtitle={data.market ? "Complaints per million purchases" : "Targets are set per market"}
        value={formatFigure(ytd?.target ?? null)}
        detail={
          ytd?.target != null && ytd.current.perMillion != null
            ? ytd.current.perMillion <= ytd.target
              ? "On track: the year so far is at or below target"
              : "Above target so far this year"
            : null
        }
      />
    </div>
  );
}

function Kpi({ title, subtitle, value, detail, children }: { title: string; subtitle: string; value: string; detail: ReactNode; children?: ReactNode }) {
  return (
    <Card className="flex flex-col gap-2 px-5 py-4" aria-label={title}>
      <div className="flex items-baseline justify-between gap-2">
        <h2 className="text-sm font-semibold text-zinc-900">{title}</h2>
        <span className="text-xs text-zinc-500">{subtitle}</span>
      </div>
      <p className="text-4xl font-semibold tracking-tight text-zinc-900 tabular-nums">{value}</p>
      {detail ? <p className="text-xs text-zinc-600">{detail}</p> : null}
      {children ? <div className="mt-1 flex flex-wrap gap-2">{children}</div> : null}
    </Card>
  );
}
