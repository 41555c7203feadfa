import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { todayIso } from "@/lib/complaints/deadlines";
import { readComplaintOptions } from "@/lib/complaints/reads";
import { readForPage } from "@/lib/operations/page";
import { ComplaintForm } from "./complaint-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("complaintForm"))("title") };
}

export default async function NewComplaintPage() {
  await requireUser("complaints:write");
  const options = await readForPage(readComplaintOptions, {});
  const t = await getTranslations("complaintForm");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <ComplaintForm options={options} today={todayIso()} />
    </>
  );
}
