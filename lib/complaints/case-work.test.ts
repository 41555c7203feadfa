import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, complaintRootCauses, complaints, statusTransitions } from "@/db/schema";
import { perform } from "@/lib/operations";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { runBulkAction } from "./bulk";
import {
  addComment,
  linkFamily,
  markMentionsRead,
  removeRootCause,
  saveAnalysisNote,
  setPrimaryRootCause,
  tagRootCause,
} from "./case-work";
import { getComplaintDetail } from "./detail-query";
import { parseComplaintFilters } from "./filters";
import { countUnreadMentions, listMentions } from "./inbox";
import { listComplaints } from "./list-query";
import { listSavedViews, saveView } from "./saved-views";
import { actorFor, createFixtures, type Fixtures, insertComplaints, ok } from "./test-fixtures";

let testDb: TestDatabase;
let f: Fixtures;
const reviewer = () => actorFor(f.users.reviewer);

beforeAll(async () => {
  testDb = await useTestDatabase();
  f = await createFixtures();
});
afterAll(async () => testDb.drop());

describe("root causes and analysis", () => {
  it("keeps exactly one primary root cause", async () => {
    const [c] = await insertComplaints([{ summary: "Tagging" }]);
    await ok(perform(reviewer(), tagRootCause, { complaintId: c!.id, rootCauseId: f.rootCauses.unclearName.id }));
    await ok(
      perform(reviewer(), tagRootCause, {
        complaintId: c!.id,
        rootCauseId: f.rootCauses.technical.id,
        note: "App crashed",
      }),
    );
    const primaries = async () =>
      (await db.select().from(complaintRootCauses).where(eq(complaintRootCauses.complaintId, c!.id)))
        .filter((t) => t.primary)
        .map((t) => t.rootCauseId);
    expect(await primaries()).toEqual([f.rootCauses.unclearName.id]);
    await ok(perform(reviewer(), setPrimaryRootCause, { complaintId: c!.id, rootCauseId: f.rootCauses.technical.id }));
    expect(await primaries()).toEqual([f.rootCauses.technical.id]);
    await ok(perform(reviewer(), removeRootCause, { complaintId: c!.id, rootCauseId: f.rootCauses.technical.id }));
    expect(await primaries()).toEqual([f.rootCauses.unclearName.id]);
    const again = await perform(reviewer(), tagRootCause, {
      complaintId: c!.id,
      rootCauseId: f.rootCauses.unclearName.id,
    });
    expect(again).toMatchObject({ fieldErrors: { rootCauseId: ["This root cause is already tagged"] } });
    const detail = await getComplaintDetail(db, c!.id);
    expect(detail?.history.map((h) => h.sentence)).toEqual([
      "Anna Lind tagged root cause Unclear product name as primary",
      "Anna Lind tagged root cause Technical error",
      "Anna Lind made Technical error the primary root cause",
      "Anna Lind removed root cause Technical error",
    ]);
    // A Swedish reader gets the same history in Swedish.
    const swedish = await getComplaintDetail(db, c!.id, { locale: "sv" });
    expect(swedish?.history.map((h) => h.sentence)).toEqual([
      "Anna Lind taggade grundorsaken Unclear product name som primär",
      "Anna Lind taggade grundorsaken Technical error",
      "Anna Lind gjorde Technical error till primär grundorsak",
      "Anna Lind tog bort grundorsaken Technical error",
    ]);
  });

  it("stores analysis notes with a 5-whys chain", async () => {
    const [c] = await insertComplaints([{ summary: "Why" }]);
    const note = await ok(
      perform(reviewer(), saveAnalysisNote, {
        complaintId: c!.id,
        findings: "Name unclear",
        whys: ["Missed payment", "Thought it was a debit card", ""],
      }),
    );
    expect(note.whys).toEqual(["Missed payment", "Thought it was a debit card"]);
    const tooMany = await perform(reviewer(), saveAnalysisNote, {
      complaintId: c!.id,
      findings: "x",
      whys: ["1", "2", "3", "4", "5", "6"],
    });
    expect(tooMany).toMatchObject({ fieldErrors: { whys: ["Five whys at most"] } });
  });
});

describe("comments and the inbox", () => {
  it("lets product managers comment and notifies mentioned users", async () => {
    const [c] = await insertComplaints([{ summary: "Mention" }]);
    const comment = await ok(
      perform(actorFor(f.users.pm), addComment, {
        complaintId: c!.id,
        body: "@Anna Lind can you check? cc @reviewer2",
      }),
    );
    expect(comment.mentioned.map((m) => m.name).sort()).toEqual(["Anna Lind", "Erik Berg"]);
    const detail = await getComplaintDetail(db, c!.id);
    expect(detail?.comments.map((x) => x.mentions)).toEqual([["Anna Lind", "Erik Berg"]]);
    expect(await countUnreadMentions(db, f.users.reviewer.id)).toBe(1);
    const inbox = await listMentions(db, f.users.reviewer.id);
    expect(inbox[0]).toMatchObject({ complaintId: c!.id, authorName: "Petra Holm", readAt: null });
    await ok(perform(reviewer(), markMentionsRead, { mentionCommentIds: [comment.id] }));
    expect(await countUnreadMentions(db, f.users.reviewer.id)).toBe(0);
    // Marking someone else's mention is scoped away by the WHERE clause.
    expect(await countUnreadMentions(db, f.users.reviewer2.id)).toBe(1);
  });
  it("refuses leadership", async () => {
    const [c] = await insertComplaints([{ summary: "No" }]);
    expect(await perform(actorFor(f.users.leadership), addComment, { complaintId: c!.id, body: "hi" })).toMatchObject({
      error: { code: "forbidden" },
    });
  });
});

describe("families", () => {
  it("links by reference and merges families", async () => {
    const [a, b, c] = await insertComplaints([
      { summary: "A" },
      { summary: "B", channel: "disputes_board" },
      { summary: "C" },
    ]);
    await ok(perform(reviewer(), linkFamily, { complaintId: a!.id, otherReference: b!.reference }));
    await ok(perform(reviewer(), linkFamily, { complaintId: c!.id, otherReference: a!.reference }));
    const rows = await db
      .select({ familyId: complaints.familyId })
      .from(complaints)
      .where(inArray(complaints.id, [a!.id, b!.id, c!.id]));
    expect(new Set(rows.map((r) => r.familyId)).size).toBe(1);
    const detail = await getComplaintDetail(db, a!.id);
    expect(detail?.family.map((m) => m.reference).sort()).toEqual([b!.reference, c!.reference].sort());
    const missing = await perform(reviewer(), linkFamily, { complaintId: a!.id, otherReference: "C-1999-000001" });
    expect(missing).toMatchObject({ fieldErrors: { otherReference: [expect.stringContaining("C-1999-000001")] } });
  });
});

describe("bulk actions", () => {
  it("tags every complaint matching a filter in one transaction with one audit entry each", async () => {
    const marker = `bulkmarker${Date.now()}`;
    const rows = await insertComplaints(Array.from({ length: 20 }, (_, i) => ({ summary: `${marker} number ${i}` })));
    const result = await ok(
      perform(reviewer(), runBulkAction, {
        target: { filter: `q=${marker}` },
        action: { kind: "root_cause", rootCauseId: f.rootCauses.slowRefund.id },
      }),
    );
    expect(result).toEqual({ matched: 20, changed: 20 });
    const tags = await db
      .select()
      .from(complaintRootCauses)
      .where(
        inArray(
          complaintRootCauses.complaintId,
          rows.map((r) => r.id),
        ),
      );
    expect(tags).toHaveLength(20);
    expect(tags.every((t) => t.primary)).toBe(true);
    const audits = await db
      .select()
      .from(auditLog)
      .where(
        inArray(
          auditLog.entityId,
          rows.map((r) => r.id),
        ),
      );
    expect(audits).toHaveLength(20);
    expect(audits.every((a) => a.action === "complaint.root_cause.add" && (a.meta as { bulk: boolean }).bulk)).toBe(
      true,
    );
    // Again: nothing new to tag.
    expect(
      await ok(
        perform(reviewer(), runBulkAction, {
          target: { filter: `q=${marker}` },
          action: { kind: "root_cause", rootCauseId: f.rootCauses.slowRefund.id },
        }),
      ),
    ).toEqual({ matched: 20, changed: 0 });
  });

  it("assigns, sets category, changes status and excludes selected complaints, bumping versions", async () => {
    const rows = await insertComplaints([{ summary: "one" }, { summary: "two" }]);
    const target = { ids: rows.map((r) => r.id) };
    await ok(
      perform(reviewer(), runBulkAction, { target, action: { kind: "assign", assigneeId: f.users.reviewer2.id } }),
    );
    await ok(
      perform(reviewer(), runBulkAction, { target, action: { kind: "category", categoryId: f.categories.refunds.id } }),
    );
    await ok(perform(reviewer(), runBulkAction, { target, action: { kind: "status", status: "triaged" } }));
    await ok(
      perform(reviewer(), runBulkAction, { target, action: { kind: "exclude", reason: "test", note: "load test" } }),
    );
    const after = await db.select().from(complaints).where(inArray(complaints.id, target.ids));
    for (const row of after) {
      expect(row).toMatchObject({
        assigneeId: f.users.reviewer2.id,
        categoryId: f.categories.refunds.id,
        status: "triaged",
        excludedReason: "test",
        version: 5,
      });
    }
    const transitions = await db
      .select()
      .from(statusTransitions)
      .where(inArray(statusTransitions.complaintId, target.ids));
    expect(transitions).toHaveLength(2);
    const detail = await getComplaintDetail(db, rows[0]!.id);
    expect(detail?.history.map((h) => h.sentence)).toContain(
      "Anna Lind changed status from new to triaged (bulk action)",
    );
    const swedish = await getComplaintDetail(db, rows[0]!.id, { locale: "sv" });
    expect(swedish?.history.map((h) => h.sentence)).toContain(
      "Anna Lind ändrade status från ny till sorterad (massåtgärd)",
    );
  });

  it("refuses the whole batch when one complaint cannot make the move", async () => {
    const rows = await insertComplaints([
      { summary: "fine", status: "analysed" },
      { summary: "stuck", status: "new" },
    ]);
    const result = await perform(reviewer(), runBulkAction, {
      target: { ids: rows.map((r) => r.id) },
      action: { kind: "status", status: "closed" },
    });
    expect(result).toMatchObject({ error: { code: "invalid", message: expect.stringContaining(rows[1]!.reference) } });
    const after = await db
      .select()
      .from(complaints)
      .where(
        inArray(
          complaints.id,
          rows.map((r) => r.id),
        ),
      );
    expect(after.map((r) => r.status).sort()).toEqual(["analysed", "new"]);
  });

  it("marks complaints analysed in bulk only when each has a root cause, naming those without", async () => {
    const rows = await insertComplaints([
      { summary: "tagged", status: "in_analysis" },
      { summary: "untagged one", status: "in_analysis" },
      { summary: "untagged two", status: "in_analysis" },
      { summary: "excluded", status: "in_analysis", excludedReason: "not_a_complaint" },
    ]);
    await db.insert(complaintRootCauses).values({ complaintId: rows[0]!.id, rootCauseId: f.rootCauses.technical.id });
    const refused = await perform(reviewer(), runBulkAction, {
      target: { ids: rows.map((r) => r.id) },
      action: { kind: "status", status: "analysed" },
    });
    const names = [rows[1]!.reference, rows[2]!.reference].sort().join(", ");
    expect(refused).toMatchObject({
      error: {
        code: "invalid",
        message: `2 complaints have no root cause: ${names}. Tag at least one on each before marking them analysed`,
      },
      fieldErrors: { "action.status": [expect.stringContaining(names)] },
    });
    const unchanged = await db
      .select()
      .from(complaints)
      .where(
        inArray(
          complaints.id,
          rows.map((r) => r.id),
        ),
      );
    expect(unchanged.every((r) => r.status === "in_analysis")).toBe(true);
    for (const row of rows.slice(1, 3))
      await ok(perform(reviewer(), tagRootCause, { complaintId: row.id, rootCauseId: f.rootCauses.unclearName.id }));
    const done = await ok(
      perform(reviewer(), runBulkAction, {
        target: { ids: rows.map((r) => r.id) },
        action: { kind: "status", status: "analysed" },
      }),
    );
    expect(done).toEqual({ matched: 4, changed: 4 });
  });

  it("keeps the last root cause of an analysed complaint", async () => {
    const [c] = await insertComplaints([{ summary: "last cause", status: "analysed" }]);
    await ok(perform(reviewer(), tagRootCause, { complaintId: c!.id, rootCauseId: f.rootCauses.technical.id }));
    await ok(perform(reviewer(), tagRootCause, { complaintId: c!.id, rootCauseId: f.rootCauses.unclearName.id }));
    await ok(perform(reviewer(), removeRootCause, { complaintId: c!.id, rootCauseId: f.rootCauses.technical.id }));
    const last = await perform(reviewer(), removeRootCause, {
      complaintId: c!.id,
      rootCauseId: f.rootCauses.unclearName.id,
    });
    expect(last).toMatchObject({
      error: { code: "invalid" },
      fieldErrors: { rootCauseId: [expect.stringContaining("reopen")] },
    });
    const left = await db.select().from(complaintRootCauses).where(eq(complaintRootCauses.complaintId, c!.id));
    expect(left.map((t) => t.rootCauseId)).toEqual([f.rootCauses.unclearName.id]);
  });

  it("marks duplicates of an original by reference", async () => {
    const [original, a, b] = await insertComplaints([{ summary: "orig" }, { summary: "a" }, { summary: "b" }]);
    await ok(
      perform(reviewer(), runBulkAction, {
        target: { ids: [a!.id, b!.id] },
        action: { kind: "duplicate_of", reference: original!.reference },
      }),
    );
    const after = await db
      .select()
      .from(complaints)
      .where(inArray(complaints.id, [a!.id, b!.id]));
    expect(after.every((r) => r.duplicateOfId === original!.id && r.excludedReason === "duplicate")).toBe(true);
    const self = await perform(reviewer(), runBulkAction, {
      target: { ids: [original!.id] },
      action: { kind: "duplicate_of", reference: original!.reference },
    });
    expect(self).toMatchObject({ error: { code: "invalid" } });
  });

  it("is refused for product managers", async () => {
    const [c] = await insertComplaints([{ summary: "pm" }]);
    const result = await perform(actorFor(f.users.pm), runBulkAction, {
      target: { ids: [c!.id] },
      action: { kind: "assign", assigneeId: null },
    });
    expect(result).toMatchObject({ error: { code: "forbidden" } });
  });
});

describe("listComplaints", () => {
  it("returns a page with the total, names and highlighted matches", async () => {
    const marker = `listmarker${Date.now()}`;
    await insertComplaints(
      Array.from({ length: 7 }, (_, i) => ({
        summary: `${marker} Förfallodatumet ${i}`,
        narrative: "Kunden missade betalningen. Ring 070-123 45 67.",
        customerRef: `CUST-${i}`,
        categoryId: f.categories.missedDue.id,
        receivedOn: `2019-05-0${i + 1}`,
      })),
    );
    const filters = parseComplaintFilters(
      new URLSearchParams(`q=${marker} förfallodatum&per_page=3&page=2&sort=receivedOn.asc`),
    );
    const page = await listComplaints(db, filters);
    expect(page.total).toBe(7);
    expect(page.rows.map((r) => r.receivedOn)).toEqual(["2019-05-04", "2019-05-05", "2019-05-06"]);
    expect(page.rows[0]).toMatchObject({ categoryName: "Payments > Missed due date", customerRef: "CUST-3" });
    expect(page.rows[0]!.matches).toEqual(expect.arrayContaining([marker, "förfallodatumet"]));
    const beyond = await listComplaints(db, { ...filters, page: 9 });
    expect(beyond).toEqual({ rows: [], total: 7, totalIsEstimate: false });
    const narrative = await listComplaints(db, parseComplaintFilters(new URLSearchParams(`q=${marker} betalning`)), {
      access: "masked",
    });
    expect(narrative.rows[0]!.customerRef).toBeNull();
    expect(narrative.rows[0]!.snippet).toContain("betalningen");
    expect(narrative.rows[0]!.snippet).toContain("[phone]");
  });
});

describe("saved views", () => {
  it("keeps personal views private and shares shared ones", async () => {
    await ok(perform(reviewer(), saveView, { name: "Mine", query: "?status=new&page=3", shared: false }));
    await ok(perform(reviewer(), saveView, { name: "Team overdue", query: "overdue=true", shared: true }));
    const bad = await perform(reviewer(), saveView, { name: "Bad", query: "status=lost" });
    expect(bad).toMatchObject({ error: { code: "invalid" } });
    expect((await listSavedViews(db, f.users.reviewer.id)).map((v) => [v.name, v.query])).toEqual([
      ["Mine", "status=new"],
      ["Team overdue", "overdue=true"],
    ]);
    expect((await listSavedViews(db, f.users.reviewer2.id)).map((v) => v.name)).toEqual(["Team overdue"]);
  });
});
