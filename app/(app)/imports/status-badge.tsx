import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { useCodes } from "@/lib/i18n/hooks";
import type { JobView } from "@/lib/imports/job-operations";

export function StatusBadge({ job }: { job: Pick<JobView, "status" | "stale" | "phase" | "attempts"> }) {
  const t = useTranslations("imports.status");
  const { importStatus } = useCodes();
  // Its runner went silent: a runner takes it over once the claim lapses.
  if (job.stale) return <Badge tone="warning">{t("stale")}</Badge>;
  switch (job.status) {
    case "queued":
      return (
        <Badge>
          {job.phase === "uploaded" ? t("notStarted") : job.attempts > 0 ? t("queuedToResume") : importStatus.queued}
        </Badge>
      );
    case "running":
      return <Badge tone="info">{job.attempts > 1 ? t("resumed") : importStatus.running}</Badge>;
    case "completed":
      return <Badge tone="success">{importStatus.completed}</Badge>;
    case "failed":
      return <Badge tone="danger">{importStatus.failed}</Badge>;
    case "cancelled":
      return <Badge tone="warning">{importStatus.cancelled}</Badge>;
  }
}
