import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

/** The verdict's headline as a badge: its first words say which way the rate went. */
export function VerdictBadge({ verdict }: { verdict: string }) {
  const t = useTranslations("dashboard");
  if (verdict.startsWith("Fewer")) return <Badge tone="success">{t("verdictFewer")}</Badge>;
  if (verdict.startsWith("More")) return <Badge tone="danger">{t("verdictMore")}</Badge>;
  if (verdict.startsWith("No clear change")) return <Badge tone="warning">{t("verdictNoChange")}</Badge>;
  if (verdict.startsWith("Withheld")) return <Badge tone="neutral">{t("verdictWithheld")}</Badge>;
  return <Badge tone="neutral">{t("verdictNoData")}</Badge>;
}
