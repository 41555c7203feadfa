import { ChangeBadge } from "@/components/ui/change-badge";
import { StatCard } from "@/components/ui/stat-card";
import type { DashboardData } from "@/lib/metric/dashboard";
import { formatCount, formatFigure } from "@/lib/metric/format";
import { monthLabel } from "@/lib/metric/labels";

/** The headline numbers: latest month, year to date, and the year's target. */
export function KpiCards({ data }: { data: DashboardData }) {
  const { latest, ytd } = data;
  return (
    <div className="grid gap-4 md:grid-cols-3">
      <StatCard
        title="Latest month"
        subtitle={latest ? monthLabel(latest.month) : "No month with a volume yet"}
        value={formatFigure(latest?.figure.perMillion ?? null)}
        detail={
          latest
            ? `${formatCount(latest.figure.complaints)} complaints · ${formatCount(latest.figure.purchases)} purchases`
            : null
        }
      >
        <ChangeBadge label="vs month before" value={latest?.changeFromPreviousMonth} />
        <ChangeBadge label="vs a year earlier" value={latest?.changeFromLastYear} />
      </StatCard>
      <StatCard
        title="Year to date"
        subtitle={ytd ? `Jan – ${monthLabel(ytd.through)}` : "—"}
        value={formatFigure(ytd?.current.perMillion ?? null)}
        detail={ytd ? `Same months ${ytd.year - 1}: ${formatFigure(ytd.previous.perMillion)}` : null}
      >
        <ChangeBadge label={`vs ${ytd ? ytd.year - 1 : "last year"}`} value={ytd?.changeFromPrevious} />
        <ChangeBadge label="vs target" value={ytd?.againstTarget} />
      </StatCard>
      <StatCard
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
