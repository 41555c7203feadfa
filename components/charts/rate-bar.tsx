import { useTranslations } from "next-intl";
import { InfoPopover } from "@/components/ui/info-popover";
import { SMALL_CELL_THRESHOLD } from "@/lib/auth/roles";

/** A row's rate as a bar against the largest in its table, for comparison at a glance. */
export function RateBar({ value, max }: { value: number | null | undefined; max: number }) {
  if (value == null || max <= 0) return null;
  return (
    <div aria-hidden className="mt-1.5 h-2 rounded-full bg-zinc-100">
      <div className="h-2 rounded-full bg-brand-500" style={{ width: `${Math.max(2, (value / max) * 100)}%` }} />
    </div>
  );
}

/**
 * In place of a count withheld from roles that see aggregates only: a small one, or (`complement`)
 * one withheld so that a small one cannot be worked out from a total. Why is one press away.
 */
export function Withheld({ complement = false }: { complement?: boolean }) {
  const t = useTranslations("common");
  const threshold = SMALL_CELL_THRESHOLD;
  return (
    <InfoPopover
      label={t("whyWithheld")}
      explanation={complement ? t("withheldComplement", { threshold }) : t("withheldSmall", { threshold })}
    >
      {complement ? t("withheld") : `< ${threshold}`}
    </InfoPopover>
  );
}
