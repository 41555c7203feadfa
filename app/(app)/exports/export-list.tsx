"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";

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

const dateTime = new Intl.DateTimeFormat("sv-SE", {
  dateStyle: "short",
  timeStyle: "short",
  timeZone: "Europe/Stockholm",
});
const n = (value: number) => value.toLocaleString("en-US");
const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} kB`;

function StatusBadge({ status }: { status: string }) {
  switch (status) {
    case "queued":
      return <Badge>Queued</Badge>;
    case "running":
      return <Badge tone="info">Writing</Badge>;
    case "ready":
      return <Badge tone="success">Ready</Badge>;
    case "failed":
      return <Badge tone="danger">Failed</Badge>;
    default:
      return <Badge tone="warning">Expired</Badge>;
  }
}

/** The user's exports (an admin's: everyone's); refreshed every two seconds while one is being written. */
export function ExportList({ exports, showRequester }: { exports: ExportRow[]; showRequester: boolean }) {
  const router = useRouter();
  const busy = exports.some((e) => e.status === "queued" || e.status === "running");
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [busy, router]);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Your exports</CardTitle>
      </CardHeader>
      {exports.length === 0 ? (
        <p className="px-5 py-6 text-sm text-zinc-600">
          No exports yet. Export a list of more than the threshold from{" "}
          <Link href="/complaints" className="text-brand-700 hover:underline">
            Complaints
          </Link>{" "}
          and it is prepared here.
        </p>
      ) : (
        <Table aria-label="Exports">
          <THead>
            <TR>
              <TH>Asked</TH>
              {showRequester ? <TH>By</TH> : null}
              <TH>Filters</TH>
              <TH>Status</TH>
              <TH className="text-right">Rows</TH>
              <TH>Expires</TH>
              <TH>File</TH>
            </TR>
          </THead>
          <TBody>
            {exports.map((e) => (
              <TR key={e.id}>
                <TD className="whitespace-nowrap text-zinc-600">{dateTime.format(new Date(e.createdAt))}</TD>
                {showRequester ? <TD className="whitespace-nowrap">{e.requesterName}</TD> : null}
                <TD className="max-w-xs truncate text-xs">
                  <Link href={`/complaints${e.query ? `?${e.query}` : ""}`} className="text-brand-700 hover:underline">
                    {e.query ? decodeURIComponent(e.query.replaceAll("&", " · ")) : "All complaints"}
                  </Link>
                  {e.excel ? <Badge className="ml-2">Excel</Badge> : null}
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
                      ? "counting…"
                      : `${n(e.rows)} of ${n(e.expectedRows)}`}
                </TD>
                <TD className="whitespace-nowrap text-zinc-600">
                  {e.expiresAt ? dateTime.format(new Date(e.expiresAt)) : "—"}
                </TD>
                <TD className="whitespace-nowrap">
                  {e.status === "ready" ? (
                    <a href={`/api/v1/exports/${e.id}/file`} className="text-brand-700 hover:underline" download>
                      Download {e.fileName} ({size(e.bytes)})
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
