import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { DEFAULT_ACKNOWLEDGE, DEFAULT_FINAL_RESPONSE } from "@/lib/complaints/deadlines";
import { readComplaintOptions, readDeadlineRules } from "@/lib/complaints/reads";
import { readForPage } from "@/lib/operations/page";
import { DeadlineRulesTable } from "./deadline-rules-table";

export const metadata: Metadata = { title: "Deadlines" };

export default async function DeadlinesPage() {
  await requireUser("admin:manage");
  const [rules, options] = await Promise.all([
    readForPage(readDeadlineRules, {}),
    readForPage(readComplaintOptions, {}),
  ]);
  return (
    <>
      <PageHeader
        title="Deadlines"
        description={`Acknowledgement and final-response deadlines per market and channel. Without a rule the defaults apply: acknowledge within ${DEFAULT_ACKNOWLEDGE.days} business days, answer within ${DEFAULT_FINAL_RESPONSE.days / 7} weeks; payment-service complaints are always answered within 15 business days. Changes apply to open complaints at once; a status change never resets a clock.`}
      />
      <DeadlineRulesTable rules={rules} markets={options.markets} />
    </>
  );
}
