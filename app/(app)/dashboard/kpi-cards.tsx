import { useTranslations } from "next-intl";
import { ChangeBadge } from "@/components/ui/change-badge";
import { StatCard } from "@/components/ui/stat-card";
import type { Formatter } from "@/lib/format";
import type { DashboardData } from "@/lib/metric/dashboard";

/** The headline numbers: latest month, year to date, and the year's target. */
export function KpiCards({ data, format }: { data: DashboardData; format: Formatter }) {
  const t = useTranslations("dashboard");
  const { latest, ytd } = data;
  const monthLabel = format.month;
  const formatFigure = (value: number | null | undefined, digits = 1) => format.number(value, digits);
  const formatCount = (value: number | null | undefined) => format.number(value);
  return (
    <div className="grid gap-4 md:grid-cols-3">
      <StatCard
        title={t("latestMonth")}
        subtitle={latest ? monthLabel(latest.month) : t("noMonthYet")}
        value={formatFigure(latest?.figure.perMillion ?? null)}
        detail={
          latest
            ? t("complaintsAndPurchases", {
                complaints: formatCount(latest.figure.complaints),
                purchases: formatCount(latest.figure.purchases),
              })
            : null
        }
      >
        <ChangeBadge label={t("vsMonthBefore")} value={latest?.changeFromPreviousMonth} />
        <ChangeBadge label={t("vsYearEarlier")} value={latest?.changeFromLastYear} />
      </StatCard>
      <StatCard
        title={t("yearToDate")}
        subtitle={ytd ? t("janThrough", { month: monthLabel(ytd.through) }) : "—"}
        value={formatFigure(ytd?.current.perMillion ?? null)}
        detail={
          ytd ? t("sameMonths", { year: String(ytd.year - 1), figure: formatFigure(ytd.previous.perMillion) }) : null
        }
      >
        <ChangeBadge
          label={ytd ? t("vsYear", { year: String(ytd.year - 1) }) : t("vsLastYear")}
          value={ytd?.changeFromPrevious}
        />
        <ChangeBadge label={t("vsTarget")} value={ytd?.againstTarget} />
      </StatCard>
      <StatCard
        title={t("targetYear", { year: String(ytd?.year ?? "") }).trim()}
        subtitle={data.market ? t("perMillionComplaints") : t("targetsPerMarket")}
        value={formatFigure(ytd?.target ?? null)}
        detail={
          ytd?.target != null && ytd.current.perMillion != null
            ? ytd.current.perMillion <= ytd.target
              ? t("onTrack")
              : t("aboveTarget")
            : null
        }
      />
    </div>
  );
}
