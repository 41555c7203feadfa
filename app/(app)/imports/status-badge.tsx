import { Badge } from "@/components/ui/badge";
import type { JobView } from "@/lib/imports/queries";

export function StatusBadge({ job }: { job: Pick<JobView, "status" | "stale" | "phase"> }) {
  if (job.stale) return <Badge tone="warning">Stalled</Badge>;
  switch (job.status) {
    case "queued":
      return <Badge>{job.phase === "uploaded" ? "Not started" : "Queued"}</Badge>;
    case "running":
      return <Badge tone="info">Running</Badge>;
    case "completed":
      return <Badge tone="success">Completed</Badge>;
    case "failed":
      return <Badge tone="danger">Failed</Badge>;
    case "cancelled":
      return <Badge tone="warning">Cancelled</Badge>;
  }
}
