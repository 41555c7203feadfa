import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { HistoryCard } from "@/components/ui/history-card";
import { can } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { DEFAULT_ACKNOWLEDGE, DEFAULT_FINAL_RESPONSE, type DeadlineSpan, todayIso } from "@/lib/complaints/deadlines";
import { readComplaint, readComplaintOptions } from "@/lib/complaints/reads";
import { formatterFor } from "@/lib/format";
import { codesFor } from "@/lib/i18n/messages";
import { readAsUser, readForPage } from "@/lib/operations/page";
import { redactsFor } from "@/lib/privacy/gate";
import { readSuggestions } from "@/lib/suggestions/reads";
import { AnalysisNotesPanel } from "./analysis-notes-panel";
import { CommentsPanel } from "./comments-panel";
import { ComplaintFields } from "./complaint-fields";
import { DeadlineActions } from "./deadline-actions";
import { DeadlineClock } from "./deadline-clock";
import { ComplaintEditProvider } from "./edit-context";
import { ErasePersonalData } from "./erase-personal-data";
import { FamilyPanel } from "./family-panel";
import { RootCausesPanel } from "./root-causes-panel";
import { StatusBar } from "./status-bar";
import { SuggestionsPanel } from "./suggestions-panel";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("titles"))("complaint") };
}

export default async function ComplaintPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser("complaints:read");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const locale = await getLocale();
  const [detail, options] = await Promise.all([
    readForPage(readComplaint, { id, withHistory: true, locale }),
    readForPage(readComplaintOptions, {}),
  ]);
  const { complaint, deadlines } = detail;
  const t = await getTranslations("complaint");
  const { day } = formatterFor(locale);
  const codes = codesFor(locale);
  const span = (s: DeadlineSpan) => t(s.businessDays ? "deadline.businessDays" : "deadline.days", { count: s.days });
  const canEdit = can(user.role, "complaints:write");
  const rule = deadlines.rule;
  const ruleText = rule
    ? t(complaint.paymentService ? "deadline.rulePayment" : "deadline.rule", {
        market: complaint.market,
        channel: codes.channel[complaint.channel].toLocaleLowerCase(locale),
        acknowledge: span({ days: rule.acknowledgeDays, businessDays: rule.acknowledgeBusinessDays }),
        answer: span({ days: rule.finalResponseDays, businessDays: rule.finalResponseBusinessDays }),
      })
    : t(complaint.paymentService ? "deadline.defaultRulePayment" : "deadline.defaultRule", {
        acknowledge: span(DEFAULT_ACKNOWLEDGE),
        answer: span(DEFAULT_FINAL_RESPONSE),
      });

  return (
    <ComplaintEditProvider id={complaint.id} version={complaint.version} canEdit={canEdit}>
      <div className="mb-4 flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm text-zinc-500">
            <Link href="/complaints" className="hover:underline">
              {t("breadcrumb")}
            </Link>{" "}
            / {complaint.reference}
          </p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight text-zinc-900">{complaint.reference}</h1>
          <p className="mt-1 text-sm text-zinc-600">
            {[
              codes.channel[complaint.channel],
              complaint.authorityName,
              complaint.market,
              t("received", { date: day(complaint.receivedOn) }),
              t("loggedBy", { name: complaint.createdByName ?? t("import") }),
              t("version", { version: complaint.version }),
            ]
              .filter(Boolean)
              .join(" · ")}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {can(user.role, "admin:manage") && !complaint.anonymisedAt ? (
            <ErasePersonalData complaintId={complaint.id} reference={complaint.reference} />
          ) : null}
          {deadlines.overdue ? <Badge tone="danger">{t("overdue")}</Badge> : null}
          {complaint.excludedReason ? (
            <Badge>{t("excluded", { reason: codes.excludedReason[complaint.excludedReason] })}</Badge>
          ) : null}
          {!canEdit ? <Badge tone="info">{t("readOnly")}</Badge> : null}
        </div>
      </div>
      {complaint.anonymisedAt ? (
        <Alert tone="info" className="mb-4">
          {t("erasedNotice", { date: day(complaint.anonymisedAt) })}
        </Alert>
      ) : null}
      <Card className="mb-6">
        <CardContent>
          <StatusBar status={complaint.status} assigneeId={complaint.assigneeId} assignees={options.assignees} />
        </CardContent>
      </Card>
      <div className="grid gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="flex min-w-0 flex-col gap-6">
          <Card>
            <CardHeader>
              <CardTitle>{t("cards.complaint")}</CardTitle>
            </CardHeader>
            <CardContent>
              <ComplaintFields
                complaint={complaint}
                options={options}
                today={todayIso()}
                showsPersonalData={!redactsFor(user)}
              />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("cards.analysis")}</CardTitle>
            </CardHeader>
            <CardContent>
              <AnalysisNotesPanel complaintId={complaint.id} notes={detail.analysisNotes} canEdit={canEdit} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("cards.comments")}</CardTitle>
            </CardHeader>
            <CardContent>
              <CommentsPanel
                complaintId={complaint.id}
                comments={detail.comments}
                people={options.mentionable.filter((p) => p.id !== user.id)}
              />
            </CardContent>
          </Card>
        </div>
        <div className="flex min-w-0 flex-col gap-6">
          <Card>
            <CardHeader>
              <CardTitle>{t("cards.deadlines")}</CardTitle>
            </CardHeader>
            <CardContent className="flex flex-col gap-3">
              <DeadlineClock
                acknowledge={deadlines.acknowledge}
                finalResponse={deadlines.finalResponse}
                ruleText={ruleText}
              />
              <DeadlineActions
                acknowledged={Boolean(complaint.acknowledgedAt)}
                responded={Boolean(complaint.respondedAt)}
                receivedOn={complaint.receivedOn}
              />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("cards.rootCauses")}</CardTitle>
            </CardHeader>
            <CardContent>
              <RootCausesPanel
                complaintId={complaint.id}
                tags={detail.rootCauses}
                rootCauses={options.rootCauses}
                canEdit={canEdit}
              />
            </CardContent>
          </Card>
          {/* The complaint is on screen while its suggestions are still being looked for (the slowest read). */}
          <Suspense fallback={<SuggestionsPending title={t("cards.suggestions")} />}>
            <SuggestionsCard
              complaintId={complaint.id}
              taggedIds={detail.rootCauses.map((t) => t.rootCauseId)}
              canEdit={canEdit}
            />
          </Suspense>
          <Card>
            <CardHeader>
              <CardTitle>{t("cards.family")}</CardTitle>
            </CardHeader>
            <CardContent>
              <FamilyPanel detail={detail} canEdit={canEdit} />
            </CardContent>
          </Card>
          <HistoryCard entries={detail.history} />
        </div>
      </div>
    </ComplaintEditProvider>
  );
}

async function SuggestionsCard({
  complaintId,
  taggedIds,
  canEdit,
}: {
  complaintId: string;
  taggedIds: string[];
  canEdit: boolean;
}) {
  const result = await readAsUser(readSuggestions, { complaintId });
  // None (the complaint has no words to look for) leaves the card out; a failed read says so in it,
  // and the rest of the page, already shown, stays usable.
  if ("error" in result && result.error.code === "not_found") return null;
  const t = await getTranslations("complaint");
  const format = formatterFor(await getLocale());
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("cards.suggestions")}</CardTitle>
      </CardHeader>
      <CardContent>
        {"data" in result ? (
          <SuggestionsPanel
            complaintId={complaintId}
            suggestions={result.data}
            foundLabel={t("panels.similarAsOf", { when: format.dateTime(result.data.foundAt) })}
            taggedIds={taggedIds}
            canEdit={canEdit}
          />
        ) : (
          <Alert tone="warning">{t("panels.suggestionsFailed")}</Alert>
        )}
      </CardContent>
    </Card>
  );
}

async function SuggestionsPending({ title }: { title: string }) {
  const t = await getTranslations("complaint.panels");
  return (
    <Card aria-busy="true">
      <CardHeader>
        <CardTitle>{title}</CardTitle>
      </CardHeader>
      <CardContent>
        <p className="text-sm text-zinc-500">{t("suggestionsLoading")}</p>
      </CardContent>
    </Card>
  );
}
