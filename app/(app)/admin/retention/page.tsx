import type { Metadata } from "next";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/session";
import { nextRun, scheduleOf } from "@/lib/jobs/validations";
import { readMarkets } from "@/lib/metric/operations";
import { readForPage } from "@/lib/operations/page";
import { readRetentionOverview } from "@/lib/privacy/operations";
import { RetentionRulesTable } from "./retention-rules-table";
import { RetentionSchedule } from "./retention-schedule";
import { RunRetention } from "./run-retention";

export const metadata: Metadata = { title: "Retention" };

export default async function RetentionPage() {
  await requireUser("admin:manage");
  const [markets, { due, runs, cron }] = await Promise.all([
    readForPage(readMarkets, {}),
    readForPage(readRetentionOverview, {}),
  ]);
  const totalDue = due.reduce((sum, m) => sum + m.due, 0);
  return (
    <>
      <PageHeader
        title="Retention"
        description={
          <>
            How long each market keeps the personal data of closed complaints. When the time is up, a complaint&apos;s
            customer reference and narrative are erased, and identity numbers, e-mail addresses, phone numbers, card
            numbers and IBANs are masked in its summary, comments, notes and audit history. The complaint, its category
            and root causes stay, so every figure stays as it was. A market without a rule keeps personal data until a
            rule is set. The rules are applied on the schedule below (every night by default), by one of the job runners
            however many instances run, or here at once.
          </>
        }
      />
      <div className="flex flex-col gap-6">
        <RetentionRulesTable markets={markets} due={due} />
        <RetentionSchedule current={scheduleOf(cron)} next={nextRun(cron)?.toISOString() ?? null} />
        <RunRetention due={totalDue} />
        <Card>
          <CardHeader>
            <CardTitle>Recent runs</CardTitle>
          </CardHeader>
          {runs.length === 0 ? (
            <CardContent>
              <p className="text-sm text-zinc-600">No run yet.</p>
            </CardContent>
          ) : (
            <Table aria-label="Recent retention runs">
              <THead>
                <TR>
                  <TH scope="col">When</TH>
                  <TH scope="col">By</TH>
                  <TH scope="col">Kind</TH>
                  <TH scope="col" className="text-right">
                    Erased
                  </TH>
                  <TH scope="col">Markets</TH>
                </TR>
              </THead>
              <TBody>
                {runs.map((r) => (
                  <TR key={r.at.toISOString()}>
                    <TD className="whitespace-nowrap tabular-nums">
                      {r.at.toISOString().slice(0, 16).replace("T", " ")} UTC
                    </TD>
                    <TD>{r.by}</TD>
                    <TD>{r.run.dryRun ? "Dry run" : "Run"}</TD>
                    <TD className="text-right tabular-nums">
                      {r.run.dryRun ? "—" : r.run.erased.toLocaleString("en-GB")}
                    </TD>
                    <TD className="text-zinc-600">
                      {r.run.markets.length
                        ? r.run.markets.map((m) => `${m.market} ${r.run.dryRun ? `${m.due} due` : m.erased}`).join(", ")
                        : "No rules"}
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
