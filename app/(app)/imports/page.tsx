import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listImportJobs, listImportMappings } from "@/lib/imports/job-operations";
import { readForPage } from "@/lib/operations/page";
import { ImportHistory } from "./import-history";
import { UploadForm } from "./upload-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("imports"))("metaTitle") };
}

export default async function ImportsPage() {
  await requireUser("imports:run");
  const t = await getTranslations("imports");
  const [jobs, mappings] = await Promise.all([
    readForPage(listImportJobs, { limit: 100 }),
    readForPage(listImportMappings, {}),
  ]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <UploadForm mappings={mappings.map((m) => ({ id: m.id, name: m.name }))} />
      <ImportHistory jobs={jobs} />
    </>
  );
}
