import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postComplaint } from "@/app/api/v1/complaints/route";
import { POST as erase } from "@/app/api/v1/privacy/erasures/route";
import { POST as postAction } from "@/app/api/v1/remediation-actions/route";
import { commands } from "@/cli/commands/privacy";
import { db } from "@/db";
import { rowsOf } from "@/db/rows";
import { auditLog, comments, complaints, importErrors, importJobs, remediationActions } from "@/db/schema";
import { addComment, saveAnalysisNote, tagRootCause } from "@/lib/complaints/case-work";
import { actorFor, createFixtures, type Fixtures, ok } from "@/lib/complaints/test-fixtures";
import { perform } from "@/lib/operations";
import { linkEvidence } from "@/lib/remediation/write";
import { jsonRequest, noParams, tokensFor } from "@/test/api";
import { type TestDatabase, useTestDatabase } from "@/test/db";

const REF = "KUND-424242";
const PD = { personnummer: "811218-9876", email: "zorro.kvist@example.se", card: "4111 1111 1111 1111" };
const MARKERS = ["811218", "zorro", "4111", "424242"];

let testDb: TestDatabase;
let f: Fixtures;
let tokens: Record<string, string>;
const ids: string[] = [];
let otherId: string;

function leaks(value: unknown): string[] {
  const text = JSON.stringify(value).toLowerCase();
  return MARKERS.filter((m) => text.includes(m));
}

/** Every figure the zero mission and its breakdowns are made of, and every complaint's dimensions. */
async function figures() {
  const q = async (query: ReturnType<typeof sql>) => JSON.stringify(rowsOf(await db.execute(query)));
  return [
    await q(sql`select * from complaint_month_counts order by 1, 2, 3, 4, 5, 6`),
    await q(sql`select * from root_cause_month_counts order by 1, 2, 3, 4`),
    await q(sql`select id, market, channel, status, received_on, product_id, category_id, authority_id, severity, outcome,
      excluded_reason, duplicate_of_id, app_user, journey_stage from complaints order by id`),
    await q(sql`select complaint_id, root_cause_id, is_primary from complaint_root_causes order by 1, 2`),
  ];
}

beforeAll(async () => {
  testDb = await useTestDatabase();
  f = await createFixtures();
  tokens = await tokensFor(f.users);
  const reviewer = actorFor(f.users.reviewer);
  for (const [i, customerRef] of [REF, REF, "KUND-111"].entries()) {
    const response = await postComplaint(
      jsonRequest("/api/v1/complaints", {
        method: "POST",
        token: tokens.reviewer,
        body: {
          externalId: `ERASE-${i}`,
          receivedOn: `2019-0${i + 3}-10`,
          market: "SE",
          channel: "customer_service",
          productId: f.products.account.id,
          summary: `Dubbeldragning, mejl ${PD.email}`,
          narrative: `Pnr ${PD.personnummer}, kort ${PD.card}, kundnr ${customerRef}`,
          customerRef,
        },
      }),
      noParams,
    );
    const { id } = await response.json();
    if (customerRef === REF) ids.push(id);
    else otherId = id;
    await ok(perform(reviewer, addComment, { complaintId: id, body: `Ringde ${PD.email} om ${customerRef}` }));
    await ok(
      perform(reviewer, tagRootCause, { complaintId: id, rootCauseId: f.rootCauses.slowRefund.id, primary: true }),
    );
    await ok(
      perform(reviewer, saveAnalysisNote, {
        complaintId: id,
        findings: `Kortet ${PD.card} drogs två gånger`,
        whys: [],
      }),
    );
  }
  const action = await postAction(
    jsonRequest("/api/v1/remediation-actions", {
      method: "POST",
      token: tokens.reviewer,
      body: { title: "Stop double charges", notes: `Kunden ${PD.email} (${REF}) fick svar` },
    }),
    noParams,
  );
  const actionId = (await action.json()).id;
  const [first] = await db.select().from(complaints).where(eq(complaints.id, ids[0]!));
  await ok(perform(reviewer, linkEvidence, { actionId, reference: first!.reference }));
  // An upload left from an old import that names the customer, and an old error message that quotes them.
  const [job] = await db
    .insert(importJobs)
    .values({
      kind: "complaints",
      status: "failed",
      fileName: "old.csv",
      file: Buffer.from(`external_id,customer_ref\nERASE-0,${REF}\n`),
      message: `Row with ${PD.personnummer} failed`,
    })
    .returning();
  await db.insert(importErrors).values({ jobId: job!.id, line: 2, column: "narrative", reason: `Bad ${PD.email}` });
});
afterAll(async () => testDb.drop());

describe("erasure per customer", () => {
  it("refuses other roles and names a missing field", async () => {
    const body = { customerRef: REF };
    expect((await erase(jsonRequest("/x", { method: "POST", token: tokens.reviewer, body }), noParams)).status).toBe(
      403,
    );
    const bad = await erase(
      jsonRequest("/x", { method: "POST", token: tokens.admin, body: { customerRef: " " } }),
      noParams,
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("customerRef");
  });

  it("a dry run lists the customer's complaints and erases nothing", async () => {
    const response = await erase(
      jsonRequest("/x", { method: "POST", token: tokens.admin, body: { customerRef: REF, dryRun: true } }),
      noParams,
    );
    expect(response.status).toBe(200);
    const run = await response.json();
    expect(run.complaints.map((c: { id: string }) => c.id).sort()).toEqual([...ids].sort());
    expect(run.erased).toBe(0);
    const [row] = await db.select().from(complaints).where(eq(complaints.id, ids[0]!));
    expect(row!.customerRef).toBe(REF);
  });

  it("erases every copy and leaves every figure as it was", async () => {
    const before = await figures();
    const response = await erase(
      jsonRequest("/x", { method: "POST", token: tokens.admin, body: { customerRef: REF, reason: "Request 2026-17" } }),
      noParams,
    );
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ erased: 2, uploadsCleared: 1 });
    expect(await figures()).toEqual(before);

    const erased = await db.select().from(complaints).where(sql`${complaints.id} in ${ids}`);
    for (const c of erased) expect(c).toMatchObject({ customerRef: null, narrative: null });
    const stored = {
      complaints: erased.map((c) => c.summary),
      comments: await db.select({ b: comments.body }).from(comments).where(sql`${comments.complaintId} in ${ids}`),
      notes: rowsOf(await db.execute(sql`select findings, whys from analysis_notes where complaint_id in ${ids}`)),
      actions: await db.select({ n: remediationActions.notes }).from(remediationActions),
      audit: await db
        .select({ b: auditLog.before, a: auditLog.after })
        .from(auditLog)
        .where(
          sql`${auditLog.entityType} in ('complaint', 'remediation_action') and ${auditLog.entityId} <> ${otherId}`,
        ),
      errors: await db.select({ r: importErrors.reason }).from(importErrors),
      jobs: await db.select({ m: importJobs.message, f: importJobs.file }).from(importJobs),
    };
    expect(leaks(stored)).toEqual([]);
    expect(stored.jobs[0]!.f).toBeNull();
    // The erasure is audited by the complaints' references, without the customer reference.
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, "privacy.erasure"));
    expect(entry!.after).toMatchObject({ erased: 2 });
    expect(JSON.stringify(entry)).not.toContain("424242");
  });

  it("leaves other customers alone", async () => {
    const [other] = await db.select().from(complaints).where(eq(complaints.id, otherId));
    expect(other!.customerRef).toBe("KUND-111");
    expect(other!.narrative).toContain(PD.personnummer);
  });

  it("runs from the command line too", async () => {
    const [command] = commands;
    const out: string[] = [];
    const code = await command!.run(
      { positionals: [], options: { "customer-ref": "KUND-111", "dry-run": true } },
      { handle: testDb, out: (l) => out.push(l), err: () => {} },
    );
    expect(code).toBe(0);
    expect(JSON.parse(out[0]!).complaints).toHaveLength(1);
  });
});
