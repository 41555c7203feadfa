import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listImportJobs, listImportMappings } from "@/lib/imports/job-operations";
import { readForPage } from "@/lib/operations/page";
import { ImportHistory } from "./import-history";
import { UploadForm } from "./upload-form";

export const metadata: Metadata = { title: "Import" };

export default async function ImportsPage() {
  await requireUser("imports:run");
  const [jobs, mappings] = await Promise.all([
    readForPage(listImportJobs, { limit: 100 }),
    readForPage(listImportMappings, {}),
  ]);
  return (
    <>
      <PageHeader
        title="Import complaints"
        description="Upload a CSV in the canonical complaint format, or an export from another tool with a column mapping. Nothing is written until you have seen the preview."
      />
      <UploadForm mappings={mappings.map((m) => ({ id: m.id, name: m.name }))} />
      <ImportHistory jobs={jobs} />
    </>
  );
}
