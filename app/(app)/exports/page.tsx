import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { exportExpiryHours, exportJobThreshold } from "@/lib/exports/jobs";
import { listExportJobs } from "@/lib/exports/operations";
import { readForPage } from "@/lib/operations/page";
import { ExportList } from "./export-list";

export const metadata: Metadata = { title: "Exports" };

export default async function ExportsPage() {
  const user = await requireUser("exports:run");
  const exports = await readForPage(listExportJobs, {});
  return (
    <>
      <PageHeader
        title="Exports"
        description={`Exports of more than ${exportJobThreshold().toLocaleString("en-US")} complaints are written in the background. Download the file here once it is ready; it is removed ${exportExpiryHours()} hours after.`}
      />
      <ExportList
        exports={exports.map((e) => ({
          ...e,
          createdAt: e.createdAt.toISOString(),
          finishedAt: e.finishedAt?.toISOString() ?? null,
          expiresAt: e.expiresAt?.toISOString() ?? null,
          query: new URLSearchParams(e.filters).toString(),
        }))}
        showRequester={user.role === "admin"}
      />
    </>
  );
}
