import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { bufferSource } from "@/lib/imports/engine";
import { listMappings } from "@/lib/imports/mappings";
import { previewImport } from "@/lib/imports/preview";
import { getJob, getJobFile } from "@/lib/imports/queries";
import { mappingConfigSchema } from "@/lib/imports/validations";
import { ImportWizard } from "./import-wizard";
import { JobProgress } from "./job-progress";

export const metadata: Metadata = { title: "Import" };

export default async function ImportJobPage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser("imports:run");
  const { id } = await params;
  const job = await getJob(id);
  if (!job) notFound();
  const back = (
    <Link href="/imports" className="text-sm text-brand-700 hover:underline">
      All imports
    </Link>
  );

  if (job.status === "queued" && job.phase === "uploaded") {
    const stored = await getJobFile(job.id);
    if (!stored?.file) notFound();
    const mappings = await listMappings();
    const storedMapping = stored.options.mapping ? mappingConfigSchema.parse(stored.options.mapping) : null;
    const preview = await previewImport(bufferSource(stored.file), storedMapping);
    const initialConfig = storedMapping ?? mappingConfigSchema.parse({ source: "default", columns: preview.suggested });
    return (
      <>
        <PageHeader
          title={`Import ${job.fileName}`}
          description="Check how the file is read, map its columns and values, look at the preview, then run it."
          actions={back}
        />
        <ImportWizard
          jobId={job.id}
          initialConfig={initialConfig}
          initialMappingName={job.mappingName}
          initialPreview={preview}
          mappings={mappings}
        />
      </>
    );
  }

  return (
    <>
      <PageHeader title={`Import ${job.fileName}`} actions={back} />
      <JobProgress initial={job} />
    </>
  );
}
