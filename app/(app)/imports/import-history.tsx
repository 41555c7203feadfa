import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useFormat } from "@/lib/i18n/hooks";
import type { JobView } from "@/lib/imports/job-operations";
import { StatusBadge } from "./status-badge";

export function ImportHistory({ jobs }: { jobs: JobView[] }) {
  const { dateTime, number: n } = useFormat();
  const t = useTranslations("imports.history");
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
      </CardHeader>
      {jobs.length === 0 ? (
        <p className="px-5 py-6 text-sm text-zinc-600">{t("empty")}</p>
      ) : (
        <Table aria-label={t("title")}>
          <THead>
            <TR>
              <TH>{t("columns.file")}</TH>
              <TH>{t("columns.by")}</TH>
              <TH>{t("columns.when")}</TH>
              <TH>{t("columns.mapping")}</TH>
              <TH>{t("columns.status")}</TH>
              <TH>{t("columns.runner")}</TH>
              <TH className="text-right">{t("columns.rows")}</TH>
              <TH className="text-right">{t("columns.added")}</TH>
              <TH className="text-right">{t("columns.updated")}</TH>
              <TH className="text-right">{t("columns.rejected")}</TH>
              <TH>{t("columns.problems")}</TH>
            </TR>
          </THead>
          <TBody>
            {jobs.map((job) => (
              <TR key={job.id}>
                <TD className="font-medium">
                  <Link href={`/imports/${job.id}`} className="text-brand-700 hover:underline">
                    {job.fileName}
                  </Link>
                  {job.dryRun ? <Badge className="ml-2">{t("dryRun")}</Badge> : null}
                </TD>
                <TD className="whitespace-nowrap">{job.createdBy ?? t("commandLine")}</TD>
                <TD className="whitespace-nowrap text-zinc-600">{dateTime(job.startedAt ?? job.createdAt)}</TD>
                <TD>{job.mappingName ?? t("canonical")}</TD>
                <TD>
                  <StatusBadge job={job} />
                </TD>
                <TD className="whitespace-nowrap text-xs text-zinc-600">
                  <span className="font-mono">{job.worker ?? "—"}</span>
                  {job.attempts > 1 ? <span className="block">{t("attempts", { count: job.attempts })}</span> : null}
                </TD>
                <TD className="text-right tabular-nums">{n(job.rowsRead)}</TD>
                <TD className="text-right tabular-nums">{n(job.counts.inserted)}</TD>
                <TD className="text-right tabular-nums">{n(job.counts.updated)}</TD>
                <TD className="text-right tabular-nums">{n(job.rowsRejected)}</TD>
                <TD>
                  {job.rowsRejected > 0 || job.status === "failed" ? (
                    <a href={`/api/v1/imports/${job.id}/errors`} className="text-brand-700 hover:underline" download>
                      {t("errorReport")}
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
