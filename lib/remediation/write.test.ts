import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, complaintRootCauses, effectivenessChecks, purchaseVolumes, remediationActions } from "@/db/schema";
import { actorFor, createFixtures, type Fixtures, insertComplaints, ok } from "@/lib/complaints/test-fixtures";
import { perform } from "@/lib/operations";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { runEffectivenessCheck } from "./checks";
import { getRemediationDetail } from "./detail-query";
import { parseRemediationFilters } from "./filters";
import { listRemediationActions } from "./list-query";
import {
  createRemediationAction,
  linkEvidence,
  linkRootCause,
  unlinkEvidence,
  unlinkRootCause,
  updateRemediationAction,
} from "./write";

let testDb: TestDatabase;
let f: Fixtures;
const as = (key: keyof Fixtures["users"]) => actorFor(f.users[key]);

beforeAll(async () => {
  testDb = await useTestDatabase();
  f = await createFixtures();
});
afterAll(async () => testDb.drop());

let checkClock = Date.parse("2026-01-01T00:00:00Z");
/** A stored check with the given figures, each later than the one before. */
async function recordCheck(
  actionId: string,
  figures: { rateRatio: number | null; ciLow: number | null; ciHigh: number | null },
) {
  checkClock += 60_000;
  const [row] = await db
    .insert(effectivenessChecks)
    .values({
      actionId,
      beforeFrom: "2018-09",
      beforeTo: "2019-02",
      afterFrom: "2019-04",
      afterTo: "2019-06",
      beforeComplaints: 60,
      beforePurchases: 6_000_000,
      afterComplaints: 15,
      afterPurchases: 3_000_000,
      ...figures,
      verdict: "test",
      computedBy: f.users.reviewer.id,
      computedAt: new Date(checkClock),
    })
    .returning();
  return row;
}

function create(input: Record<string, unknown> = {}, actor = as("reviewer")) {
  return ok(
    perform(actor, createRemediationAction, {
      title: "Rename the account",
      market: "SE",
      ownerId: f.users.pm.id,
      ...input,
    }),
  );
}

describe("creating an action", () => {
  it("starts proposed at version 1, with root causes, evidence and an audit entry", async () => {
    const [evidence] = await insertComplaints([{ summary: "Konto unclear", receivedOn: "2019-01-10" }]);
    const row = await create({
      rootCauseIds: [f.rootCauses.unclearName.id],
      evidenceReferences: [evidence!.reference.toLowerCase()],
    });
    expect(row).toMatchObject({
      status: "proposed",
      version: 1,
      ownerId: f.users.pm.id,
      createdBy: f.users.reviewer.id,
    });
    const detail = await getRemediationDetail(db, row.id);
    expect(detail?.rootCauses.map((r) => r.name)).toEqual(["Unclear product name"]);
    expect(detail?.evidence).toMatchObject([
      { reference: evidence!.reference, summary: "Konto unclear", status: "new" },
    ]);
    const audits = await db.select().from(auditLog).where(eq(auditLog.entityId, row.id));
    expect(audits).toMatchObject([
      { action: "remediation.create", actorId: f.users.reviewer.id, entityType: "remediation_action" },
    ]);
  });

  it("names each bad field and writes nothing", async () => {
    const before = await db.$count(remediationActions);
    const result = await perform(as("reviewer"), createRemediationAction, {
      title: "",
      dueOn: "2019-02-30",
      market: "Sweden",
      ownerId: "nobody",
    });
    expect(result).toMatchObject({ error: { code: "invalid" } });
    expect(Object.keys(("fieldErrors" in result && result.fieldErrors) || {}).sort()).toEqual([
      "dueOn",
      "market",
      "ownerId",
      "title",
    ]);
    const unknown = await perform(as("reviewer"), createRemediationAction, {
      title: "x",
      market: "DK",
      ownerId: f.users.leadership.id,
      evidenceReferences: ["C-1999-000001"],
    });
    expect(unknown).toMatchObject({ fieldErrors: { market: ["Unknown market DK"], ownerId: [expect.any(String)] } });
    expect(await db.$count(remediationActions)).toBe(before);
  });

  it("lets a product manager propose an action they own, and refuses leadership", async () => {
    const mine = await ok(perform(as("pm"), createRemediationAction, { title: "Mine" }));
    expect(mine).toMatchObject({ status: "proposed", ownerId: f.users.pm.id, createdBy: f.users.pm.id });
    expect(
      await perform(as("pm"), createRemediationAction, { title: "Yours", ownerId: f.users.reviewer.id }),
    ).toMatchObject({
      error: { code: "invalid" },
      fieldErrors: { ownerId: ["Leave the owner empty or choose yourself"] },
    });
    expect(await perform(as("leadership"), createRemediationAction, { title: "Mine" })).toMatchObject({
      error: { code: "forbidden" },
    });
  });
});

describe("the workflow", () => {
  it("moves along allowed transitions only, needs a shipped date, and records each move", async () => {
    const row = await create();
    const move = (version: number, changes: Record<string, unknown>, actor = as("reviewer")) =>
      perform(actor, updateRemediationAction, { id: row.id, version, changes });
    expect(await move(1, { status: "shipped", shippedOn: "2019-03-01" })).toMatchObject({
      error: { code: "invalid" },
      fieldErrors: { status: ["From proposed the next status is approved or cancelled"] },
    });
    const approved = await ok(move(1, { status: "approved" }));
    const started = await ok(move(approved.version, { status: "in_progress" }));
    expect(await move(started.version, { status: "shipped" })).toMatchObject({
      fieldErrors: { shippedOn: ["Enter the date the change shipped"] },
    });
    const shipped = await ok(move(started.version, { status: "shipped", shippedOn: "2019-03-01" }));
    expect(shipped).toMatchObject({ status: "shipped", shippedOn: "2019-03-01", version: 4 });
    expect(await move(shipped.version, { shippedOn: null })).toMatchObject({
      fieldErrors: { shippedOn: [expect.any(String)] },
    });
    expect(await move(shipped.version, { status: "verified" })).toMatchObject({
      error: { code: "invalid", message: "Run the effectiveness check first: an action is verified by its figures" },
      fieldErrors: { status: [expect.any(String)] },
    });
    await recordCheck(row.id, { rateRatio: 0.5, ciLow: 0.3, ciHigh: 0.9 });
    const verified = await ok(move(shipped.version, { status: "verified" }));
    expect(verified.verifiedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await move(verified.version, { status: "cancelled" })).toMatchObject({ error: { code: "invalid" } });
    const detail = await getRemediationDetail(db, row.id);
    expect(detail?.history.map((h) => h.sentence)).toEqual([
      "Anna Lind proposed the action",
      "Anna Lind moved it from proposed to approved",
      "Anna Lind moved it from approved to in progress",
      "Anna Lind moved it from in progress to shipped and changed the shipped date",
      "Anna Lind moved it from shipped to verified and changed the verified date",
    ]);
  });

  it("verifies only on a recorded check that is not worse, and only as a reviewer or admin", async () => {
    const row = await create({ ownerId: f.users.pm.id });
    const move = (version: number, changes: Record<string, unknown>, actor = as("reviewer")) =>
      perform(actor, updateRemediationAction, { id: row.id, version, changes });
    let version = 1;
    for (const status of ["approved", "in_progress"] as const) version = (await ok(move(version, { status }))).version;
    version = (await ok(move(version, { status: "shipped", shippedOn: "2019-03-01" }))).version;
    await recordCheck(row.id, { rateRatio: null, ciLow: null, ciHigh: null });
    expect(await move(version, { status: "verified" })).toMatchObject({
      error: { code: "invalid", message: expect.stringContaining("not enough data") },
    });
    await recordCheck(row.id, { rateRatio: 1.8, ciLow: 1.2, ciHigh: 2.7 });
    expect(await move(version, { status: "verified" })).toMatchObject({
      error: { code: "invalid", message: expect.stringContaining("more complaints after shipping") },
    });
    const fine = await recordCheck(row.id, { rateRatio: 0.95, ciLow: 0.7, ciHigh: 1.3 });
    // The owning product manager may move the action along, but not verify it.
    expect(await move(version, { status: "verified" }, as("pm"))).toMatchObject({
      error: { code: "forbidden", message: "Only reviewers and admins can mark an action verified" },
    });
    const verified = await ok(move(version, { status: "verified" }, as("admin")));
    expect(verified.status).toBe("verified");
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, row.id), eq(auditLog.action, "remediation.status")))
      .orderBy(desc(auditLog.at))
      .limit(1);
    expect(audit!.meta).toMatchObject({ effectivenessCheckId: fine!.id });
  });

  it("cancels from any open state", async () => {
    const row = await create();
    expect(
      await ok(
        perform(as("reviewer"), updateRemediationAction, { id: row.id, version: 1, changes: { status: "cancelled" } }),
      ),
    ).toMatchObject({ status: "cancelled" });
  });

  it("refuses a stale version with a conflict and leaves the action as it was", async () => {
    const row = await create();
    await ok(
      perform(as("reviewer"), updateRemediationAction, { id: row.id, version: 1, changes: { title: "First edit" } }),
    );
    const stale = await perform(as("admin"), updateRemediationAction, {
      id: row.id,
      version: 1,
      changes: { title: "Second edit" },
    });
    expect(stale).toMatchObject({ error: { code: "conflict", details: { currentVersion: 2, yourVersion: 1 } } });
    const [current] = await db.select().from(remediationActions).where(eq(remediationActions.id, row.id));
    expect(current).toMatchObject({ title: "First edit", version: 2 });
  });
});

describe("product managers", () => {
  it("update status and notes of their own actions, and nothing else", async () => {
    const own = await create({ ownerId: f.users.pm.id });
    const updated = await ok(
      perform(as("pm"), updateRemediationAction, {
        id: own.id,
        version: 1,
        changes: { status: "approved", notes: "Agreed with legal" },
      }),
    );
    expect(updated).toMatchObject({ status: "approved", notes: "Agreed with legal", version: 2 });
    const title = await perform(as("pm"), updateRemediationAction, {
      id: own.id,
      version: 2,
      changes: { title: "Renamed" },
    });
    expect(title).toMatchObject({ error: { code: "forbidden" } });
    const date = await perform(as("pm"), updateRemediationAction, {
      id: own.id,
      version: 2,
      changes: { shippedOn: "2019-01-01" },
    });
    expect(date).toMatchObject({ error: { code: "forbidden" } });
    const started = await ok(
      perform(as("pm"), updateRemediationAction, { id: own.id, version: 2, changes: { status: "in_progress" } }),
    );
    expect(
      await ok(
        perform(as("pm"), updateRemediationAction, {
          id: own.id,
          version: started.version,
          changes: { status: "shipped", shippedOn: "2019-05-02" },
        }),
      ),
    ).toMatchObject({ status: "shipped", shippedOn: "2019-05-02" });
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, own.id), eq(auditLog.action, "remediation.status")))
      .orderBy(auditLog.id);
    expect(audits).toHaveLength(3);
    expect(audits.slice(0, 1)).toMatchObject([
      {
        actorId: f.users.pm.id,
        before: { status: "proposed", notes: null },
        after: { status: "approved", notes: "Agreed with legal" },
      },
    ]);
  });

  it("cannot touch someone else's action", async () => {
    const other = await create({ ownerId: f.users.reviewer2.id });
    const refused = await perform(as("pm"), updateRemediationAction, {
      id: other.id,
      version: 1,
      changes: { notes: "Mine now" },
    });
    expect(refused).toMatchObject({ error: { code: "forbidden" } });
    const [current] = await db.select().from(remediationActions).where(eq(remediationActions.id, other.id));
    expect(current).toMatchObject({ notes: null, version: 1 });
    expect(
      await perform(as("pm"), linkRootCause, { actionId: other.id, rootCauseId: f.rootCauses.technical.id }),
    ).toMatchObject({ error: { code: "forbidden" } });
    expect(
      await perform(as("leadership"), updateRemediationAction, { id: other.id, version: 1, changes: { notes: "x" } }),
    ).toMatchObject({ error: { code: "forbidden" } });
  });

  it("get not found for an action that does not exist", async () => {
    const missing = await perform(as("pm"), updateRemediationAction, {
      id: "00000000-0000-4000-8000-000000000000",
      version: 1,
      changes: { notes: "x" },
    });
    expect(missing).toMatchObject({ error: { code: "not_found" } });
  });
});

describe("links", () => {
  it("links and unlinks root causes and evidence by reference, with audit entries", async () => {
    const row = await create();
    const [complaint] = await insertComplaints([{ summary: "Evidence", receivedOn: "2019-02-01" }]);
    await ok(perform(as("reviewer"), linkRootCause, { actionId: row.id, rootCauseId: f.rootCauses.slowRefund.id }));
    expect(
      await perform(as("reviewer"), linkRootCause, { actionId: row.id, rootCauseId: f.rootCauses.slowRefund.id }),
    ).toMatchObject({ fieldErrors: { rootCauseId: ["Slow refund is already linked"] } });
    await ok(perform(as("reviewer"), linkEvidence, { actionId: row.id, reference: complaint!.reference }));
    expect(await perform(as("reviewer"), linkEvidence, { actionId: row.id, reference: "C-1999-999999" })).toMatchObject(
      { fieldErrors: { reference: ["No complaint has the reference C-1999-999999"] } },
    );
    await ok(perform(as("reviewer"), unlinkRootCause, { actionId: row.id, rootCauseId: f.rootCauses.slowRefund.id }));
    await ok(perform(as("reviewer"), unlinkEvidence, { actionId: row.id, complaintId: complaint!.id }));
    const actions = (
      await db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.entityId, row.id))
        .orderBy(auditLog.id)
    ).map((a) => a.action);
    expect(actions).toEqual([
      "remediation.create",
      "remediation.root_cause.link",
      "remediation.evidence.link",
      "remediation.root_cause.unlink",
      "remediation.evidence.unlink",
    ]);
    const detail = await getRemediationDetail(db, row.id);
    expect(detail).toMatchObject({ rootCauses: [], evidence: [] });
  });
});

describe("the effectiveness check", () => {
  let shippedId: string;

  beforeAll(async () => {
    // SE: 1,000,000 purchases a month 2018-09 to 2019-06; NO has volumes but is out of scope.
    const months = [
      "2018-09",
      "2018-10",
      "2018-11",
      "2018-12",
      "2019-01",
      "2019-02",
      "2019-03",
      "2019-04",
      "2019-05",
      "2019-06",
    ];
    await db.insert(purchaseVolumes).values(
      months.flatMap((month) => [
        { market: "SE", month, productId: null, purchases: 1_000_000 },
        { market: "NO", month, productId: null, purchases: 500_000 },
      ]),
    );
    // Before (2018-09..2019-02): 60 tagged; after (2019-04..2019-06, the latest volume): 15 tagged.
    const plan = [
      ...Array.from({ length: 60 }, (_, i) => ({ summary: `before ${i}`, receivedOn: `${months[i % 6]}-15` })),
      ...Array.from({ length: 15 }, (_, i) => ({ summary: `after ${i}`, receivedOn: `${months[7 + (i % 3)]}-10` })),
      // Not counted: the shipped month, an excluded complaint, another market, another root cause.
      { summary: "shipped month", receivedOn: "2019-03-20" },
      { summary: "excluded", receivedOn: "2019-01-05", excludedReason: "test" as const },
      { summary: "norway", receivedOn: "2019-01-05", market: "NO" },
    ];
    const rows = await insertComplaints(plan);
    await db.insert(complaintRootCauses).values([
      ...rows.map((r) => ({ complaintId: r.id, rootCauseId: f.rootCauses.unclearName.id })),
      // A second linked root cause on the same complaint still counts it once.
      { complaintId: rows[0]!.id, rootCauseId: f.rootCauses.technical.id },
    ]);
    const [other] = await insertComplaints([{ summary: "other cause", receivedOn: "2019-01-05" }]);
    await db.insert(complaintRootCauses).values({ complaintId: other!.id, rootCauseId: f.rootCauses.slowRefund.id });

    const action = await create({ rootCauseIds: [f.rootCauses.unclearName.id, f.rootCauses.technical.id] });
    let version = action.version;
    for (const changes of [
      { status: "approved" },
      { status: "in_progress" },
      { status: "shipped", shippedOn: "2019-03-01" },
    ]) {
      version = (await ok(perform(as("admin"), updateRemediationAction, { id: action.id, version, changes }))).version;
    }
    shippedId = action.id;
  });

  it("compares the rate before and after shipping and stores the run", async () => {
    const check = await ok(perform(as("reviewer"), runEffectivenessCheck, { actionId: shippedId }));
    expect(check).toMatchObject({
      beforeFrom: "2018-09",
      beforeTo: "2019-02",
      afterFrom: "2019-04",
      afterTo: "2019-06",
      beforeComplaints: 60,
      beforePurchases: 6_000_000,
      afterComplaints: 15,
      afterPurchases: 3_000_000,
      rateBefore: 10,
      rateAfter: 5,
      computedBy: f.users.reviewer.id,
      kind: "fewer",
    });
    expect(check.rateRatio).toBeCloseTo(0.5, 10);
    // SE = sqrt(1/15 + 1/60) = 0.288675; 0.5 × exp(±1.96 SE)
    expect(check.ciLow).toBeCloseTo(0.28397, 4);
    expect(check.ciHigh).toBeCloseTo(0.88042, 4);
    expect(check.verdict).toBe("Fewer complaints after shipping: the rate fell 50 % (95 % CI 12–72 %)");
    const stored = await db.select().from(effectivenessChecks).where(eq(effectivenessChecks.actionId, shippedId));
    expect(stored).toHaveLength(1);
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, shippedId), eq(auditLog.action, "remediation.effectiveness_check")));
    expect(audit!.actorId).toBe(f.users.reviewer.id);

    const list = await listRemediationActions(db, parseRemediationFilters({ root_cause: f.rootCauses.technical.id }));
    expect(list.total).toBe(1);
    expect(list.rows[0]).toMatchObject({
      id: shippedId,
      latestCheck: { verdict: check.verdict },
      rootCauses: [{ name: "Technical error" }, { name: "Unclear product name" }],
    });
  });

  it("counts all markets when the action has none, and a window of another length", async () => {
    const [action] = await db
      .update(remediationActions)
      .set({ market: null })
      .where(eq(remediationActions.id, shippedId))
      .returning();
    const check = await ok(perform(as("admin"), runEffectivenessCheck, { actionId: action!.id, months: 2 }));
    expect(check).toMatchObject({
      beforeFrom: "2019-01",
      beforeTo: "2019-02",
      afterTo: "2019-05",
      beforePurchases: 3_000_000,
    });
    // 60 before are spread over six months: 10 a month in SE, plus the Norwegian one in January.
    expect(check.beforeComplaints).toBe(21);
    await db.update(remediationActions).set({ market: "SE" }).where(eq(remediationActions.id, shippedId));
  });

  it("says there is not enough data before a month after shipping has a volume", async () => {
    const action = await create({ rootCauseIds: [f.rootCauses.unclearName.id] });
    await db
      .update(remediationActions)
      .set({ status: "shipped", shippedOn: "2019-06-10" })
      .where(eq(remediationActions.id, action.id));
    const check = await ok(perform(as("reviewer"), runEffectivenessCheck, { actionId: action.id }));
    expect(check).toMatchObject({
      kind: "not_enough_after",
      afterComplaints: 0,
      afterPurchases: 0,
      rateRatio: null,
      rateBefore: expect.any(Number),
    });
    expect(check.verdict).toBe("Not enough data yet (needs at least one month after shipping with a volume)");
  });

  it("refuses actions not yet shipped, without root causes, or scoped to a product without volumes", async () => {
    const proposed = await create({ rootCauseIds: [f.rootCauses.unclearName.id] });
    expect(await perform(as("reviewer"), runEffectivenessCheck, { actionId: proposed.id })).toMatchObject({
      error: { code: "invalid", message: expect.stringContaining("Only a shipped action can be checked") },
    });
    const bare = await create();
    await db
      .update(remediationActions)
      .set({ status: "shipped", shippedOn: "2019-03-01" })
      .where(eq(remediationActions.id, bare.id));
    expect(await perform(as("reviewer"), runEffectivenessCheck, { actionId: bare.id })).toMatchObject({
      error: { message: expect.stringContaining("Link at least one root cause") },
    });
    const scoped = await create({ productId: f.products.invoice.id, rootCauseIds: [f.rootCauses.unclearName.id] });
    await db
      .update(remediationActions)
      .set({ status: "shipped", shippedOn: "2019-03-01" })
      .where(eq(remediationActions.id, scoped.id));
    expect(await perform(as("reviewer"), runEffectivenessCheck, { actionId: scoped.id })).toMatchObject({
      error: {
        code: "invalid",
        message: expect.stringContaining("no purchase volumes are recorded for Faktura in SE"),
      },
    });
  });

  it("lets the owning product manager run it, and nobody else of that role", async () => {
    expect(await ok(perform(as("pm"), runEffectivenessCheck, { actionId: shippedId }))).toMatchObject({
      kind: "fewer",
    });
    const other = await create({ ownerId: f.users.reviewer2.id });
    expect(await perform(as("pm"), runEffectivenessCheck, { actionId: other.id })).toMatchObject({
      error: { code: "forbidden" },
    });
    expect(await perform(as("leadership"), runEffectivenessCheck, { actionId: shippedId })).toMatchObject({
      error: { code: "forbidden" },
    });
  });
});

describe("the list", () => {
  it("filters, sorts on an allow-list and pages with the total", async () => {
    const all = await listRemediationActions(db, parseRemediationFilters({}));
    const own = await listRemediationActions(
      db,
      parseRemediationFilters({ owner: f.users.reviewer2.id, per_page: "1", sort: "title.asc" }),
    );
    expect(own.rows).toHaveLength(1);
    expect(own.total).toBeGreaterThanOrEqual(2);
    expect(own.total).toBeLessThan(all.total);
    const cancelled = await listRemediationActions(db, parseRemediationFilters({ status: "cancelled" }));
    expect(cancelled.rows.every((r) => r.status === "cancelled")).toBe(true);
    const beyond = await listRemediationActions(db, parseRemediationFilters({ page: "999" }));
    expect(beyond).toEqual({ rows: [], total: all.total });
    expect(() => parseRemediationFilters({ sort: "password.asc" })).toThrow("Some filters are invalid");
    expect(() => parseRemediationFilters({ status: "done" })).toThrow();
  });

  it("marks unshipped actions past their due date as overdue", async () => {
    const late = await create({ title: "Late one", dueOn: "2019-01-01" });
    const list = await listRemediationActions(db, parseRemediationFilters({ sort: "dueOn.asc" }));
    expect(list.rows.find((r) => r.id === late.id)).toMatchObject({ overdue: true, latestCheck: null });
  });
});
