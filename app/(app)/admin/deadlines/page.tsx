import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { DEFAULT_ACKNOWLEDGE, DEFAULT_FINAL_RESPONSE } from "@/lib/complaints/deadlines";
import { readComplaintOptions, readDeadlineRules } from "@/lib/complaints/reads";
import { readForPage } from "@/lib/operations/page";
import { DeadlineRulesTable } from "./deadline-rules-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("deadlines"))("title") };
}

export default async function DeadlinesPage() {
  await requireUser("admin:manage");
  const t = await getTranslations("deadlines");
  const [rules, options] = await Promise.all([
    readForPage(readDeadlineRules, {}),
    readForPage(readComplaintOptions, {}),
  ]);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", {
          acknowledgeDays: DEFAULT_ACKNOWLEDGE.days,
          weeks: DEFAULT_FINAL_RESPONSE.days / 7,
        })}
      />
      <DeadlineRulesTable rules={rules} markets={options.markets} />
    </>
  );
}
