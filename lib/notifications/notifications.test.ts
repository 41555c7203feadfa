import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { notifications } from "@/db/schema";
import { runBulkAction } from "@/lib/complaints/bulk";
import { addCalendarDays, todayIso } from "@/lib/complaints/deadlines";
import { actorFor, createFixtures, type Fixtures, insertComplaints, ok } from "@/lib/complaints/test-fixtures";
import { updateComplaint } from "@/lib/complaints/write";
import { perform } from "@/lib/operations";
import { createRemediationAction, updateRemediationAction } from "@/lib/remediation/write";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { getDeadlineNotices, getInboxBadgeCount, getNotifications } from "./queries";
import { markNotificationsRead } from "./write";

let testDb: TestDatabase;
let f: Fixtures;
const session = (user: Fixtures["users"]["reviewer"]) => ({ ...user });

beforeAll(async () => {
  testDb = await useTestDatabase();
  f = await createFixtures();
});
afterAll(async () => testDb.drop());

const mine = (userId: string) => db.select().from(notifications).where(eq(notifications.userId, userId));

describe("notifications", () => {
  it("tells an assignee about complaints given to them by someone else, never about their own choice", async () => {
    const [a, b, c] = await insertComplaints([{ summary: "A" }, { summary: "B" }, { summary: "C" }]);
    const reviewer2 = f.users.reviewer2;
    await ok(
      perform(actorFor(f.users.reviewer), updateComplaint, {
        id: a!.id,
        version: a!.version,
        changes: { assigneeId: reviewer2.id },
      }),
    );
    await ok(
      perform(actorFor(reviewer2), updateComplaint, {
        id: b!.id,
        version: b!.version,
        changes: { assigneeId: reviewer2.id },
      }),
    );
    await ok(
      perform(actorFor(f.users.admin), runBulkAction, {
        target: { ids: [c!.id] },
        action: { kind: "assign", assigneeId: reviewer2.id },
      }),
    );
    const rows = await mine(reviewer2.id);
    expect(rows.map((r) => r.complaintId).sort()).toEqual([a!.id, c!.id].sort());
    const listed = await getNotifications(session(reviewer2));
    expect(listed.map((n) => n.subject).sort()).toEqual([a!.reference, c!.reference].sort());
    expect(listed.find((n) => n.subject === a!.reference)).toMatchObject({
      actorName: f.users.reviewer.name,
      text: "assigned you",
      href: `/complaints/${a!.id}`,
      readAt: null,
    });
    const swedish = await getNotifications(session(reviewer2), "sv");
    expect(swedish.find((n) => n.subject === a!.reference)?.text).toBe("tilldelade dig");
  });

  it("tells an action's owner when someone else moves it, and marks read one or all", async () => {
    const pm = f.users.pm;
    const action = await ok(
      perform(actorFor(f.users.reviewer), createRemediationAction, {
        title: "Rename the account",
        market: "SE",
        ownerId: pm.id,
      }),
    );
    await ok(
      perform(actorFor(f.users.reviewer), updateRemediationAction, {
        id: action.id,
        version: action.version,
        changes: { status: "approved" },
      }),
    );
    const listed = await getNotifications(session(pm));
    expect(listed).toMatchObject([
      { kind: "action_status", subject: "Rename the account", text: "moved your action to approved", readAt: null },
    ]);
    expect(await getNotifications(session(pm), "sv")).toMatchObject([{ text: "flyttade din åtgärd till godkänd" }]);
    expect(await getInboxBadgeCount(session(pm))).toBe(1);

    // Someone else cannot mark the owner's messages read.
    const other = await ok(perform(actorFor(f.users.reviewer), markNotificationsRead, { ids: [listed[0]?.id ?? ""] }));
    expect(other.marked).toBe(0);
    const marked = await ok(perform(actorFor(pm), markNotificationsRead, { ids: [listed[0]?.id ?? ""] }));
    expect(marked.marked).toBe(1);
    expect(await getInboxBadgeCount(session(pm))).toBe(0);

    const reviewer2 = f.users.reviewer2;
    expect((await mine(reviewer2.id)).some((r) => !r.readAt)).toBe(true);
    await ok(perform(actorFor(reviewer2), markNotificationsRead, { all: true }));
    expect((await mine(reviewer2.id)).every((r) => r.readAt)).toBe(true);
  });

  it("lists the assignee's open complaints due within two days or overdue, and not answered or closed ones", async () => {
    const today = todayIso();
    const admin = f.users.admin;
    const [late, soon, later, answered, closed] = await insertComplaints([
      // Eight weeks to answer: received 60 days ago is overdue, 55 days ago is due within two days.
      { summary: "Late", receivedOn: addCalendarDays(today, -60), assigneeId: admin.id, acknowledgedAt: new Date() },
      { summary: "Soon", receivedOn: addCalendarDays(today, -55), assigneeId: admin.id, acknowledgedAt: new Date() },
      { summary: "Later", receivedOn: addCalendarDays(today, -20), assigneeId: admin.id, acknowledgedAt: new Date() },
      {
        summary: "Answered",
        receivedOn: addCalendarDays(today, -60),
        assigneeId: admin.id,
        acknowledgedAt: new Date(),
        respondedAt: new Date(),
      },
      { summary: "Closed", receivedOn: addCalendarDays(today, -60), assigneeId: admin.id, status: "closed" },
    ]);
    const notices = await getDeadlineNotices(session(admin), today);
    const refs = notices.map((n) => n.reference);
    expect(refs).toContain(late!.reference);
    expect(refs).toContain(soon!.reference);
    for (const c of [later, answered, closed]) expect(refs).not.toContain(c!.reference);
    expect(notices.find((n) => n.reference === late!.reference)).toMatchObject({
      which: "final response",
      overdue: true,
    });
    expect(notices.find((n) => n.reference === soon!.reference)).toMatchObject({
      which: "final response",
      overdue: false,
    });
  });
});
