import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { useFormat } from "@/lib/i18n/hooks";

/** The verdict's headline as a badge: its first words say which way the rate went. */
export function VerdictBadge({ verdict }: { verdict: string }) {
  const t = useTranslations("dashboard");
  if (verdict.startsWith("Fewer")) return <Badge tone="success">{t("verdictFewer")}</Badge>;
  if (verdict.startsWith("More")) return <Badge tone="danger">{t("verdictMore")}</Badge>;
  if (verdict.startsWith("No clear change")) return <Badge tone="warning">{t("verdictNoChange")}</Badge>;
  if (verdict.startsWith("Withheld")) return <Badge tone="neutral">{t("verdictWithheld")}</Badge>;
  return <Badge tone="neutral">{t("verdictNoData")}</Badge>;
}

/** What a check's verdict is made of: its stored sentence (English, for the audit) and its figures. */
export type VerdictFigures = {
  verdict: string;
  withheld: boolean;
  beforeComplaints: number | null;
  afterComplaints: number | null;
  rateRatio: number | null;
  ciLow: number | null;
  ciHigh: number | null;
};

/**
 * The verdict in the reader's language, said again from the check's figures by the rule that wrote it
 * (lib/remediation/effectiveness.ts compareRates): which way the rate went and its 95 % interval.
 */
export function useVerdictText(): (check: VerdictFigures) => string {
  const t = useTranslations("remediation.verdict");
  const { number } = useFormat();
  const pct = (value: number) => number(Math.round(Math.abs(value) * 100));
  const signed = (ratio: number) => {
    const change = Math.round((ratio - 1) * 100);
    return change > 0 ? `+${number(change)}` : change < 0 ? `−${number(-change)}` : "0";
  };
  return (check) => {
    if (check.withheld || check.verdict.startsWith("Withheld")) return t("withheld");
    const { rateRatio, ciLow, ciHigh } = check;
    if (rateRatio == null || ciLow == null || ciHigh == null)
      return check.verdict.startsWith("Not enough data yet") ? t("notEnoughAfter") : t("notEnoughBefore");
    let text: string;
    if (ciHigh < 1) text = t("fewer", { change: pct(1 - rateRatio), low: pct(1 - ciHigh), high: pct(1 - ciLow) });
    else if (ciLow > 1) text = t("more", { change: pct(rateRatio - 1), low: pct(ciLow - 1), high: pct(ciHigh - 1) });
    else
      text = t(rateRatio < 1 ? "noChangeFell" : "noChangeRose", {
        change: pct(rateRatio < 1 ? 1 - rateRatio : rateRatio - 1),
        low: signed(ciLow),
        high: signed(ciHigh),
      });
    return check.beforeComplaints === 0 || check.afterComplaints === 0 ? t("corrected", { verdict: text }) : text;
  };
}
