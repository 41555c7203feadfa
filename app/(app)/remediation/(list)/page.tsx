import { Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { IgnoredFiltersNotice } from "@/components/data-table/ignored-filters-notice";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { parsingIn } from "@/lib/i18n/say";
import { readForPageOrFailure } from "@/lib/operations/page";
import { readRemediationFilters, remediationFiltersToSearchParams } from "@/lib/remediation/filters";
import { readRemediationList, readRemediationOptions } from "@/lib/remediation/reads";
import { RemediationView } from "../remediation-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("remediation");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function RemediationPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser("remediation:read");
  const t = await getTranslations("remediation");
  const header = (
    <PageHeader
      title={t("title")}
      description={t("description")}
      actions={
        can(user.role, "remediation:write") ? (
          <Button asChild size="sm">
            <Link href="/remediation/new">
              <Plus /> {t("newAction")}
            </Link>
          </Button>
        ) : null
      }
    />
  );
  // The filters a link got wrong are said in the reader's language.
  const [locale, params] = await Promise.all([getLocale(), searchParams]);
  const { filters, problems } = parsingIn(locale, () => readRemediationFilters(params));
  const [list, options] = await Promise.all([
    readForPageOrFailure(readRemediationList, remediationFiltersToSearchParams(filters)),
    readForPageOrFailure(readRemediationOptions, {}),
  ]);
  if ("failed" in list || "failed" in options) {
    return (
      <>
        {header}
        <Alert tone="danger">{t("loadFailed")}</Alert>
      </>
    );
  }
  return (
    <>
      {header}
      <IgnoredFiltersNotice problems={problems} resetHref="/remediation" resetLabel={t("showAll")} />
      <RemediationView
        rows={list.data.rows}
        total={list.data.total}
        options={options.data}
        currentUserId={user.id}
        canOwn={can(user.role, "remediation:update_own")}
      />
    </>
  );
}
