import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { exportExpiryHours, exportJobThreshold } from "@/lib/exports/jobs";
import { listExportJobs } from "@/lib/exports/operations";
import { getFormat } from "@/lib/i18n/server";
import { readForPage } from "@/lib/operations/page";
import { ExportList } from "./export-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("exports"))("title") };
}

export default async function ExportsPage() {
  const user = await requireUser("exports:run");
  const exports = await readForPage(listExportJobs, {});
  const t = await getTranslations("exports");
  const { number } = await getFormat();
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { threshold: number(exportJobThreshold()), hours: exportExpiryHours() })}
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
