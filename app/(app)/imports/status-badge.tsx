import { Badge } from "@/components/ui/badge";
import type { JobView } from "@/lib/imports/job-operations";

export function StatusBadge({ job }: { job: Pick<JobView, "status" | "stale" | "phase" | "attempts"> }) {
  // Its runner went silent: a runner takes it over once the claim lapses.
  if (job.stale) return <Badge tone="warning">Waiting for a runner</Badge>;
  switch (job.status) {
    case "queued":
      return (
        <Badge>{job.phase === "uploaded" ? "Not started" : job.attempts > 0 ? "Queued to resume" : "Queued"}</Badge>
      );
    case "running":
      return <Badge tone="info">{job.attempts > 1 ? "Resumed" : "Running"}</Badge>;
    case "completed":
      return <Badge tone="success">Completed</Badge>;
    case "failed":
      return <Badge tone="danger">Failed</Badge>;
    case "cancelled":
      return <Badge tone="warning">Cancelled</Badge>;
  }
}
