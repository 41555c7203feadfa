import { useTranslations } from "next-intl";
import { useFormat } from "@/lib/i18n/hooks";
import type { Kappa } from "@/lib/root-causes/kappa";
import { kappaStrength } from "@/lib/root-causes/kappa";
import { cn } from "@/lib/utils/cn";

/** Landis and Koch's word for a kappa, in the reader's language. */
export function KappaVerdict({ kappa }: { kappa: number | null }) {
  return <>{useTranslations("agreement.kappa.strength")(kappaStrength(kappa))}</>;
}

/** κ with its verdict (and, in full, its confidence interval), coloured by strength. */
export function KappaFigure({ kappa, compact = false }: { kappa: Kappa; compact?: boolean }) {
  const t = useTranslations("agreement.kappa");
  const { number } = useFormat();
  const k = kappa.kappa;
  const tone = k == null ? "text-zinc-600" : k > 0.6 ? "text-emerald-700" : k > 0.4 ? "text-amber-700" : "text-red-700";
  return (
    <span className={cn("tabular-nums", tone)}>
      <span className="font-semibold">{k == null ? t("notDefined") : t("value", { value: number(k, 2) })}</span>{" "}
      {t(`strength.${kappaStrength(k)}`)}
      {!compact && kappa.low != null && kappa.high != null ? (
        <span className="text-zinc-500">
          {" "}
          {t("interval", { low: number(kappa.low, 2), high: number(kappa.high, 2) })}
        </span>
      ) : null}
    </span>
  );
}
