import { Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { IgnoredFiltersNotice } from "@/components/data-table/ignored-filters-notice";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { filtersToSearchParams, readComplaintFilters } from "@/lib/complaints/filters";
import { getComplaintList, getComplaintOptions, getSavedViews, redactsFor } from "@/lib/complaints/queries";
import { exportJobThreshold } from "@/lib/exports/jobs";
import { ComplaintsView } from "../complaints-view";
import { ExportMenu } from "../export-menu";

export const metadata: Metadata = { title: "Complaints" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ComplaintsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser("complaints:read");
  const { filters, problems } = readComplaintFilters(await searchParams);
  const [list, options, views] = await Promise.all([
    getComplaintList(user, filters),
    getComplaintOptions(),
    getSavedViews(user),
  ]);
  const redacted = redactsFor(user);
  return (
    <>
      <PageHeader
        title="Complaints"
        description={
          redacted
            ? "Every complaint, with personal data removed: customer references are hidden and identity numbers, e-mail addresses, phone numbers, card numbers and IBANs are cut from the text."
            : "Every complaint on every channel. Filter, search and select to work on many at once."
        }
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
                  <Plus /> Log complaint
                </Link>
              </Button>
            ) : null}
          </>
        }
      />
      <IgnoredFiltersNotice problems={problems} resetHref="/complaints" resetLabel="Show all complaints" />
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
