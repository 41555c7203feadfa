import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listMappings } from "@/lib/imports/mappings";
import { listJobs } from "@/lib/imports/queries";
import { ImportHistory } from "./import-history";
import { UploadForm } from "./upload-form";

export const metadata: Metadata = { title: "Import" };

export default async function ImportsPage() {
  await requireUser("imports:run");
  const [jobs, mappings] = await Promise.all([listJobs(100), listMappings()]);
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
