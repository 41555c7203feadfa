import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { HistoryCard } from "@/components/ui/history-card";
import { can } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { getFormat } from "@/lib/i18n/server";
import { logError } from "@/lib/log";
import { readAsUser, readForPageOrFailure } from "@/lib/operations/page";
import type { RateTrend } from "@/lib/remediation/rate-trend";
import {
  readActionDiscussion,
  readRemediationAction,
  readRemediationOptions,
  readRemediationRateTrend,
} from "@/lib/remediation/reads";
import { canVerify } from "@/lib/remediation/verify-rule";
import { SHIPPED_STATUSES } from "@/lib/remediation/workflow";
import { ActionComments } from "./action-comments";
import { DetailsCard } from "./details-card";
import { EffectivenessPanel } from "./effectiveness-panel";
import { EvidenceLinks, RootCauseLinks } from "./links-panel";
import { OwnerForm } from "./owner-form";
import { WorkflowBar } from "./workflow-bar";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("remediation.detail");
  return { title: t("metaTitle") };
}

export default async function RemediationActionPage({ params }: { params: Promise<{ id: string }> }) {
  const { day: formatDay } = await getFormat();
  const t = await getTranslations("remediation");
  const comments = await getTranslations("comments");
  const common = await getTranslations("common");
  const user = await requireUser("remediation:read");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const loaded = await Promise.all([
    readForPageOrFailure(readRemediationAction, { id }),
    readForPageOrFailure(readRemediationOptions, {}),
    readForPageOrFailure(readActionDiscussion, { actionId: id }),
  ]);
  const [detailRead, optionsRead, discussionRead] = loaded;
  if ("failed" in detailRead || "failed" in optionsRead || "failed" in discussionRead) {
    return <Alert tone="danger">{t("detail.loadFailed")}</Alert>;
  }
  const [detail, options, discussion] = [detailRead.data, optionsRead.data, discussionRead.data];
  const { action } = detail;
  let trend: RateTrend | null = null;
  if (action.shippedOn && SHIPPED_STATUSES.includes(action.status)) {
    const read = await readAsUser(readRemediationRateTrend, {
      market: action.market,
      productId: action.productId,
      shippedOn: action.shippedOn,
      rootCauseIds: detail.rootCauses.map((c) => c.id),
      latestCheck: detail.checks[0],
    });
    // The chart is an extra: the page still shows the check's figures without it.
    if ("data" in read) trend = read.data;
    else logError("Remediation rate trend failed to load", new Error(`${read.error.code}: ${read.error.message}`));
  }
  const canWrite = can(user.role, "remediation:write");
  const owns = action.ownerId === user.id && can(user.role, "remediation:update_own");
  const canChangeStatus = canWrite || owns;
  const readsComplaints = can(user.role, "complaints:read");
  const today = new Date().toISOString().slice(0, 10);

  return (
    <>
      <div className="mb-4 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <p className="text-sm text-zinc-500">
            <Link href="/remediation" className="hover:underline">
              {t("title")}
            </Link>{" "}
            / {t("detail.breadcrumb")}
          </p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight break-words text-zinc-900">{action.title}</h1>
          <p className="mt-1 text-sm text-zinc-600">
            {t("detail.byline", {
              creator: action.createdByName ?? t("detail.someone"),
              day: formatDay(action.createdAt.toISOString()),
              owner: action.ownerName ?? t("detail.nobodyYet"),
              version: action.version,
            })}
          </p>
        </div>
        <div className="flex gap-2">
          {action.overdue ? <Badge tone="danger">{common("overdue")}</Badge> : null}
          {!canChangeStatus ? (
            <Badge tone="info">{t("detail.readOnly")}</Badge>
          ) : owns && !canWrite ? (
            <Badge tone="brand">{t("detail.youOwn")}</Badge>
          ) : null}
        </div>
      </div>
      <Card className="mb-6">
        <CardContent>
          <WorkflowBar
            id={action.id}
            version={action.version}
            status={action.status}
            shippedOn={action.shippedOn}
            canChange={canChangeStatus}
            canVerify={canVerify(user.role)}
            today={today}
          />
        </CardContent>
      </Card>
      <div className="grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="flex min-w-0 flex-col gap-6">
          <DetailsCard action={action} options={options} canEdit={canWrite} />
          {owns && !canWrite ? (
            <Card>
              <CardHeader>
                <CardTitle>{t("detail.statusAndNotes")}</CardTitle>
              </CardHeader>
              <CardContent>
                <OwnerForm action={action} today={today} />
              </CardContent>
            </Card>
          ) : null}
          <Card>
            <CardHeader>
              <CardTitle>{t("detail.effectiveness")}</CardTitle>
            </CardHeader>
            <CardContent>
              <EffectivenessPanel
                actionId={action.id}
                checks={detail.checks}
                trend={trend}
                causes={detail.rootCauses.map((c) => c.name)}
                shipped={SHIPPED_STATUSES.includes(action.status)}
                canRun={canChangeStatus}
              />
            </CardContent>
          </Card>
        </div>
        <div className="flex min-w-0 flex-col gap-6">
          <Card>
            <CardHeader>
              <CardTitle>{t("detail.rootCauses")}</CardTitle>
            </CardHeader>
            <CardContent>
              <RootCauseLinks
                actionId={action.id}
                linked={detail.rootCauses}
                choices={options.rootCauses}
                canEdit={canWrite}
              />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("detail.evidence")}</CardTitle>
            </CardHeader>
            <CardContent>
              {readsComplaints ? (
                <EvidenceLinks actionId={action.id} evidence={detail.evidence} canEdit={canWrite} />
              ) : (
                <p className="text-sm text-zinc-500">{t("detail.evidenceHidden")}</p>
              )}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("detail.comments")}</CardTitle>
            </CardHeader>
            <CardContent>
              {can(user.role, "remediation:comment") ? (
                <ActionComments actionId={action.id} comments={discussion.comments} people={discussion.people} />
              ) : discussion.comments.length ? (
                <ul className="flex flex-col gap-3">
                  {discussion.comments.map((c) => (
                    <li key={c.id} className="rounded-md bg-zinc-50 px-3 py-2 text-sm">
                      <p className="text-xs text-zinc-500">{c.authorName ?? comments("someone")}</p>
                      <p className="mt-1 whitespace-pre-wrap">{c.body}</p>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-zinc-500">{comments("none")}</p>
              )}
            </CardContent>
          </Card>
          <HistoryCard entries={detail.history} />
        </div>
      </div>
    </>
  );
}
