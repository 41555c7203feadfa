"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useFormat } from "@/lib/i18n/hooks";

export type ExportRow = {
  id: string;
  status: string;
  fileName: string;
  query: string;
  excel: boolean;
  expectedRows: number | null;
  rows: number;
  bytes: number;
  message: string | null;
  createdAt: string;
  finishedAt: string | null;
  expiresAt: string | null;
  requesterName: string;
};

function StatusBadge({ status }: { status: string }) {
  const t = useTranslations("exports.status");
  switch (status) {
    case "queued":
      return <Badge>{t("queued")}</Badge>;
    case "running":
      return <Badge tone="info">{t("running")}</Badge>;
    case "ready":
      return <Badge tone="success">{t("ready")}</Badge>;
    case "failed":
      return <Badge tone="danger">{t("failed")}</Badge>;
    default:
      return <Badge tone="warning">{t("expired")}</Badge>;
  }
}

/** The user's exports (an admin's: everyone's); refreshed every two seconds while one is being written. */
export function ExportList({ exports, showRequester }: { exports: ExportRow[]; showRequester: boolean }) {
  const router = useRouter();
  const t = useTranslations("exports.list");
  const { dateTime, number: n } = useFormat();
  const size = (bytes: number) =>
    bytes >= 1024 * 1024
      ? t("megabytes", { size: n(bytes / 1024 / 1024, 1) })
      : t("kilobytes", { size: n(Math.max(1, Math.round(bytes / 1024))) });
  const busy = exports.some((e) => e.status === "queued" || e.status === "running");
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [busy, router]);
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
      </CardHeader>
      {exports.length === 0 ? (
        <p className="px-5 py-6 text-sm text-zinc-600">
          {t.rich("empty", {
            link: (chunks) => (
              <Link href="/complaints" className="text-brand-700 hover:underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      ) : (
        <Table aria-label={t("table")}>
          <THead>
            <TR>
              <TH>{t("columns.asked")}</TH>
              {showRequester ? <TH>{t("columns.by")}</TH> : null}
              <TH>{t("columns.filters")}</TH>
              <TH>{t("columns.status")}</TH>
              <TH className="text-right">{t("columns.rows")}</TH>
              <TH>{t("columns.expires")}</TH>
              <TH>{t("columns.file")}</TH>
            </TR>
          </THead>
          <TBody>
            {exports.map((e) => (
              <TR key={e.id}>
                <TD className="whitespace-nowrap text-zinc-600">{dateTime(e.createdAt)}</TD>
                {showRequester ? <TD className="whitespace-nowrap">{e.requesterName}</TD> : null}
                <TD className="max-w-xs truncate text-xs">
                  <Link href={`/complaints${e.query ? `?${e.query}` : ""}`} className="text-brand-700 hover:underline">
                    {e.query ? decodeURIComponent(e.query.replaceAll("&", " · ")) : t("allComplaints")}
                  </Link>
                  {e.excel ? <Badge className="ml-2">{t("excel")}</Badge> : null}
                </TD>
                <TD>
                  <StatusBadge status={e.status} />
                  {e.status === "failed" && e.message ? (
                    <span className="block text-xs text-red-700">{e.message}</span>
                  ) : null}
                </TD>
                <TD className="text-right tabular-nums">
                  {e.status === "ready" || e.status === "expired"
                    ? n(e.rows)
                    : e.expectedRows === null
                      ? t("counting")
                      : t("rowsOf", { rows: n(e.rows), expected: n(e.expectedRows) })}
                </TD>
                <TD className="whitespace-nowrap text-zinc-600">{e.expiresAt ? dateTime(e.expiresAt) : "—"}</TD>
                <TD className="whitespace-nowrap">
                  {e.status === "ready" ? (
                    <a href={`/api/v1/exports/${e.id}/file`} className="text-brand-700 hover:underline" download>
                      {t("download", { file: e.fileName, size: size(e.bytes) })}
                    </a>
                  ) : (
                    <span className="text-zinc-400">—</span>
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
