import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
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

export const metadata: Metadata = { title: "Remediation action" };

export default async function RemediationActionPage({ params }: { params: Promise<{ id: string }> }) {
  const { day: formatDay } = await getFormat();
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
    return (
      <Alert tone="danger">
        This remediation action could not be loaded: the database did not answer. Try again in a moment.
      </Alert>
    );
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
        <div>
          <p className="text-sm text-zinc-500">
            <Link href="/remediation" className="hover:underline">
              Remediation
            </Link>{" "}
            / action
          </p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight text-zinc-900">{action.title}</h1>
          <p className="mt-1 text-sm text-zinc-600">
            Proposed by {action.createdByName ?? "someone"} on {formatDay(action.createdAt.toISOString())} · owned by{" "}
            {action.ownerName ?? "nobody yet"} · version {action.version}
          </p>
        </div>
        <div className="flex gap-2">
          {action.overdue ? <Badge tone="danger">Overdue</Badge> : null}
          {!canChangeStatus ? (
            <Badge tone="info">Read only</Badge>
          ) : owns && !canWrite ? (
            <Badge tone="brand">You own this action</Badge>
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
                <CardTitle>Status and notes</CardTitle>
              </CardHeader>
              <CardContent>
                <OwnerForm action={action} today={today} />
              </CardContent>
            </Card>
          ) : null}
          <Card>
            <CardHeader>
              <CardTitle>Effectiveness</CardTitle>
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
              <CardTitle>Root causes</CardTitle>
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
              <CardTitle>Evidence complaints</CardTitle>
            </CardHeader>
            <CardContent>
              {readsComplaints ? (
                <EvidenceLinks actionId={action.id} evidence={detail.evidence} canEdit={canWrite} />
              ) : (
                <p className="text-sm text-zinc-500">Complaint-level evidence is not shown to your role.</p>
              )}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Comments</CardTitle>
            </CardHeader>
            <CardContent>
              {can(user.role, "remediation:comment") ? (
                <ActionComments actionId={action.id} comments={discussion.comments} people={discussion.people} />
              ) : discussion.comments.length ? (
                <ul className="flex flex-col gap-3">
                  {discussion.comments.map((c) => (
                    <li key={c.id} className="rounded-md bg-zinc-50 px-3 py-2 text-sm">
                      <p className="text-xs text-zinc-500">{c.authorName ?? "Someone"}</p>
                      <p className="mt-1 whitespace-pre-wrap">{c.body}</p>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-zinc-500">No comments yet.</p>
              )}
            </CardContent>
          </Card>
          <HistoryCard entries={detail.history} />
        </div>
      </div>
    </>
  );
}
