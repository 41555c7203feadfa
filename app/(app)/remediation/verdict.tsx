import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { VerdictKind } from "@/lib/remediation/verdict";

/**
 * The verdict's headline as a badge, from its kind. The verdict's words come from the server, in the
 * reader's language (lib/remediation/verdict.ts): the pages show them as they are.
 */
export function VerdictBadge({ kind }: { kind: VerdictKind | null }) {
  const t = useTranslations("dashboard");
  if (kind === "fewer") return <Badge tone="success">{t("verdictFewer")}</Badge>;
  if (kind === "more") return <Badge tone="danger">{t("verdictMore")}</Badge>;
  if (kind === "no_change") return <Badge tone="warning">{t("verdictNoChange")}</Badge>;
  if (kind === "withheld") return <Badge tone="neutral">{t("verdictWithheld")}</Badge>;
  return <Badge tone="neutral">{t("verdictNoData")}</Badge>;
}
