import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as me } from "@/app/api/v1/me/route";
import { type DbHandle, openDatabase } from "@/db/client";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { createUser, issueToken } from "@/lib/users/service";
import { type TestDatabase, useTestDatabase } from "@/test/db";

let t: TestDatabase;
let token: string;
beforeAll(async () => {
  t = await useTestDatabase();
  token = await t.db.transaction(async (tx) => {
    const user = await createUser(tx, CLI_ACTOR, { email: "lead@bank.example", name: "Lead", role: "leadership" });
    return (await issueToken(tx, CLI_ACTOR, { userId: user.id, name: "test" })).token;
  });
});
afterAll(() => t.drop());

const call = (headers: Record<string, string> = {}) =>
  me(new NextRequest("http://localhost/api/v1/me", { headers }), { params: Promise.resolve({}) });

describe("API authentication", () => {
  it("answers 401 in the error shape without a token", async () => {
    const response = await call();
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "unauthenticated", message: expect.any(String) } });
  });

  it("answers 401 for an unknown token and never echoes it", async () => {
    const response = await call({ authorization: "Bearer czt_wrong-token" });
    expect(response.status).toBe(401);
    expect(JSON.stringify(await response.json())).not.toContain("czt_wrong-token");
  });

  it("acts as the token's user", async () => {
    const response = await call({ authorization: `Bearer ${token}` });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ email: "lead@bank.example", role: "leadership" });
  });
});

describe("health", () => {
  it("answers 200 when the database answers", async () => {
    expect((await health()).status).toBe(200);
  });

  it("answers 503 when the database does not", async () => {
    const globalForDb = globalThis as unknown as { __complaintDb?: DbHandle };
    const working = globalForDb.__complaintDb;
    const broken = openDatabase({ url: "postgres://postgres@127.0.0.1:1/nowhere", max: 1 });
    globalForDb.__complaintDb = broken;
    try {
      const response = await health();
      expect(response.status).toBe(503);
      expect((await response.json()).error.code).toBe("unavailable");
    } finally {
      globalForDb.__complaintDb = working;
      await broken.close();
    }
  });
});
