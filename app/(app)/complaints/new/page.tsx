import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { todayIso } from "@/lib/complaints/deadlines";
import { getComplaintOptions } from "@/lib/complaints/queries";
import { ComplaintForm } from "./complaint-form";

export const metadata: Metadata = { title: "Log complaint" };

export default async function NewComplaintPage() {
  await requireUser("complaints:write");
  const options = await getComplaintOptions();
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
