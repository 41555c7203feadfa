import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, notifications } from "@/db/schema";
import { actorFor, createFixtures, type Fixtures, ok } from "@/lib/complaints/test-fixtures";
import { getInboxBadgeCount, getNotifications } from "@/lib/notifications/queries";
import { perform } from "@/lib/operations";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { addActionComment, loadActionComments } from "./comments";
import { createRemediationAction } from "./write";

let testDb: TestDatabase;
let f: Fixtures;
let actionId: string;

beforeAll(async () => {
  testDb = await useTestDatabase();
  f = await createFixtures();
  const action = await ok(
    perform(actorFor(f.users.reviewer), createRemediationAction, {
      title: "Rename the account",
      market: "SE",
      ownerId: f.users.admin.id,
    }),
  );
  actionId = action.id;
});
afterAll(async () => testDb.drop());

describe("comments on remediation actions", () => {
  it("lets a product manager discuss an action they do not own, mentions reaching the colleagues' inbox", async () => {
    const before = await getInboxBadgeCount({ ...f.users.reviewer });
    const comment = await ok(
      perform(actorFor(f.users.pm), addActionComment, {
        actionId,
        body: "@Anna Lind can you check March? @reviewer2 too, and @pm (that is me). Mail petra.holm@bank.example",
      }),
    );
    expect(comment.mentioned.map((m) => m.name).sort()).toEqual(["Anna Lind", "Erik Berg"]);

    const inbox = await getNotifications({ ...f.users.reviewer });
    expect(inbox[0]).toMatchObject({
      kind: "action_mention",
      actorName: "Petra Holm",
      text: "mentioned you in a comment on",
      subject: "Rename the account",
      href: `/remediation/${actionId}#comment-${comment.id}`,
      readAt: null,
    });
    expect(inbox[0]?.context).toContain("can you check March?");
    expect(await getInboxBadgeCount({ ...f.users.reviewer })).toBe(before + 1);
    // No message to oneself.
    const own = await db.select().from(notifications).where(eq(notifications.userId, f.users.pm.id));
    expect(own.filter((n) => n.kind === "action_mention")).toHaveLength(0);

    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "remediation.comment"));
    expect(audit).toMatchObject({ entityType: "remediation_action", entityId: actionId });
  });

  it("shows the thread oldest first with who was mentioned, personal data masked for readers without access", async () => {
    await ok(perform(actorFor(f.users.admin), addActionComment, { actionId, body: "Shipped on Friday." }));
    const full = await loadActionComments(db, actionId, "full");
    expect(full.map((c) => [c.authorName, c.mentions.sort()])).toEqual([
      ["Petra Holm", ["Anna Lind", "Erik Berg"]],
      ["Alva Admin", []],
    ]);
    expect(full[0]?.body).toContain("petra.holm@bank.example");
    const masked = await loadActionComments(db, actionId, "none");
    expect(masked[0]?.body).not.toContain("petra.holm@bank.example");
  });

  it("refuses leadership, an empty comment (naming the field) and an unknown action", async () => {
    const denied = await perform(actorFor(f.users.leadership), addActionComment, { actionId, body: "Nice" });
    expect(denied).toMatchObject({ error: { code: "forbidden" } });
    const empty = await perform(actorFor(f.users.pm), addActionComment, { actionId, body: "   " });
    expect(empty).toMatchObject({ fieldErrors: { body: ["Write a comment"] } });
    const missing = await perform(actorFor(f.users.pm), addActionComment, {
      actionId: "00000000-0000-4000-8000-000000000000",
      body: "Hello",
    });
    expect(missing).toMatchObject({ error: { code: "not_found" } });
  });
});
