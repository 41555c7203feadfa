import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, complaintRootCauses, complaints, markets } from "@/db/schema";
import { loadComplaintOptions } from "@/lib/complaints/options";
import { insertComplaints } from "@/lib/complaints/test-fixtures";
import { loadLookups } from "@/lib/imports/lookups";
import { categoryKey } from "@/lib/imports/resolve-types";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { createAuthority, deleteAuthority, setAuthorityActive, updateAuthority } from "./authorities";
import { createCategory, deleteCategory, moveCategory, renameCategory, setCategoryActive } from "./categories";
import { renameMarket } from "./markets";
import { createRootCause, deleteRootCause, setRootCauseActive, updateRootCause } from "./root-causes";
import { ok, REVIEWER, refusal } from "./test-util";

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase();
  await db.insert(markets).values([
    { code: "SE", name: "Sweden" },
    { code: "NO", name: "Norway" },
  ]);
});
afterAll(() => database.drop());

const auditOf = (entityId: string, action: string) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, action)));

describe("categories", () => {
  it("builds a two-level tree and refuses a third level or a sibling of the same name", async () => {
    const payments = await ok(createCategory, { name: "Payments" });
    const missed = await ok(createCategory, { name: "Missed due date", parentId: payments.id });
    expect(missed.path).toBe("Payments > Missed due date");
    expect(await refusal(createCategory, { name: "Deeper", parentId: missed.id })).toMatchObject({
      fieldErrors: { parentId: ["Missed due date is a subcategory itself; choose a top-level category"] },
    });
    expect(await refusal(createCategory, { name: "missed DUE date", parentId: payments.id })).toMatchObject({
      fieldErrors: { name: ["Payments already has a subcategory “Missed due date”"] },
    });
    expect(await refusal(createCategory, { name: "PAYMENTS", parentId: "" })).toMatchObject({
      fieldErrors: { name: ["A top-level category “Payments” already exists"] },
    });
    expect(await refusal(createCategory, { name: "A > B" })).toMatchObject({
      fieldErrors: { name: ["Do not use “>” in a name"] },
    });
  });

  it("renames with before and after in the audit log; complaints keep the category and follow the name", async () => {
    const credit = await ok(createCategory, { name: "Credit" });
    const decision = await ok(createCategory, { name: "Credit decision", parentId: credit.id });
    const [complaint] = await insertComplaints([{ summary: "Declined", categoryId: decision.id }]);
    const renamed = await ok(renameCategory, { id: decision.id, name: "Credit decision explained" });
    expect(renamed.path).toBe("Credit > Credit decision explained");
    const [entry] = await auditOf(decision.id, "category.rename");
    expect(entry!.before).toMatchObject({ path: "Credit > Credit decision" });
    expect(entry!.after).toMatchObject({ path: "Credit > Credit decision explained" });
    const [stored] = await db
      .select({ categoryId: complaints.categoryId })
      .from(complaints)
      .where(eq(complaints.id, complaint!.id));
    expect(stored!.categoryId).toBe(decision.id);
    expect((await loadLookups(db)).categories.get(categoryKey("Credit", "Credit decision explained"))).toBe(
      decision.id,
    );
  });

  it("moves a subcategory to another parent, but never a parent or into a name clash", async () => {
    const refunds = await ok(createCategory, { name: "Refunds" });
    const purchase = await ok(createCategory, { name: "Purchase" });
    const slow = await ok(createCategory, { name: "Slow", parentId: refunds.id });
    await ok(createCategory, { name: "slow", parentId: purchase.id });
    expect(await refusal(moveCategory, { id: slow.id, parentId: purchase.id })).toMatchObject({
      fieldErrors: { parentId: ["Purchase already has a subcategory “slow”"] },
    });
    expect(await refusal(moveCategory, { id: refunds.id, parentId: purchase.id })).toMatchObject({
      fieldErrors: { parentId: ["Only a subcategory can move to another parent"] },
    });
    const other = await ok(createCategory, { name: "Other" });
    const moved = await ok(moveCategory, { id: slow.id, parentId: other.id });
    expect(moved.path).toBe("Other > Slow");
    const [entry] = await auditOf(slow.id, "category.move");
    expect(entry!.before).toMatchObject({ parentId: refunds.id, path: "Refunds > Slow" });
  });

  it("leaves deactivated categories, and the subcategories of a deactivated one, out of the pickers", async () => {
    const privacy = await ok(createCategory, { name: "Privacy" });
    const consent = await ok(createCategory, { name: "Consent", parentId: privacy.id });
    const request = await ok(createCategory, { name: "Data request", parentId: privacy.id });
    await ok(setCategoryActive, { id: request.id, active: false });
    let offered = (await loadComplaintOptions(db)).categories.map((c) => c.id);
    expect(offered).toEqual(expect.arrayContaining([privacy.id, consent.id]));
    expect(offered).not.toContain(request.id);
    await ok(setCategoryActive, { id: privacy.id, active: false });
    offered = (await loadComplaintOptions(db)).categories.map((c) => c.id);
    expect(offered).not.toContain(privacy.id);
    expect(offered).not.toContain(consent.id);
    // Imports still resolve them.
    expect((await loadLookups(db)).categories.get(categoryKey("Privacy", "Data request"))).toBe(request.id);
  });

  it("deletes only an unused category without subcategories", async () => {
    const service = await ok(createCategory, { name: "Customer service" });
    const reach = await ok(createCategory, { name: "Not reachable", parentId: service.id });
    await insertComplaints([{ summary: "No answer", categoryId: reach.id }]);
    expect(await refusal(deleteCategory, { id: service.id })).toMatchObject({
      code: "conflict",
      message: expect.stringContaining("used by 1 subcategory"),
    });
    expect(await refusal(deleteCategory, { id: reach.id })).toMatchObject({
      code: "conflict",
      message: expect.stringContaining("used by 1 complaint"),
    });
    const empty = await ok(createCategory, { name: "Unused", parentId: service.id });
    expect(await ok(deleteCategory, { id: empty.id })).toEqual({ id: empty.id, deleted: true });
    expect(await auditOf(empty.id, "category.delete")).toHaveLength(1);
  });
});

describe("root causes", () => {
  it("creates, renames and describes with an audit trail, and refuses a taken name", async () => {
    const cause = await ok(createRootCause, { name: "Slow refund", description: "" });
    expect(cause.description).toBeNull();
    expect(await refusal(createRootCause, { name: "slow REFUND" })).toMatchObject({
      fieldErrors: { name: ["A root cause “Slow refund” already exists"] },
    });
    const renamed = await ok(updateRootCause, {
      id: cause.id,
      name: "Refund too slow",
      description: "Took longer than promised",
    });
    expect(renamed).toMatchObject({ name: "Refund too slow", description: "Took longer than promised" });
    const [entry] = await auditOf(cause.id, "root_cause.rename");
    expect(entry!.before).toMatchObject({ name: "Slow refund", description: null });
    expect(entry!.after).toMatchObject({ name: "Refund too slow" });
  });

  it("refuses to delete a cause complaints are tagged with; deactivates it instead", async () => {
    const cause = await ok(createRootCause, { name: "Technical error" });
    const [complaint] = await insertComplaints([{ summary: "Checkout broke" }]);
    await db.insert(complaintRootCauses).values({ complaintId: complaint!.id, rootCauseId: cause.id, primary: true });
    expect(await refusal(deleteRootCause, { id: cause.id })).toMatchObject({
      code: "conflict",
      message:
        "Technical error is used by 1 complaint, so it cannot be deleted. Deactivate it instead: it stays on existing records but is no longer offered.",
    });
    await ok(setRootCauseActive, { id: cause.id, active: false });
    expect((await loadComplaintOptions(db)).rootCauses.map((r) => r.id)).not.toContain(cause.id);
    expect((await loadLookups(db)).rootCauses.get("technical error")).toBe(cause.id);
    const unused = await ok(createRootCause, { name: "Never used" });
    await ok(deleteRootCause, { id: unused.id });
    expect(await auditOf(unused.id, "root_cause.delete")).toHaveLength(1);
  });
});

describe("authorities", () => {
  it("creates per market and channel, renames and deactivates", async () => {
    const kov = await ok(createAuthority, {
      market: "se",
      channel: "consumer_agency",
      name: "Konsumentverket",
      shortName: "KOV",
    });
    expect(kov).toMatchObject({ market: "SE", channel: "consumer_agency" });
    // The same name in another market is another authority.
    await ok(createAuthority, { market: "NO", channel: "consumer_agency", name: "Konsumentverket" });
    expect(
      await refusal(createAuthority, { market: "SE", channel: "disputes_board", name: "konsumentverket" }),
    ).toMatchObject({
      fieldErrors: { name: ["SE already has an authority “Konsumentverket”"] },
    });
    expect(await refusal(createAuthority, { market: "DK", channel: "customer_service", name: "X" })).toMatchObject({
      fieldErrors: { channel: ["Customer service is not an authority"] },
    });
    expect(
      await refusal(createAuthority, { market: "DK", channel: "consumer_agency", name: "Forbrugerombudsmanden" }),
    ).toMatchObject({
      fieldErrors: { market: ["No market DK"] },
    });
    await ok(updateAuthority, { id: kov.id, name: "Konsumentverket (KO)", shortName: "KO" });
    expect(await auditOf(kov.id, "authority.rename")).toHaveLength(1);
    await ok(setAuthorityActive, { id: kov.id, active: false });
    expect((await loadComplaintOptions(db)).authorities.map((a) => a.id)).not.toContain(kov.id);
  });

  it("refuses to delete an authority complaints were registered with", async () => {
    const arn = await ok(createAuthority, { market: "SE", channel: "disputes_board", name: "ARN" });
    await insertComplaints([{ summary: "Board case", channel: "disputes_board", authorityId: arn.id }]);
    expect(await refusal(deleteAuthority, { id: arn.id })).toMatchObject({
      code: "conflict",
      message: expect.stringContaining("used by 1 complaint"),
    });
  });
});

describe("markets", () => {
  it("renames a market by its code, refusing a name another market has", async () => {
    const renamed = await ok(renameMarket, { code: "no", name: "Norge" });
    expect(renamed).toMatchObject({ code: "NO", name: "Norge" });
    const [entry] = await auditOf("NO", "market.rename");
    expect(entry!.before).toMatchObject({ name: "Norway" });
    expect(await refusal(renameMarket, { code: "SE", name: "norge" })).toMatchObject({
      fieldErrors: { name: ["NO is already called “norge”"] },
    });
    expect(await refusal(renameMarket, { code: "DK", name: "Danmark" })).toMatchObject({ code: "not_found" });
  });
});

describe("permissions", () => {
  it("refuses every taxonomy change to non-admins", async () => {
    const forbidden = { code: "forbidden", message: "You do not have permission to do this" };
    expect(await refusal(createCategory, { name: "Sneaky" }, REVIEWER)).toMatchObject(forbidden);
    expect(await refusal(createRootCause, { name: "Sneaky" }, REVIEWER)).toMatchObject(forbidden);
    expect(
      await refusal(createAuthority, { market: "SE", channel: "other_authority", name: "Sneaky" }, REVIEWER),
    ).toMatchObject(forbidden);
    expect(await refusal(renameMarket, { code: "SE", name: "Sneaky" }, REVIEWER)).toMatchObject(forbidden);
    expect((await loadLookups(db)).rootCauses.has("sneaky")).toBe(false);
  });
});
