import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, complaintRootCauses, complaints, statusTransitions } from "@/db/schema";
import { perform } from "@/lib/operations";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { getComplaintDetail } from "./detail-query";
import { findSimilarComplaints } from "./similar";
import { actorFor, createFixtures, type Fixtures, insertComplaints } from "./test-fixtures";
import { createComplaint, updateComplaint } from "./write";

let testDb: TestDatabase;
let f: Fixtures;
const reviewer = () => actorFor(f.users.reviewer);

beforeAll(async () => {
  testDb = await useTestDatabase();
  f = await createFixtures();
});
afterAll(async () => testDb.drop());

async function create(input: Record<string, unknown>, actor = reviewer()) {
  const result = await perform(actor, createComplaint, {
    receivedOn: "2019-04-02",
    market: "SE",
    channel: "customer_service",
    summary: "Summary",
    ...input,
  });
  if (!("data" in result)) throw new Error(JSON.stringify(result.error));
  return result.data;
}

describe("createComplaint", () => {
  it("creates with a reference, version 1, a transition and an audit entry", async () => {
    const row = await create({ externalId: "W-1", severity: "high", productId: f.products.account.id, appUser: true });
    expect(row.reference).toMatch(/^C-2019-\d{6}$/);
    expect(row).toMatchObject({
      version: 1,
      status: "new",
      severity: "high",
      source: "default",
      createdBy: f.users.reviewer.id,
    });
    const transitions = await db.select().from(statusTransitions).where(eq(statusTransitions.complaintId, row.id));
    expect(transitions).toMatchObject([{ fromStatus: null, toStatus: "new" }]);
    const audits = await db.select().from(auditLog).where(eq(auditLog.entityId, row.id));
    expect(audits).toMatchObject([{ action: "complaint.create", actorId: f.users.reviewer.id }]);
  });

  it("uses the reference as external id when none is given", async () => {
    const row = await create({ externalId: "" });
    expect(row.externalId).toBe(row.reference);
  });

  it("reports invalid fields by path and writes nothing", async () => {
    const before = await db.$count(complaints);
    const result = await perform(reviewer(), createComplaint, {
      receivedOn: "2019-02-30",
      market: "SE",
      channel: "fax",
      summary: "",
    });
    expect(result).toMatchObject({ error: { code: "invalid" } });
    expect(Object.keys(("fieldErrors" in result && result.fieldErrors) || {}).sort()).toEqual([
      "channel",
      "receivedOn",
      "summary",
    ]);
    expect(await db.$count(complaints)).toBe(before);
  });

  it("checks the authority against channel and market", async () => {
    const wrong = await perform(reviewer(), createComplaint, {
      receivedOn: "2019-04-02",
      market: "SE",
      channel: "consumer_agency",
      authorityId: f.authorities.forbruker.id,
      summary: "x",
    });
    expect(wrong).toMatchObject({
      error: { code: "invalid" },
      fieldErrors: { authorityId: [expect.stringContaining("Forbrukertilsynet")] },
    });
    const missing = await perform(reviewer(), createComplaint, {
      receivedOn: "2019-04-02",
      market: "SE",
      channel: "consumer_agency",
      summary: "x",
    });
    expect(missing).toMatchObject({
      fieldErrors: { authorityId: ["Choose the authority the complaint was registered with"] },
    });
    const cs = await perform(reviewer(), createComplaint, {
      receivedOn: "2019-04-02",
      market: "SE",
      channel: "customer_service",
      authorityId: f.authorities.konsument.id,
      summary: "x",
    });
    expect(cs).toMatchObject({ fieldErrors: { authorityId: ["Customer service complaints have no authority"] } });
    const ok = await create({ channel: "consumer_agency", authorityId: f.authorities.konsument.id });
    expect(ok.authorityId).toBe(f.authorities.konsument.id);
  });

  it("refuses a used external id at the field", async () => {
    await create({ externalId: "W-dup" });
    const again = await perform(reviewer(), createComplaint, {
      receivedOn: "2019-04-02",
      market: "SE",
      channel: "customer_service",
      summary: "x",
      externalId: "W-dup",
    });
    expect(again).toMatchObject({ fieldErrors: { externalId: [expect.stringContaining("W-dup")] } });
  });

  it("refuses product managers and leadership", async () => {
    for (const user of [f.users.pm, f.users.leadership]) {
      const result = await perform(actorFor(user), createComplaint, {
        receivedOn: "2019-04-02",
        market: "SE",
        channel: "customer_service",
        summary: "x",
      });
      expect(result).toMatchObject({ error: { code: "forbidden" } });
    }
  });

  it("links a family or marks a duplicate when the warning's choice says so", async () => {
    const first = await create({ summary: "Original" });
    const family = await create({
      channel: "disputes_board",
      authorityId: f.authorities.arnSe.id,
      familyWithId: first.id,
    });
    expect(family.familyId).toBeTruthy();
    const [reloaded] = await db.select().from(complaints).where(eq(complaints.id, first.id));
    expect(reloaded!.familyId).toBe(family.familyId);
    const duplicate = await create({ duplicateOfId: first.id });
    expect(duplicate).toMatchObject({ excludedReason: "duplicate", duplicateOfId: first.id });
    // A duplicate of a duplicate points at the original.
    const second = await create({ duplicateOfId: duplicate.id });
    expect(second.duplicateOfId).toBe(first.id);
  });
});

describe("findSimilarComplaints", () => {
  it("finds the same external id and similar complaints of the same customer within 30 days", async () => {
    const a = await create({
      externalId: "S-1",
      customerRef: "CUST-77",
      receivedOn: "2019-03-01",
      summary: "Refund for returned shoes has not arrived",
    });
    await create({
      customerRef: "CUST-77",
      receivedOn: "2019-01-01",
      summary: "Refund for returned shoes has not arrived",
    });
    await create({ customerRef: "CUST-77", receivedOn: "2019-03-05", summary: "Wrong address on the invoice" });
    const found = await findSimilarComplaints(db, {
      externalId: "S-1",
      customerRef: "CUST-77",
      receivedOn: "2019-03-20",
      summary: "Refund for my returned shoes never arrived",
    });
    expect(found.map((s) => [s.id, s.reason])).toEqual([[a.id, "external_id"]]);
    const byCustomer = await findSimilarComplaints(db, {
      customerRef: "CUST-77",
      receivedOn: "2019-03-20",
      summary: "Refund for my returned shoes never arrived",
    });
    expect(byCustomer).toMatchObject([{ id: a.id, reason: "same_customer" }]);
    expect(byCustomer[0]!.score).toBeGreaterThan(0.35);
  });
});

describe("updateComplaint", () => {
  it("changes fields, bumps the version and records before and after", async () => {
    const row = await create({ severity: "low" });
    const result = await perform(reviewer(), updateComplaint, {
      id: row.id,
      version: 1,
      changes: { severity: "high", categoryId: f.categories.missedDue.id },
    });
    expect(result).toMatchObject({ data: { version: 2, severity: "high" } });
    const detail = await getComplaintDetail(db, row.id);
    expect(detail?.history.at(-1)?.sentence).toBe(
      "Anna Lind set category to Payments > Missed due date, changed severity from low to high",
    );
  });

  it("does not bump the version when nothing changes", async () => {
    const row = await create({ severity: "low" });
    const result = await perform(reviewer(), updateComplaint, { id: row.id, version: 1, changes: { severity: "low" } });
    expect(result).toMatchObject({ data: { version: 1 } });
  });

  it("refuses a stale version saying who changed what", async () => {
    const row = await create({ severity: "low" });
    await perform(actorFor(f.users.reviewer2), updateComplaint, {
      id: row.id,
      version: 1,
      changes: { severity: "critical" },
    });
    const stale = await perform(reviewer(), updateComplaint, { id: row.id, version: 1, changes: { summary: "Mine" } });
    expect(stale).toMatchObject({
      error: {
        code: "conflict",
        message: "Erik Berg changed this complaint since you opened it",
        details: {
          currentVersion: 2,
          yourVersion: 1,
          changes: [{ by: "Erik Berg", sentence: "Erik Berg changed severity from low to critical" }],
        },
      },
    });
    const [current] = await db.select().from(complaints).where(eq(complaints.id, row.id));
    expect(current!.summary).toBe("Summary");
  });

  it("answers not found for an unknown id", async () => {
    const result = await perform(reviewer(), updateComplaint, {
      id: "00000000-0000-4000-8000-000000000000",
      version: 1,
      changes: { severity: "low" },
    });
    expect(result).toMatchObject({ error: { code: "not_found" } });
  });

  it("enforces the workflow and records transitions; closing records the response", async () => {
    const row = await create({});
    const skip = await perform(reviewer(), updateComplaint, { id: row.id, version: 1, changes: { status: "closed" } });
    expect(skip).toMatchObject({
      error: { code: "invalid" },
      fieldErrors: { status: ["From new the next status is triaged"] },
    });
    let version = 1;
    for (const status of ["triaged", "in_analysis", "analysed", "closed", "in_analysis"] as const) {
      if (status === "analysed") {
        const refused = await perform(reviewer(), updateComplaint, { id: row.id, version, changes: { status } });
        expect(refused).toMatchObject({
          error: {
            code: "invalid",
            message: `${row.reference} has no root cause: tag at least one before marking it analysed`,
          },
          fieldErrors: { status: [expect.stringContaining(row.reference)] },
        });
        await db
          .insert(complaintRootCauses)
          .values({ complaintId: row.id, rootCauseId: f.rootCauses.technical.id, primary: true });
      }
      const result = await perform(reviewer(), updateComplaint, { id: row.id, version, changes: { status } });
      if (!("data" in result)) throw new Error(JSON.stringify(result.error));
      version = result.data.version;
      if (status === "closed") expect(result.data.respondedAt).toBeInstanceOf(Date);
    }
    const transitions = await db.select().from(statusTransitions).where(eq(statusTransitions.complaintId, row.id));
    expect(transitions.map((t) => t.toStatus)).toEqual([
      "new",
      "triaged",
      "in_analysis",
      "analysed",
      "closed",
      "in_analysis",
    ]);
  });

  it("assigns only to active reviewers and admins", async () => {
    const row = await create({});
    const toPm = await perform(reviewer(), updateComplaint, {
      id: row.id,
      version: 1,
      changes: { assigneeId: f.users.pm.id },
    });
    expect(toPm).toMatchObject({ fieldErrors: { assigneeId: ["Assign to an active reviewer or admin"] } });
    const ok = await perform(reviewer(), updateComplaint, {
      id: row.id,
      version: 1,
      changes: { assigneeId: f.users.reviewer2.id },
    });
    expect(ok).toMatchObject({ data: { assigneeId: f.users.reviewer2.id } });
    const detail = await getComplaintDetail(db, row.id);
    expect(detail?.history.at(-1)?.sentence).toBe("Anna Lind set assignee to Erik Berg");
  });

  it("marks a duplicate, which excludes it, and un-excluding clears the link", async () => {
    const original = await create({});
    const copy = await create({});
    const marked = await perform(reviewer(), updateComplaint, {
      id: copy.id,
      version: 1,
      changes: { duplicateOfId: original.id },
    });
    expect(marked).toMatchObject({ data: { excludedReason: "duplicate", duplicateOfId: original.id } });
    const self = await perform(reviewer(), updateComplaint, {
      id: original.id,
      version: 1,
      changes: { duplicateOfId: original.id },
    });
    expect(self).toMatchObject({ fieldErrors: { duplicateOfId: ["Choose another complaint"] } });
    const cleared = await perform(reviewer(), updateComplaint, {
      id: copy.id,
      version: 2,
      changes: { excludedReason: null },
    });
    expect(cleared).toMatchObject({ data: { excludedReason: null, duplicateOfId: null } });
  });

  it("refuses product managers' edits", async () => {
    const row = await create({});
    const result = await perform(actorFor(f.users.pm), updateComplaint, {
      id: row.id,
      version: 1,
      changes: { severity: "high" },
    });
    expect(result).toMatchObject({ error: { code: "forbidden" } });
    const [current] = await db
      .select()
      .from(complaints)
      .where(and(eq(complaints.id, row.id)));
    expect(current!.severity).toBeNull();
  });

  it("hides personal data in the product manager's view and history", async () => {
    const row = await create({ customerRef: "CUST-9", summary: "Ring 070-123 45 67", narrative: "pnr 811218-9876" });
    await perform(reviewer(), updateComplaint, {
      id: row.id,
      version: 1,
      changes: { customerRef: "CUST-10", summary: "Mail a@b.se" },
    });
    const detail = await getComplaintDetail(db, row.id, { access: "masked" });
    expect(detail?.complaint).toMatchObject({
      customerRef: null,
      summary: "Mail [email]",
      narrative: "pnr [personal number]",
    });
    expect(detail?.history.at(-1)?.sentence).toBe(
      "Anna Lind changed summary from Ring [phone] to Mail [email], changed the customer reference",
    );
  });
});

describe("answer dates", () => {
  it("refuses an acknowledgement or final response before the complaint was received, naming the field", async () => {
    const [c] = await insertComplaints([{ summary: "Answered too early", receivedOn: "2024-05-10" }]);
    const early = await perform(actorFor(f.users.reviewer), updateComplaint, {
      id: c!.id,
      version: c!.version,
      changes: { acknowledgedAt: "2024-05-01T10:00:00Z", respondedAt: "2023-12-24T10:00:00Z" },
    });
    expect(early).toMatchObject({
      error: { code: "invalid" },
      fieldErrors: {
        acknowledgedAt: ["The acknowledgement cannot be before the complaint was received (2024-05-10)"],
        respondedAt: ["The final response cannot be before the complaint was received (2024-05-10)"],
      },
    });
    const onTheDay = await perform(actorFor(f.users.reviewer), updateComplaint, {
      id: c!.id,
      version: c!.version,
      changes: { acknowledgedAt: "2024-05-10T08:00:00+02:00" },
    });
    expect(onTheDay).toMatchObject({ data: { version: c!.version + 1 } });
  });
});
