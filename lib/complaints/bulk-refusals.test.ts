import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { complaintRootCauses, complaints } from "@/db/schema";
import { exactly } from "@/lib/must";
import { perform } from "@/lib/operations";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { previewBulkAction, runBulkAction } from "./bulk";
import { refusalMessage, statusRefusal } from "./bulk-refusals";
import { actorFor, createFixtures, type Fixtures, insertComplaints, ok } from "./test-fixtures";

const row = (status: "new" | "triaged" | "in_analysis" | "analysed" | "closed", more = {}) => ({
  reference: "C-2019-000123",
  status,
  excludedReason: null,
  hasRootCause: true,
  ...more,
});

describe("why a bulk status move refuses one complaint", () => {
  it("says what the complaint lacks and what to do, per target status", () => {
    expect(statusRefusal(row("new"), "closed")).toBe("is new, not analysed yet — mark it analysed before closing");
    expect(statusRefusal(row("in_analysis"), "closed")).toBe(
      "is in analysis, not analysed yet — mark it analysed before closing",
    );
    expect(statusRefusal(row("triaged"), "analysed")).toBe(
      "is still triaged — start the analysis before marking it analysed",
    );
    expect(statusRefusal(row("in_analysis", { hasRootCause: false }), "analysed")).toBe(
      "has no root cause yet — tag one before marking it analysed",
    );
    expect(statusRefusal(row("closed"), "analysed")).toBe("is closed — reopen it before marking it analysed again");
    expect(statusRefusal(row("analysed"), "triaged")).toBe("is already analysed — only new complaints are triaged");
    expect(statusRefusal(row("new"), "in_analysis")).toBe("is still new — triage it before starting the analysis");
  });

  it("refuses nothing that can move, is there already, or is excluded and needs no root cause", () => {
    expect(statusRefusal(row("analysed"), "closed")).toBeNull();
    expect(statusRefusal(row("closed"), "closed")).toBeNull();
    expect(statusRefusal(row("in_analysis"), "analysed")).toBeNull();
    expect(
      statusRefusal(row("in_analysis", { hasRootCause: false, excludedReason: "not_a_complaint" }), "analysed"),
    ).toBeNull();
  });

  it("names each refused complaint in the batch's message, ten at most", () => {
    const refusals = Array.from({ length: 12 }, (_, i) => ({
      id: String(i),
      reference: `C-2019-0000${10 + i}`,
      reason: "is new, not analysed yet — mark it analysed before closing",
    }));
    const message = refusalMessage(refusals, "closed");
    expect(message).toMatch(/^12 complaints cannot become closed: C-2019-000010 is new, not analysed yet/);
    expect(message).toContain("C-2019-000019 is new");
    expect(message).not.toContain("C-2019-000020");
    expect(message).toMatch(/; and 2 more$/);
  });
});

describe("previewing and running a bulk status move", () => {
  let testDb: TestDatabase;
  let f: Fixtures;
  const reviewer = () => actorFor(f.users.reviewer);

  beforeAll(async () => {
    testDb = await useTestDatabase();
    f = await createFixtures();
  });
  afterAll(async () => testDb.drop());

  it("lists each complaint the move cannot apply to, with its reason, and the ones it can", async () => {
    const [fresh, untagged, tagged, done] = exactly(
      await insertComplaints([
        { summary: "fresh", status: "new" },
        { summary: "untagged", status: "in_analysis" },
        { summary: "tagged", status: "in_analysis" },
        { summary: "done", status: "analysed" },
      ]),
      4,
      "complaints",
    );
    await db.insert(complaintRootCauses).values({ complaintId: tagged.id, rootCauseId: f.rootCauses.technical.id });
    const target = { ids: [fresh.id, untagged.id, tagged.id, done.id] };
    const analysed = await ok(
      perform(reviewer(), previewBulkAction, { target, action: { kind: "status", status: "analysed" } }),
    );
    expect(analysed).toMatchObject({ matched: 4, applicableIds: [tagged.id], unchanged: 1 });
    expect(analysed.refusals).toEqual(
      expect.arrayContaining([
        {
          id: fresh.id,
          reference: fresh.reference,
          reason: "is still new — start the analysis before marking it analysed",
        },
        {
          id: untagged.id,
          reference: untagged.reference,
          reason: "has no root cause yet — tag one before marking it analysed",
        },
      ]),
    );
    expect(analysed.refusals).toHaveLength(2);

    const closing = await ok(
      perform(reviewer(), previewBulkAction, { target, action: { kind: "status", status: "closed" } }),
    );
    expect(closing).toMatchObject({ applicableIds: [done.id], closingWithoutResponse: 1 });
    expect(closing.refusals.map((r) => r.reference).sort()).toEqual(
      [fresh.reference, untagged.reference, tagged.reference].sort(),
    );

    // The move itself refuses the batch with the same reasons, and changes nothing.
    const refused = await perform(reviewer(), runBulkAction, { target, action: { kind: "status", status: "closed" } });
    expect(refused).toMatchObject({
      error: {
        code: "invalid",
        message: expect.stringContaining(
          `${fresh.reference} is new, not analysed yet — mark it analysed before closing`,
        ),
      },
      fieldErrors: {
        "action.status": expect.arrayContaining([
          `${untagged.reference} is in analysis, not analysed yet — mark it analysed before closing`,
        ]),
      },
    });
    // Applied to the ones the preview found, it goes through.
    expect(
      await ok(
        perform(reviewer(), runBulkAction, {
          target: { ids: closing.applicableIds },
          action: { kind: "status", status: "closed" },
        }),
      ),
    ).toEqual({ matched: 1, changed: 1 });
    const after = await db.select().from(complaints).where(inArray(complaints.id, target.ids));
    expect(after.find((r) => r.id === done.id)).toMatchObject({ status: "closed", respondedAt: expect.any(Date) });
    expect(after.filter((r) => r.status === "closed")).toHaveLength(1);
  });

  it("is refused for product managers, like the move itself", async () => {
    const [c] = exactly(await insertComplaints([{ summary: "pm preview" }]), 1, "complaint");
    const result = await perform(actorFor(f.users.pm), previewBulkAction, {
      target: { ids: [c.id] },
      action: { kind: "status", status: "triaged" },
    });
    expect(result).toMatchObject({ error: { code: "forbidden" } });
  });
});
