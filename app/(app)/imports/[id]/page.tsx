import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { getImportJob, readImportWizard } from "@/lib/imports/job-operations";
import { readForPage } from "@/lib/operations/page";
import { ImportWizard } from "./import-wizard";
import { JobProgress } from "./job-progress";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("imports"))("metaTitle") };
}

export default async function ImportJobPage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser("imports:run");
  const { id } = await params;
  const t = await getTranslations("imports.wizard");
  if (!z.uuid().safeParse(id).success) notFound();
  const job = await readForPage(getImportJob, { jobId: id });
  const back = (
    <Link href="/imports" className="text-sm text-brand-700 hover:underline">
      {t("back")}
    </Link>
  );

  if (job.status === "queued" && job.phase === "uploaded") {
    const { mappings, preview, initialConfig } = await readForPage(readImportWizard, { jobId: job.id });
    return (
      <>
        <PageHeader title={t("title", { file: job.fileName })} description={t("description")} actions={back} />
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
      <PageHeader title={t("title", { file: job.fileName })} actions={back} />
      <JobProgress initial={job} />
    </>
  );
}
