import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { rowsOf } from "@/db/rows";
import {
  auditLog,
  complaintRootCauses,
  markets,
  remediationActions,
  remediationRootCauses,
  rootCauses,
} from "@/db/schema";
import { insertComplaints } from "@/lib/complaints/test-fixtures";
import { loadLookups } from "@/lib/imports/lookups";
import { categoryKey } from "@/lib/imports/resolve-types";
import { exactly } from "@/lib/must";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { createCategory, renameCategory } from "./categories";
import { createRootCause, mergeRootCause, updateRootCause } from "./root-causes";
import { ok, REVIEWER, refusal } from "./test-util";

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase();
  await db.insert(markets).values({ code: "SE", name: "Sweden" });
});
afterAll(() => database.drop());

const causeOf = async (name: string) => (await loadLookups(db)).rootCauses.get(name.toLowerCase());

describe("aliases: a renamed cause or category still answers to its old name", () => {
  it("keeps a root cause's old name for imports, and refuses a name that is another cause's old name", async () => {
    const konto = await ok(createRootCause, { name: "Unclear name Klarna konto" });
    await ok(updateRootCause, { id: konto.id, name: "Unclear product name", description: null });
    expect(await causeOf("Unclear name Klarna konto")).toBe(konto.id);
    expect(await causeOf("unclear product name")).toBe(konto.id);

    const other = await ok(createRootCause, { name: "Slow refund" });
    expect(
      await refusal(updateRootCause, { id: other.id, name: "Unclear name Klarna konto", description: null }),
    ).toMatchObject({
      fieldErrors: { name: ["“Unclear name Klarna konto” is an old name of the root cause “Unclear product name”"] },
    });
    // Renamed back, the old name is its name again, no longer an alias.
    await ok(updateRootCause, { id: konto.id, name: "Unclear name Klarna konto", description: null });
    const aliases = rowsOf<{ alias: string }>(
      await db.execute(
        sql`select alias from root_cause_aliases where root_cause_id = ${konto.id}::uuid order by alias`,
      ),
    );
    expect(aliases.map((a) => a.alias)).toEqual(["Unclear product name"]);
  });

  it("keeps a category's old name, under its parent's old and new names", async () => {
    const payments = await ok(createCategory, { name: "Betalningar" });
    const missed = await ok(createCategory, { name: "Missat förfallodatum", parentId: payments.id });
    await ok(renameCategory, { id: missed.id, name: "Missed due date" });
    await ok(renameCategory, { id: payments.id, name: "Payments" });
    const { categories } = await loadLookups(db);
    expect(categories.get(categoryKey("Payments", "Missed due date"))).toBe(missed.id);
    expect(categories.get(categoryKey("Payments", "Missat förfallodatum"))).toBe(missed.id);
    expect(categories.get(categoryKey("Betalningar", "Missat förfallodatum"))).toBe(missed.id);
    expect(categories.get(categoryKey("Betalningar", null))).toBe(payments.id);
  });
});

describe("merging root causes", () => {
  it("moves tags, actions and the name to the other cause, keeps the merged one and audits what moved", async () => {
    const from = await ok(createRootCause, { name: "Konto misunderstood" });
    const into = await ok(createRootCause, { name: "Unclear terms" });
    const [onlyFrom, both, bothPrimaryInto, onlyInto] = exactly(
      await insertComplaints([{ summary: "A" }, { summary: "B" }, { summary: "C" }, { summary: "D" }]),
      4,
      "complaints",
    );
    await db.insert(complaintRootCauses).values([
      { complaintId: onlyFrom.id, rootCauseId: from.id, primary: true },
      { complaintId: both.id, rootCauseId: from.id, primary: true },
      { complaintId: both.id, rootCauseId: into.id, primary: false },
      { complaintId: bothPrimaryInto.id, rootCauseId: from.id, primary: false },
      { complaintId: bothPrimaryInto.id, rootCauseId: into.id, primary: true },
      { complaintId: onlyInto.id, rootCauseId: into.id, primary: true },
    ]);
    const [a1, a2] = exactly(
      await db
        .insert(remediationActions)
        .values([{ title: "Rename" }, { title: "Rewrite terms" }])
        .returning(),
      2,
      "actions",
    );
    await db.insert(remediationRootCauses).values([
      { actionId: a1.id, rootCauseId: from.id },
      { actionId: a2.id, rootCauseId: from.id },
      { actionId: a2.id, rootCauseId: into.id },
    ]);

    const result = await ok(mergeRootCause, { fromId: from.id, intoId: into.id });
    expect(result).toEqual({
      fromId: from.id,
      intoId: into.id,
      tagsMoved: 1,
      tagsCombined: 2,
      actionsMoved: 1,
      codingsMoved: 0,
    });
    const tags = await db
      .select({
        complaintId: complaintRootCauses.complaintId,
        rootCauseId: complaintRootCauses.rootCauseId,
        primary: complaintRootCauses.primary,
      })
      .from(complaintRootCauses)
      .where(eq(complaintRootCauses.rootCauseId, into.id));
    const byComplaint = new Map(tags.map((t) => [t.complaintId, t.primary]));
    // One tag per complaint, primary wherever either cause was primary.
    expect(tags).toHaveLength(4);
    expect([onlyFrom, both, bothPrimaryInto, onlyInto].map((c) => byComplaint.get(c.id))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(await db.$count(complaintRootCauses, eq(complaintRootCauses.rootCauseId, from.id))).toBe(0);
    const links = await db.select().from(remediationRootCauses).where(eq(remediationRootCauses.rootCauseId, into.id));
    expect(links.map((l) => l.actionId).sort()).toEqual([a1.id, a2.id].sort());

    // The merged cause stays, inactive, pointing at the other; its name now imports as the other.
    const [kept] = await db.select().from(rootCauses).where(eq(rootCauses.id, from.id));
    expect(kept).toMatchObject({ name: "Konto misunderstood", active: false, mergedIntoId: into.id });
    expect(await causeOf("Konto misunderstood")).toBe(into.id);
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, from.id), eq(auditLog.action, "root_cause.merge")));
    expect(entry).toMatchObject({ after: { mergedInto: into.id, mergedIntoName: "Unclear terms" }, meta: result });

    // The rollup follows: nothing left under the merged cause, everything under the other.
    const rollup = rowsOf<{ id: string; n: number }>(
      await db.execute(sql`
        select root_cause_id::text as id, sum(count)::int as n from root_cause_month_counts
        where root_cause_id in (${from.id}::uuid, ${into.id}::uuid) group by 1`),
    );
    expect(Object.fromEntries(rollup.map((r) => [r.id, r.n]))).toEqual({ [from.id]: 0, [into.id]: 4 });
  });

  it("refuses a merge into itself, of a merged cause, into a merged cause, and anyone but an admin", async () => {
    const a = await ok(createRootCause, { name: "Cause A" });
    const b = await ok(createRootCause, { name: "Cause B" });
    const c = await ok(createRootCause, { name: "Cause C" });
    expect(await refusal(mergeRootCause, { fromId: a.id, intoId: a.id })).toMatchObject({
      fieldErrors: { intoId: ["Choose another cause to merge into"] },
    });
    expect(await refusal(mergeRootCause, { fromId: a.id, intoId: b.id }, REVIEWER)).toMatchObject({
      code: "forbidden",
    });
    await ok(mergeRootCause, { fromId: a.id, intoId: b.id });
    expect(await refusal(mergeRootCause, { fromId: a.id, intoId: c.id })).toMatchObject({
      fieldErrors: { fromId: ["“Cause A” has already been merged into another cause"] },
    });
    expect(await refusal(mergeRootCause, { fromId: c.id, intoId: a.id })).toMatchObject({
      fieldErrors: { intoId: ["“Cause A” has been merged into another cause: merge into that one"] },
    });
  });
});
