import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { readForPage } from "@/lib/operations/page";
import { readRemediationOptions } from "@/lib/remediation/reads";
import { ActionForm } from "./action-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("remediation.form");
  return { title: t("newTitle") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function NewRemediationPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser("remediation:propose");
  const t = await getTranslations("remediation.form");
  const [options, params] = await Promise.all([readForPage(readRemediationOptions, {}), searchParams]);
  const one = (name: string) => (typeof params[name] === "string" ? (params[name] as string) : "");
  // Started from a cause in the root-cause report: the cause and the report's scope come along.
  const rootCause = options.rootCauses.find((r) => r.id === one("root_cause"));
  return (
    <>
      <PageHeader title={t("newTitle")} description={t("newDescription")} />
      <ActionForm
        options={options}
        initial={{
          rootCauseIds: rootCause ? [rootCause.id] : [],
          market: one("market"),
          productId: one("product"),
          title: rootCause ? t("titleFromCause", { name: rootCause.name }) : "",
          ownerId: can(user.role, "remediation:write") ? "" : user.id,
        }}
      />
    </>
  );
}
