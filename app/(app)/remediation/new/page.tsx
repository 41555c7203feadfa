import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { getRemediationOptions } from "@/lib/remediation/queries";
import { ActionForm } from "./action-form";

export const metadata: Metadata = { title: "New remediation action" };

export default async function NewRemediationPage() {
  await requireUser("remediation:write");
  const options = await getRemediationOptions();
  return (
    <>
      <PageHeader
        title="New remediation action"
        description="A change meant to remove a root cause. It starts as proposed; link the root causes it should remove so its effect can be checked once it ships."
      />
      <ActionForm options={options} />
    </>
  );
}
