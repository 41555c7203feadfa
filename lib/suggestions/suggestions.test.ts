import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/complaints/[id]/suggestions/route";
import { db } from "@/db";
import { complaintRootCauses, complaintSimilarPools, complaints } from "@/db/schema";
import { tagRootCause } from "@/lib/complaints/case-work";
import { actorFor, createFixtures, type Fixtures, insertComplaints, ok } from "@/lib/complaints/test-fixtures";
import { exactly } from "@/lib/must";
import { perform } from "@/lib/operations";
import { idParams, jsonRequest, tokensFor } from "@/test/api";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { getSuggestions, resetLexemeStats } from "./engine";
import { refreshSimilarPools } from "./pools";

let testDb: TestDatabase;
let f: Fixtures;
let tokens: Record<string, string> = {};
let target: { id: string; reference: string };
let refundSameProduct: { id: string; reference: string };
let refundOtherProduct: { id: string; reference: string };
let nameConfusion: { id: string; reference: string };

const market = "NO";

beforeAll(async () => {
  testDb = await useTestDatabase();
  f = await createFixtures();
  tokens = await tokensFor(f.users);
  const rows = await insertComplaints([
    {
      market,
      summary: "Refund for returned sofa never arrived",
      narrative: "I returned the sofa in March and the refund has still not arrived on my card. Call me on 0701234567.",
      productId: f.products.invoice.id,
    },
    {
      market,
      summary: "Refund for returned jacket is late",
      narrative: "The shop confirmed the return weeks ago but the refund still has not arrived.",
      productId: f.products.invoice.id,
    },
    {
      market,
      summary: "Refund for a returned lamp is late",
      narrative: "The refund for the returned lamp has not arrived although the shop confirmed the return.",
      productId: f.products.account.id,
    },
    {
      market,
      summary: "Did not understand the account name",
      narrative: "I thought the konto was a debit card and missed the payment. Mail me at ola@example.com.",
      productId: f.products.account.id,
    },
    { market, summary: "Unrelated printer question", narrative: "My printer is out of toner." },
  ]);
  [target, refundSameProduct, refundOtherProduct, nameConfusion] = exactly(rows.slice(0, 4), 4, "complaints");
  await db.insert(complaintRootCauses).values([
    { complaintId: refundSameProduct.id, rootCauseId: f.rootCauses.slowRefund.id, primary: true },
    { complaintId: refundOtherProduct.id, rootCauseId: f.rootCauses.slowRefund.id, primary: true },
    { complaintId: refundOtherProduct.id, rootCauseId: f.rootCauses.technical.id, primary: false },
    { complaintId: nameConfusion.id, rootCauseId: f.rootCauses.unclearName.id, primary: true },
  ]);
  resetLexemeStats();
});
afterAll(async () => testDb.drop());

describe("getSuggestions", () => {
  it("ranks complaints about the same thing first, the same product above another, and suggests their causes", async () => {
    const found = await getSuggestions(db, target.id);
    expect(found?.similar.map((s) => s.reference).slice(0, 2)).toEqual([
      refundSameProduct.reference,
      refundOtherProduct.reference,
    ]);
    expect(found?.similar.map((s) => s.id)).not.toContain(target.id);
    const [first, ...rest] = found!.causes;
    expect(first).toMatchObject({
      rootCauseId: f.rootCauses.slowRefund.id,
      name: "Slow refund",
      from: [refundSameProduct.id, refundOtherProduct.id],
    });
    expect(rest.every((c) => c.score < first!.score)).toBe(true);
  });

  it("reads at most twice its budget of candidates, however many its first word matches", async () => {
    const [lone, ...others] = await insertComplaints(
      Array.from({ length: 6 }, () => ({ market, summary: "Zebrafinance zebrafinance" })),
    );
    resetLexemeStats();
    // Its only word matches five other complaints: past a budget of one, it is still asked.
    expect((await getSuggestions(db, lone!.id, { budget: 10 }))?.similar).toHaveLength(others.length);
    expect((await getSuggestions(db, lone!.id, { budget: 1 }))?.similar).toHaveLength(2);
  });

  it("answers null for a complaint that does not exist", async () => {
    expect(await getSuggestions(db, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});

describe("GET /api/v1/complaints/{id}/suggestions", () => {
  const get = (id: string, token: string) =>
    GET(jsonRequest(`/api/v1/complaints/${id}/suggestions`, { token }), idParams(id));

  it("answers the similar complaints and suggested causes, without complaint text", async () => {
    const response = await get(target.id, tokens.pm!);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(Object.keys(body).sort()).toEqual(["causes", "similar"]);
    expect(Object.keys(body.similar[0]).sort()).toEqual(["id", "reference", "rootCauses", "score"]);
    expect(body.similar[0]).toMatchObject({
      id: refundSameProduct.id,
      reference: refundSameProduct.reference,
      score: expect.any(Number),
      rootCauses: [{ id: f.rootCauses.slowRefund.id, name: "Slow refund", primary: true }],
    });
    expect(body.causes[0]).toEqual({
      rootCauseId: f.rootCauses.slowRefund.id,
      name: "Slow refund",
      score: expect.any(Number),
      from: [refundSameProduct.id, refundOtherProduct.id],
    });
    expect(JSON.stringify(body)).not.toContain("refund has still not arrived");
  });

  it("is closed to leadership and answers 404 for an unknown or malformed id", async () => {
    expect((await get(target.id, tokens.leadership!)).status).toBe(403);
    expect((await get("00000000-0000-4000-8000-000000000000", tokens.reviewer!)).status).toBe(404);
    expect((await get("nope", tokens.reviewer!)).status).toBe(404);
  });
});

describe("applying a suggestion", () => {
  it("tags the cause and records its place in the list, so acceptance can be measured", async () => {
    const reviewer = actorFor(f.users.reviewer);
    await ok(
      perform(reviewer, tagRootCause, {
        complaintId: target.id,
        rootCauseId: f.rootCauses.slowRefund.id,
        suggestionRank: 1,
      }),
    );
    const [tag] = await db.select().from(complaintRootCauses).where(eq(complaintRootCauses.complaintId, target.id));
    expect(tag).toMatchObject({ rootCauseId: f.rootCauses.slowRefund.id, suggestionRank: 1, primary: true });
    const bad = await perform(reviewer, tagRootCause, {
      complaintId: nameConfusion.id,
      rootCauseId: f.rootCauses.technical.id,
      suggestionRank: 0,
    });
    expect(bad).toMatchObject({ error: { code: "invalid" }, fieldErrors: { suggestionRank: [expect.any(String)] } });
  });
});

describe("kept candidate pools", () => {
  it("reads the kept candidates afresh, and looks again when the complaint itself changes", async () => {
    const before = await getSuggestions(db, target.id);
    expect(before?.similar[0]?.id).toBe(refundSameProduct.id);

    // A candidate's text is read afresh: an edit (or an erasure) shows at once.
    await db
      .update(complaints)
      .set({ summary: "Refund for returned jacket, reworded" })
      .where(eq(complaints.id, refundSameProduct.id));
    const reread = await getSuggestions(db, target.id);
    expect(reread?.similar.find((s) => s.id === refundSameProduct.id)?.summary).toBe(
      "Refund for returned jacket, reworded",
    );

    // A complaint logged since is not in the kept pool…
    const [twin] = exactly(
      await insertComplaints([
        {
          market,
          summary: "Refund for returned sofa never arrived",
          narrative: "Returned the sofa in March, refund still not arrived on my card.",
        },
      ]),
      1,
      "twin",
    );
    expect((await getSuggestions(db, target.id))?.similar.map((s) => s.id)).not.toContain(twin.id);
    // …nor after a change that leaves the text as it was (a status, an assignment)…
    await db
      .update(complaints)
      .set({ version: sql`${complaints.version} + 1`, status: "triaged" })
      .where(eq(complaints.id, target.id));
    expect((await getSuggestions(db, target.id))?.similar.map((s) => s.id)).not.toContain(twin.id);
    // …until the complaint's text is edited or the pool's time is up.
    await db
      .update(complaints)
      .set({ narrative: "I returned the sofa in March and the refund has still not arrived on my card." })
      .where(eq(complaints.id, target.id));
    expect((await getSuggestions(db, target.id))?.similar[0]?.id).toBe(twin.id);
  });
});

describe("pools found by the job runner", () => {
  const today = new Date().toISOString().slice(0, 10);
  const storedFor = async () =>
    new Set((await db.select({ id: complaintSimilarPools.complaintId }).from(complaintSimilarPools)).map((r) => r.id));
  const text = (n: number) => ({
    market,
    summary: `Gift card balance vanished ${n}`,
    narrative: "The gift card balance vanished after the first purchase and the shop cannot see it.",
  });

  it("keeps pools for the complaints being worked, which every reader is given, and never writes on a read", async () => {
    const [fresh, other, closed, old] = exactly(
      await insertComplaints([
        { ...text(1), receivedOn: today },
        { ...text(2), receivedOn: today, status: "in_analysis" },
        { ...text(3), receivedOn: today, status: "closed" },
        { ...text(4), receivedOn: "2019-03-02" },
      ]),
      4,
      "complaints",
    );
    // A read finds a pool but does not store it.
    await getSuggestions(db, closed.id);
    expect(await storedFor()).toEqual(new Set());

    // Open and received lately: the runner finds their pools, newest first, a few at a time.
    expect(await refreshSimilarPools(db, 1)).toMatchObject({ found: 1, more: true });
    expect(await refreshSimilarPools(db)).toMatchObject({ found: 1, more: false });
    expect(await storedFor()).toEqual(new Set([fresh.id, other.id]));
    expect(await refreshSimilarPools(db)).toMatchObject({ found: 0, more: false });

    // A reader in another process (nothing in memory) is given the stored pool: a complaint logged
    // since is not in it, whoever reads.
    const [twin] = exactly(await insertComplaints([{ ...text(5), receivedOn: "2019-03-03" }]), 1, "twin");
    resetLexemeStats();
    const stored = await getSuggestions(db, fresh.id);
    expect(stored?.similar.map((s) => s.id)).toEqual(expect.arrayContaining([other.id, closed.id, old.id]));
    expect(stored?.similar.map((s) => s.id)).not.toContain(twin.id);

    // The reader is told when they were looked for: when the runner found them.
    const [row] = await db
      .select({ at: complaintSimilarPools.computedAt })
      .from(complaintSimilarPools)
      .where(eq(complaintSimilarPools.complaintId, fresh.id));
    expect(stored?.foundAt).toBe(row?.at.toISOString());

    // Past five sixths of its age (20 of 24 hours) the runner finds it again; past its age it is removed
    // and not read.
    await db.update(complaintSimilarPools).set({ computedAt: sql`now() - interval '19 hours'` });
    expect(await refreshSimilarPools(db)).toMatchObject({ found: 0 });
    await db.update(complaintSimilarPools).set({ computedAt: sql`now() - interval '21 hours'` });
    resetLexemeStats();
    const older = (await getSuggestions(db, fresh.id))?.foundAt;
    expect(Date.now() - Date.parse(older!)).toBeGreaterThan(20.9 * 3600_000);
    expect(await refreshSimilarPools(db)).toMatchObject({ found: 2, removed: 0 });
    expect((await getSuggestions(db, fresh.id))?.similar.map((s) => s.id)).toContain(twin.id);
    await db.update(complaintSimilarPools).set({ computedAt: sql`now() - interval '25 hours'` });
    const [later] = exactly(await insertComplaints([{ ...text(6), receivedOn: "2019-03-04" }]), 1, "later");
    resetLexemeStats();
    expect((await getSuggestions(db, fresh.id))?.similar.map((s) => s.id)).toContain(later.id);
    expect(await refreshSimilarPools(db, 0)).toMatchObject({ found: 0, removed: 2, more: true });
    expect(await storedFor()).toEqual(new Set());
    expect(await refreshSimilarPools(db)).toMatchObject({ found: 2, more: false });

    // An edit of the text makes a stored pool stale at once; a closed complaint drops out of the
    // runner's care, and a deleted one takes its pool with it.
    await db.update(complaints).set({ summary: "Gift card balance gone" }).where(eq(complaints.id, other.id));
    expect(await refreshSimilarPools(db)).toMatchObject({ found: 1 });
    await db.update(complaints).set({ status: "closed" }).where(eq(complaints.id, other.id));
    await db.update(complaintSimilarPools).set({ computedAt: sql`now() - interval '21 hours'` });
    expect(await refreshSimilarPools(db)).toMatchObject({ found: 1 });
    await db.delete(complaints).where(eq(complaints.id, fresh.id));
    expect(await storedFor()).toEqual(new Set([other.id]));
  });

  it("keeps none when SIMILAR_POOL_DAYS is 0", async () => {
    await insertComplaints([{ ...text(7), receivedOn: new Date().toISOString().slice(0, 10) }]);
    process.env.SIMILAR_POOL_DAYS = "0";
    try {
      expect(await refreshSimilarPools(db)).toMatchObject({ found: 0, more: false });
    } finally {
      delete process.env.SIMILAR_POOL_DAYS;
    }
    expect(await refreshSimilarPools(db)).toMatchObject({ found: 1 });
  });
});
