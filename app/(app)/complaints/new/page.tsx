import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { todayIso } from "@/lib/complaints/deadlines";
import { readComplaintOptions } from "@/lib/complaints/reads";
import { readForPage } from "@/lib/operations/page";
import { ComplaintForm } from "./complaint-form";

export const metadata: Metadata = { title: "Log complaint" };

export default async function NewComplaintPage() {
  await requireUser("complaints:write");
  const options = await readForPage(readComplaintOptions, {});
  return (
    <>
      <PageHeader
        title="Log complaint"
        description="One complaint as it was received on one channel. If the same matter came in on another route, link it as a family after the warning."
      />
      <ComplaintForm options={options} today={todayIso()} />
    </>
  );
}
