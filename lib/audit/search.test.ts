import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/audit-log/route";
import { db } from "@/db";
import { auditLog } from "@/db/schema";
import { createFixtures, type Fixtures } from "@/lib/complaints/test-fixtures";
import { jsonRequest, noParams, tokensFor } from "@/test/api";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { recordFailedSignIn } from "./auth-events";
import { writeAudit } from "./log";

let testDb: TestDatabase;
let f: Fixtures;
let tokens: Record<string, string>;

beforeAll(async () => {
  testDb = await useTestDatabase();
  f = await createFixtures();
  tokens = await tokensFor(f.users);
  const actor = {
    userId: f.users.reviewer.id,
    role: "reviewer" as const,
    name: "Anna Lind",
    email: "reviewer@test.example",
    label: "test",
  };
  await writeAudit(db, actor, [
    {
      action: "complaint.update",
      entityType: "complaint",
      entityId: "c-1",
      before: { severity: "low" },
      after: { severity: "high" },
    },
    { action: "complaint.create", entityType: "complaint", entityId: "c-2", after: { summary: "x" } },
    { action: "remediation.create", entityType: "remediation_action", entityId: "r-1" },
  ]);
});
afterAll(async () => testDb.drop());

const get = (query: string, token = tokens.admin) =>
  GET(jsonRequest(`/api/v1/audit-log?${query}`, { token }), noParams);

describe("GET /api/v1/audit-log", () => {
  it("filters by user, entity, action family and dates, newest first, paginated", async () => {
    const all = await (await get("user=reviewer@test.example")).json();
    expect(all.total).toBe(3);
    expect(all.data[0].action).toBe("remediation.create");
    const family = await (await get("action=complaint&entityType=complaint")).json();
    expect(family.data.map((r: { entityId: string }) => r.entityId).sort()).toEqual(["c-1", "c-2"]);
    const one = await (await get("entityType=complaint&entityId=c-1")).json();
    expect(one.data[0]).toMatchObject({ before: { severity: "low" }, after: { severity: "high" }, actor: "Anna Lind" });
    const paged = await (await get(`user=${f.users.reviewer.id}&perPage=2&page=2`)).json();
    expect(paged).toMatchObject({ total: 3, page: 2, perPage: 2 });
    expect(paged.data).toHaveLength(1);
    const today = new Date().toISOString().slice(0, 10);
    expect((await (await get(`from=${today}&to=${today}&user=reviewer`)).json()).total).toBe(3);
    expect((await (await get("to=2000-01-01")).json()).total).toBe(0);
  });

  it("answers 400 naming the field, and 403 to other roles", async () => {
    const bad = await get("from=yesterday");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details[0].path).toBe("from");
    expect((await get("", tokens.reviewer)).status).toBe(403);
  });

  it("exports CSV, and the export is itself audited", async () => {
    const response = await get("format=csv&entityType=complaint");
    expect(response.headers.get("content-type")).toContain("text/csv");
    const records = parse(await response.text(), { columns: true }) as Record<string, string>[];
    expect(records.map((r) => r.entity_id).sort()).toEqual(["c-1", "c-2"]);
    const exported = await (await get("action=audit_log.export")).json();
    expect(exported.total).toBe(1);
    expect(exported.data[0].meta.filters).toMatchObject({ entityType: "complaint" });
  });

  it("records a token's first use each day once, and failed sign-ins with the e-mail as typed and the address", async () => {
    const uses = await (await get("action=token.first_use_today")).json();
    // The admin's token has been used by every call above; one entry for today.
    expect(uses.data.filter((r: { meta: { userId: string } }) => r.meta.userId === f.users.admin.id)).toHaveLength(1);
    await recordFailedSignIn(db, "Anna.Lind@Test.example ", "203.0.113.7");
    const failed = await (await get("action=sign_in_failed")).json();
    expect(failed.data[0]).toMatchObject({
      actor: "web",
      meta: { email: "Anna.Lind@Test.example ", address: "203.0.113.7" },
    });
  });

  it("the log refuses UPDATE, DELETE and TRUNCATE", async () => {
    await expect(db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_log`)).rejects.toThrow();
    await expect(db.execute(sql`truncate audit_log`)).rejects.toThrow();
    expect(await db.$count(auditLog)).toBeGreaterThan(3);
  });
});
