import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useFormat } from "@/lib/i18n/hooks";
import type { JobView } from "@/lib/imports/job-operations";
import { StatusBadge } from "./status-badge";

export function ImportHistory({ jobs }: { jobs: JobView[] }) {
  const { dateTime, number: n } = useFormat();
  return (
    <Card>
      <CardHeader>
        <CardTitle>Import history</CardTitle>
      </CardHeader>
      {jobs.length === 0 ? (
        <p className="px-5 py-6 text-sm text-zinc-600">No imports yet.</p>
      ) : (
        <Table aria-label="Import history">
          <THead>
            <TR>
              <TH>File</TH>
              <TH>By</TH>
              <TH>When</TH>
              <TH>Mapping</TH>
              <TH>Status</TH>
              <TH>Runner</TH>
              <TH className="text-right">Rows</TH>
              <TH className="text-right">Added</TH>
              <TH className="text-right">Updated</TH>
              <TH className="text-right">Rejected</TH>
              <TH>Problems</TH>
            </TR>
          </THead>
          <TBody>
            {jobs.map((job) => (
              <TR key={job.id}>
                <TD className="font-medium">
                  <Link href={`/imports/${job.id}`} className="text-brand-700 hover:underline">
                    {job.fileName}
                  </Link>
                  {job.dryRun ? <Badge className="ml-2">dry run</Badge> : null}
                </TD>
                <TD className="whitespace-nowrap">{job.createdBy ?? "Command line"}</TD>
                <TD className="whitespace-nowrap text-zinc-600">{dateTime(job.startedAt ?? job.createdAt)}</TD>
                <TD>{job.mappingName ?? "Canonical"}</TD>
                <TD>
                  <StatusBadge job={job} />
                </TD>
                <TD className="whitespace-nowrap text-xs text-zinc-600">
                  <span className="font-mono">{job.worker ?? "—"}</span>
                  {job.attempts > 1 ? <span className="block">{job.attempts} attempts</span> : null}
                </TD>
                <TD className="text-right tabular-nums">{n(job.rowsRead)}</TD>
                <TD className="text-right tabular-nums">{n(job.counts.inserted)}</TD>
                <TD className="text-right tabular-nums">{n(job.counts.updated)}</TD>
                <TD className="text-right tabular-nums">{n(job.rowsRejected)}</TD>
                <TD>
                  {job.rowsRejected > 0 || job.status === "failed" ? (
                    <a href={`/api/v1/imports/${job.id}/errors`} className="text-brand-700 hover:underline" download>
                      Error report
                    </a>
                  ) : (
                    <span className="text-zinc-500">—</span>
                  )}
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
