import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands as retentionCommands } from "@/cli/commands/retention";
import { db } from "@/db";
import { rowsOf } from "@/db/rows";
import {
  analysisNotes,
  auditLog,
  comments,
  complaintRootCauses,
  complaints,
  importJobs,
  statusTransitions,
} from "@/db/schema";
import { writeAudit } from "@/lib/audit/log";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { actorFor, createFixtures, type Fixtures, insertComplaints } from "@/lib/complaints/test-fixtures";
import { updateComplaint } from "@/lib/complaints/write";
import { bufferSource, runImport } from "@/lib/imports/engine";
import { createJob } from "@/lib/imports/jobs";
import { exactly } from "@/lib/must";
import { perform } from "@/lib/operations";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { ERASED, scrubSnapshot } from "./erase";
import { deleteRetentionRule, eraseComplaint, retentionCutoff, runRetention, saveRetentionRule } from "./retention";

let database: TestDatabase;
let f: Fixtures;

const PNR = "811218-9876";
const NARRATIVE = `Mitt personnummer är ${PNR}, maila anna@example.se.`;

beforeAll(async () => {
  database = await useTestDatabase();
  f = await createFixtures();
});
afterAll(async () => {
  await database.drop();
});

/** Everything the metric counts, as it stands. */
async function counts() {
  return rowsOf(
    await db.execute(sql`
      select 'c' as k, market, month, count from complaint_month_counts where count <> 0
      union all select 'r', market, month, count from root_cause_month_counts where count <> 0
      order by 1, 2, 3, 4`),
  );
}

describe("retention rules", () => {
  it("computes the cutoff by calendar months, keeping the day where the month has it", () => {
    expect(retentionCutoff(1, new Date("2019-03-31T12:00:00Z"))).toBe("2019-02-28");
    expect(retentionCutoff(60, new Date("2024-02-29T00:00:00Z"))).toBe("2019-02-28");
    expect(retentionCutoff(12, new Date("2019-06-15T00:00:00Z"))).toBe("2018-06-15");
  });

  it("validates rules, names the field and is for admins only", async () => {
    const admin = actorFor(f.users.admin);
    const invalid = await perform(admin, saveRetentionRule, { market: "SE", anonymiseAfterMonths: 0 });
    expect("error" in invalid && invalid.fieldErrors?.anonymiseAfterMonths).toEqual(["At least 1 month"]);
    const unknown = await perform(admin, saveRetentionRule, { market: "XX", anonymiseAfterMonths: 12 });
    expect("error" in unknown && unknown.fieldErrors?.market).toEqual(["No market XX"]);
    const refused = await perform(actorFor(f.users.reviewer), saveRetentionRule, {
      market: "SE",
      anonymiseAfterMonths: 12,
    });
    expect("error" in refused && refused.error.code).toBe("forbidden");
    await expect(runRetention(actorFor(f.users.reviewer))).rejects.toThrow(/permission/);
    const saved = await perform(admin, saveRetentionRule, { market: "NO", anonymiseAfterMonths: 24 });
    expect("data" in saved).toBe(true);
    expect("data" in (await perform(admin, deleteRetentionRule, { market: "NO" }))).toBe(true);
  });
});

describe("erasing personal data", () => {
  let old: string;
  let recent: string;
  let open: string;
  let norway: string;

  it("erases what the rules make due, masks the rest, scrubs the audit log and leaves the metric alone", async () => {
    const rows = await insertComplaints([
      // Closed long ago, imported without a recorded closing: due.
      {
        summary: "Ring 070-123 45 67 om fakturan",
        narrative: NARRATIVE,
        customerRef: "CUST-1",
        status: "closed",
        receivedOn: "2015-01-10",
        productId: f.products.invoice.id,
      },
      // Received long ago but closed only now: kept.
      {
        summary: "Closed today",
        narrative: NARRATIVE,
        customerRef: "CUST-2",
        status: "closed",
        receivedOn: "2015-01-11",
      },
      // Still open: kept.
      {
        summary: "Still open",
        narrative: NARRATIVE,
        customerRef: "CUST-3",
        status: "in_analysis",
        receivedOn: "2015-01-12",
      },
      // A market without a rule: kept.
      {
        summary: "Norway",
        narrative: NARRATIVE,
        customerRef: "CUST-4",
        status: "closed",
        receivedOn: "2015-01-13",
        market: "NO",
      },
    ]);
    [old, recent, open, norway] = exactly(
      rows.map((r) => r.id),
      4,
      "complaints",
    );
    await db.insert(statusTransitions).values({ complaintId: recent, fromStatus: "analysed", toStatus: "closed" });
    await db
      .insert(comments)
      .values({ complaintId: old, authorId: f.users.reviewer.id, body: `Kunden nås på anna@example.se` });
    await db.insert(analysisNotes).values({
      complaintId: old,
      authorId: f.users.reviewer.id,
      findings: `Personnummer ${PNR} saknades`,
      whys: ["Why? anna@example.se", "Because"],
    });
    await db.insert(complaintRootCauses).values({
      complaintId: old,
      rootCauseId: f.rootCauses.unclearName.id,
      primary: true,
      note: "Said anna@example.se",
    });
    await writeAudit(db, CLI_ACTOR, [
      {
        action: "complaint.update",
        entityType: "complaint",
        entityId: old,
        before: { narrative: "old text", customerRef: "CUST-0" },
        after: { narrative: NARRATIVE, customerRef: "CUST-1", severity: "high" },
      },
      { action: "complaint.update", entityType: "complaint", entityId: recent, after: { narrative: NARRATIVE } },
    ]);
    const admin = actorFor(f.users.admin);
    expect("data" in (await perform(admin, saveRetentionRule, { market: "SE", anonymiseAfterMonths: 24 }))).toBe(true);
    const metric = await counts();

    const dry = await runRetention(admin, { dryRun: true });
    expect(dry.markets).toEqual([expect.objectContaining({ market: "SE", months: 24, due: 1, erased: 0 })]);
    expect((await db.select().from(complaints).where(eq(complaints.id, old)))[0]!.customerRef).toBe("CUST-1");

    const run = await runRetention(admin);
    expect(run).toMatchObject({ dryRun: false, erased: 1 });
    const [erased] = await db.select().from(complaints).where(eq(complaints.id, old));
    expect(erased).toMatchObject({
      customerRef: null,
      narrative: null,
      summary: "Ring [phone] om fakturan",
      version: 2,
    });
    expect(erased!.anonymisedAt).toBeInstanceOf(Date);
    const kept = await db
      .select()
      .from(complaints)
      .where(inArray(complaints.id, [recent, open, norway]));
    expect(kept.every((c) => c.customerRef && c.narrative === NARRATIVE && !c.anonymisedAt)).toBe(true);

    expect((await db.select().from(comments).where(eq(comments.complaintId, old)))[0]!.body).toBe(
      "Kunden nås på [email]",
    );
    const [note] = await db.select().from(analysisNotes).where(eq(analysisNotes.complaintId, old));
    expect(note).toMatchObject({
      findings: "Personnummer [personal number] saknades",
      whys: ["Why? [email]", "Because"],
    });
    expect((await db.select().from(complaintRootCauses).where(eq(complaintRootCauses.complaintId, old)))[0]!.note).toBe(
      "Said [email]",
    );

    const [entry] = await db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.entityId} = ${old} and ${auditLog.action} = 'complaint.update'`);
    expect(entry!.before).toEqual({ narrative: ERASED, customerRef: ERASED });
    expect(entry!.after).toEqual({ narrative: ERASED, customerRef: ERASED, severity: "high" });
    const [other] = await db.select().from(auditLog).where(sql`${auditLog.entityId} = ${recent}`);
    expect(other!.after).toEqual({ narrative: NARRATIVE });
    const [record] = await db.select().from(auditLog).where(eq(auditLog.action, "retention.run"));
    expect(record!.after).toMatchObject({ erased: 1 });

    expect(await counts()).toEqual(metric);
    expect((await runRetention(admin)).erased).toBe(0);
  });

  it("keeps the audit log append-only outside an erasure, and even inside one for anything but the snapshots", async () => {
    const [entry] = await db.select().from(auditLog).limit(1);
    // The database's own message, under drizzle's "Failed query" wrapper.
    const refusal = (work: Promise<unknown>) =>
      work.then(
        () => "written",
        (error: { cause?: { message?: string } }) => error.cause?.message,
      );
    expect(await refusal(db.execute(sql`update audit_log set after = '{}'::jsonb where id = ${entry!.id}`))).toBe(
      "audit_log is append-only",
    );
    expect(await refusal(db.execute(sql`delete from audit_log where id = ${entry!.id}`))).toBe(
      "audit_log is append-only",
    );
    const rewrite = db.transaction(async (tx) => {
      await tx.execute(sql`set local app.erasing_personal_data = 'on'`);
      await tx.execute(sql`update audit_log set action = 'rewritten' where id = ${entry!.id}`);
    });
    expect(await refusal(rewrite)).toBe("audit_log is append-only");
  });

  it("lets an admin erase one complaint on the customer's request, once", async () => {
    const refused = await perform(actorFor(f.users.reviewer), eraseComplaint, {
      id: recent,
      reason: "Customer request 123",
    });
    expect("error" in refused && refused.error.code).toBe("forbidden");
    const missing = await perform(actorFor(f.users.admin), eraseComplaint, { id: recent, reason: "" });
    expect("error" in missing && Object.keys(missing.fieldErrors ?? {})).toEqual(["reason"]);

    const done = await perform(actorFor(f.users.admin), eraseComplaint, { id: recent, reason: `Request from ${PNR}` });
    expect("data" in done).toBe(true);
    const [row] = await db.select().from(complaints).where(eq(complaints.id, recent));
    expect(row).toMatchObject({ customerRef: null, narrative: null });
    const [logged] = await db.select().from(auditLog).where(eq(auditLog.action, "complaint.personal_data.erase"));
    expect(logged!.after).toEqual({ reason: "Request from [personal number]" });

    const again = await perform(actorFor(f.users.admin), eraseComplaint, { id: recent, reason: "Again please" });
    expect("error" in again && again.error.code).toBe("conflict");
  });

  it("never takes personal data back: not from an edit, not from a re-import", async () => {
    const [row] = await db.select().from(complaints).where(eq(complaints.id, old));
    const edit = await perform(actorFor(f.users.reviewer), updateComplaint, {
      id: old,
      version: row!.version,
      changes: { narrative: "New text" },
    });
    expect("error" in edit && edit.fieldErrors?.narrative).toEqual([
      "This complaint's personal data has been erased and cannot be added back",
    ]);

    const csv = (narrative: string) =>
      Buffer.from(
        `external_id,received_on,market,channel,summary,narrative,customer_ref,status\nRET-1,2015-02-01,SE,customer_service,Mail kund@example.se,"${narrative}",CUST-9,closed\n`,
      );
    const first = await runImport(bufferSource(csv(NARRATIVE)), { actor: CLI_ACTOR });
    expect(first).toMatchObject({ status: "completed", inserted: 1 });
    expect((await runRetention(actorFor(f.users.admin))).erased).toBe(1);
    const again = await runImport(bufferSource(csv(NARRATIVE)), { actor: CLI_ACTOR });
    expect(again).toMatchObject({ status: "completed", inserted: 0, updated: 0, unchanged: 1 });
    const [imported] = await db.select().from(complaints).where(eq(complaints.externalId, "RET-1"));
    expect(imported).toMatchObject({ narrative: null, customerRef: null, summary: "Mail [email]" });
  });
});

describe("stored uploads", () => {
  const upload = (externalId: string) =>
    Buffer.from(
      `external_id,received_on,market,channel,summary,narrative,customer_ref\n${externalId},2019-02-01,SE,customer_service,Upload,"${NARRATIVE}",CUST-U\n`,
    );
  const fileOf = async (jobId: string) =>
    (await db.select({ file: importJobs.file }).from(importJobs).where(eq(importJobs.id, jobId)))[0]!.file;

  it("are dropped once an import completes, kept for a failed one to run again", async () => {
    const done = await createJob({
      fileName: "a.csv",
      createdBy: null,
      dryRun: false,
      skipInvalid: false,
      file: upload("UP-1"),
    });
    await runImport(bufferSource(upload("UP-1")), { actor: CLI_ACTOR, jobId: done });
    expect(await fileOf(done)).toBeNull();
    const dry = await createJob({
      fileName: "b.csv",
      createdBy: null,
      dryRun: true,
      skipInvalid: false,
      file: upload("UP-2"),
    });
    await runImport(bufferSource(upload("UP-2")), { actor: CLI_ACTOR, jobId: dry, dryRun: true });
    expect(await fileOf(dry)).not.toBeNull();
  });

  it("go with an erasure that names them, and with every retention run", async () => {
    const failed = await createJob({
      fileName: "c.csv",
      createdBy: null,
      dryRun: false,
      skipInvalid: false,
      file: upload("UP-3"),
    });
    const other = await createJob({
      fileName: "d.csv",
      createdBy: null,
      dryRun: false,
      skipInvalid: false,
      file: upload("UP-4"),
    });
    const active = await createJob({
      fileName: "e.csv",
      createdBy: null,
      dryRun: false,
      skipInvalid: false,
      file: upload("UP-3"),
    });
    await db
      .update(importJobs)
      .set({ status: "failed" })
      .where(inArray(importJobs.id, [failed, other]));
    await db.update(importJobs).set({ status: "running", heartbeatAt: new Date() }).where(eq(importJobs.id, active));
    const [complaint] = await insertComplaints([
      { summary: "From an upload", externalId: "UP-3", customerRef: "CUST-U" },
    ]);

    expect(
      "data" in
        (await perform(actorFor(f.users.admin), eraseComplaint, { id: complaint!.id, reason: "Customer request" })),
    ).toBe(true);
    expect(await fileOf(failed)).toBeNull();
    expect(await fileOf(other)).not.toBeNull();
    // A job still running keeps its file; what it writes into the erased complaint stays erased.
    expect(await fileOf(active)).not.toBeNull();

    const run = await runRetention(actorFor(f.users.admin));
    expect(run.uploadsCleared).toBeGreaterThanOrEqual(2);
    expect(await fileOf(other)).toBeNull();
    expect(await fileOf(active)).not.toBeNull();
  });
});

describe("npm run cli -- retention run", () => {
  it("prints each market's cutoff and what is due or erased, and the run as JSON", async () => {
    const [command] = retentionCommands;
    const out: string[] = [];
    const err: string[] = [];
    await insertComplaints([
      {
        summary: "Due by CLI",
        narrative: NARRATIVE,
        customerRef: "CUST-CLI",
        status: "closed",
        receivedOn: "2014-05-05",
      },
    ]);
    const context = { handle: database, out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
    expect(await command!.run({ positionals: [], options: { "dry-run": true } }, context)).toBe(0);
    expect(err).toEqual([expect.stringMatching(/^SE: closed before \d{4}-\d{2}-\d{2} \(24 months\): 1 due$/)]);
    expect(JSON.parse(out[0]!)).toMatchObject({ dryRun: true, erased: 0 });
    expect(await command!.run({ positionals: [], options: {} }, context)).toBe(0);
    expect(err[1]).toMatch(/: 1 erased$/);
    expect(JSON.parse(out[1]!)).toMatchObject({ dryRun: false, erased: 1 });
  });
});

describe("scrubSnapshot", () => {
  it("erases personal fields and masks personal data in every other text, however deep", () => {
    expect(scrubSnapshot({ customerRef: null, narrative: "x", items: [{ body: `call 070-123 45 67` }], n: 3 })).toEqual(
      {
        customerRef: null,
        narrative: ERASED,
        items: [{ body: "call [phone]" }],
        n: 3,
      },
    );
  });
});
