import Link from "next/link";
import { useTranslations } from "next-intl";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { useFormat } from "@/lib/i18n/hooks";
import type { ActionRate } from "@/lib/root-causes/report";

/**
 * The action rate: how many of the causes behind 80 % of the tagged complaints have an open or
 * shipped remediation action, and which do not yet (each one click from a new action).
 */
export function ActionRateCard({
  rate,
  newActionHref,
}: {
  rate: ActionRate;
  newActionHref: ((cause: { id: string }) => string) | null;
}) {
  const t = useTranslations("reports.actionRate");
  const { number } = useFormat();
  if (rate.causes === 0) return null;
  const percent = rate.share == null ? "—" : `${number(Math.round(rate.share * 100))} %`;
  return (
    <Card aria-labelledby="action-rate-heading">
      <CardHeader>
        <CardTitle id="action-rate-heading">{t("title")}</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-3 text-sm">
        <p>
          <span className="text-2xl font-semibold text-zinc-900 tabular-nums">{percent}</span>{" "}
          <span className="text-zinc-700">
            {t("summary", {
              withAction: number(rate.withAction),
              causes: number(rate.causes),
              withShipped: number(rate.withShipped),
            })}
          </span>
        </p>
        {rate.uncovered.length ? (
          <div>
            <p className="font-medium text-zinc-800">{t("noActionYet")}</p>
            <ul aria-label={t("uncoveredLabel")} className="mt-1 flex flex-col gap-1">
              {rate.uncovered.map((cause) => (
                <li key={cause.id} className="flex flex-wrap items-center gap-2">
                  <span>{cause.name}</span>
                  {newActionHref ? (
                    <Link
                      href={newActionHref(cause)}
                      aria-label={t("startFor", { name: cause.name })}
                      className="text-xs text-brand-700 underline-offset-2 hover:underline print:hidden"
                    >
                      {t("start")}
                    </Link>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="text-zinc-600">{t("allCovered")}</p>
        )}
      </CardContent>
    </Card>
  );
}
