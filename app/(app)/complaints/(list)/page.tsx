import type { Metadata } from "next";
import { FilterError } from "@/components/data-table/filter-error";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { type ComplaintFilters, filtersToSearchParams, parseComplaintFilters } from "@/lib/complaints/filters";
import { getComplaintList, getComplaintOptions, getSavedViews, redactsFor } from "@/lib/complaints/queries";
import { AppError } from "@/lib/errors";
import { exportJobThreshold } from "@/lib/exports/jobs";
import { ComplaintsView } from "../complaints-view";
import { ExportMenu } from "../export-menu";

export const metadata: Metadata = { title: "Complaints" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ComplaintsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser("complaints:read");
  let filters: ComplaintFilters;
  try {
    filters = parseComplaintFilters(await searchParams);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const details = (error.details as { path: string; message: string }[]) ?? [];
    return (
      <>
        <PageHeader title="Complaints" />
        <FilterError details={details} resetHref="/complaints" resetLabel="Show all complaints" />
      </>
    );
  }
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
          can(user.role, "exports:run") ? (
            <ExportMenu
              query={filtersToSearchParams(filters).toString()}
              total={list.total}
              threshold={exportJobThreshold()}
            />
          ) : null
        }
      />
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
