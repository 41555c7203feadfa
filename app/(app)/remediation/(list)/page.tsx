import { Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { IgnoredFiltersNotice } from "@/components/data-table/ignored-filters-notice";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { readForPageOrFailure } from "@/lib/operations/page";
import { readRemediationFilters, remediationFiltersToSearchParams } from "@/lib/remediation/filters";
import { readRemediationList, readRemediationOptions } from "@/lib/remediation/reads";
import { RemediationView } from "../remediation-view";

export const metadata: Metadata = { title: "Remediation" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const DESCRIPTION =
  "Changes meant to remove a root cause, from proposal to a verified fall in complaints per million purchases.";

export default async function RemediationPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser("remediation:read");
  const header = (
    <PageHeader
      title="Remediation"
      description={DESCRIPTION}
      actions={
        can(user.role, "remediation:write") ? (
          <Button asChild size="sm">
            <Link href="/remediation/new">
              <Plus /> New action
            </Link>
          </Button>
        ) : null
      }
    />
  );
  const { filters, problems } = readRemediationFilters(await searchParams);
  const [list, options] = await Promise.all([
    readForPageOrFailure(readRemediationList, remediationFiltersToSearchParams(filters)),
    readForPageOrFailure(readRemediationOptions, {}),
  ]);
  if ("failed" in list || "failed" in options) {
    return (
      <>
        {header}
        <Alert tone="danger">
          The remediation actions could not be loaded: the database did not answer. Try again in a moment.
        </Alert>
      </>
    );
  }
  return (
    <>
      {header}
      <IgnoredFiltersNotice problems={problems} resetHref="/remediation" resetLabel="Show all actions" />
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
