import { Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { IgnoredFiltersNotice } from "@/components/data-table/ignored-filters-notice";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { filtersToSearchParams, readComplaintFilters } from "@/lib/complaints/filters";
import { readComplaintList, readComplaintOptions, readSavedViews } from "@/lib/complaints/reads";
import { exportJobThreshold } from "@/lib/exports/jobs";
import { parsingIn } from "@/lib/i18n/say";
import { readForPage } from "@/lib/operations/page";
import { redactsFor } from "@/lib/privacy/gate";
import { ComplaintsView } from "../complaints-view";
import { ExportMenu } from "../export-menu";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("titles"))("complaints") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ComplaintsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser("complaints:read");
  // The filters a link got wrong are said in the reader's language.
  const [locale, params] = await Promise.all([getLocale(), searchParams]);
  const { filters, problems } = parsingIn(locale, () => readComplaintFilters(params));
  const t = await getTranslations("complaints");
  const title = (await getTranslations("titles"))("complaints");
  const [list, options, views] = await Promise.all([
    readForPage(readComplaintList, filtersToSearchParams(filters)),
    readForPage(readComplaintOptions, {}),
    readForPage(readSavedViews, {}),
  ]);
  const redacted = redactsFor(user);
  return (
    <>
      <PageHeader
        title={title}
        description={redacted ? t("descriptionRedacted") : t("description")}
        actions={
          <>
            {can(user.role, "exports:run") ? (
              <ExportMenu
                query={filtersToSearchParams(filters).toString()}
                total={list.total}
                threshold={exportJobThreshold()}
              />
            ) : null}
            {can(user.role, "complaints:write") ? (
              <Button asChild size="sm">
                <Link href="/complaints/new">
                  <Plus /> {t("logComplaint")}
                </Link>
              </Button>
            ) : null}
          </>
        }
      />
      <IgnoredFiltersNotice problems={problems} resetHref="/complaints" resetLabel={t("showAll")} />
      <ComplaintsView
        rows={list.rows}
        total={list.total}
        totalIsEstimate={list.totalIsEstimate}
        options={options}
        views={views}
        currentUserId={user.id}
        canEdit={can(user.role, "complaints:write")}
        showsPersonalData={!redacted}
      />
    </>
  );
}
