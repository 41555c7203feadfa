import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTokens, auditLog } from "@/db/schema";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { noteTokenUse, TOKEN_USE_INTERVAL_MS, userForToken } from "@/lib/auth/tokens";
import { run } from "@/lib/operations";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { createUserAccount, updateUserAccount } from "./operations";
import { createUser, issueToken, revokeToken, updateUser } from "./service";

let t: TestDatabase;
beforeAll(async () => {
  t = await useTestDatabase();
});
afterAll(() => t.drop());

const create = (input: unknown) => run(CLI_ACTOR, createUserAccount, input);
const update = (input: unknown) => run(CLI_ACTOR, updateUserAccount, input);

describe("user administration", () => {
  it("creates a user with a lower-cased e-mail and refuses the same address twice", async () => {
    const first = await create({
      email: "Kim@Bank.Example",
      name: "Kim",
      role: "reviewer",
      password: "long-password-1",
    });
    expect("data" in first && first.data.email).toBe("kim@bank.example");
    const again = await create({ email: "kim@bank.example", name: "Kim 2", role: "reviewer" });
    expect("error" in again && again.fieldErrors?.email).toEqual(["A user with that e-mail already exists"]);
  });

  it("names the fields that are wrong", async () => {
    const result = await create({ email: "not-an-email", name: "", role: "boss", password: "short" });
    expect("error" in result && Object.keys(result.fieldErrors ?? {}).sort()).toEqual([
      "email",
      "name",
      "password",
      "role",
    ]);
  });

  it("keeps at least one active admin", async () => {
    const admin = await create({ email: "only-admin@bank.example", name: "Only", role: "admin" });
    if (!("data" in admin)) throw new Error("setup failed");
    const demoted = await update({ id: admin.data.id, name: "Only", role: "reviewer", active: true });
    expect("error" in demoted && demoted.error.message).toBe("At least one active admin must remain");
    await create({ email: "second-admin@bank.example", name: "Second", role: "admin" });
    const ok = await update({ id: admin.data.id, name: "Only", role: "reviewer", active: true });
    expect("data" in ok && ok.data.role).toBe("reviewer");
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, admin.data.id), eq(auditLog.action, "user.role_change")));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.before).toMatchObject({ role: "admin" });
  });

  it("issues tokens that identify their user until revoked or the user is deactivated", async () => {
    const user = await create({ email: "api@bank.example", name: "Api", role: "reviewer" });
    if (!("data" in user)) throw new Error("setup failed");
    const token = await t.db.transaction((tx) => issueToken(tx, CLI_ACTOR, { userId: user.data.id, name: "script" }));
    expect((await userForToken(t.db, token.token))?.user.email).toBe("api@bank.example");
    expect(await userForToken(t.db, token.token + "x")).toBeNull();

    await update({ id: user.data.id, name: "Api", role: "reviewer", active: false });
    expect(await userForToken(t.db, token.token)).toBeNull();
    await update({ id: user.data.id, name: "Api", role: "reviewer", active: true });
    await t.db.transaction((tx) => revokeToken(tx, CLI_ACTOR, { id: token.id }));
    expect(await userForToken(t.db, token.token)).toBeNull();
  });

  it("records a token's use at most once a minute, without a write on every request", async () => {
    const user = await create({ email: "api-use@bank.example", name: "Api use", role: "reviewer" });
    if (!("data" in user)) throw new Error("setup failed");
    const token = await t.db.transaction((tx) => issueToken(tx, CLI_ACTOR, { userId: user.data.id, name: "use" }));
    const lastUsed = async () =>
      (await t.db.select({ at: apiTokens.lastUsedAt }).from(apiTokens).where(eq(apiTokens.id, token.id)))[0]!.at;
    const start = Date.parse("2026-01-01T10:00:00Z");
    await noteTokenUse(t.db, token.id, user.data.id, start);
    expect((await lastUsed())?.toISOString()).toBe("2026-01-01T10:00:00.000Z");
    // Within the minute: nothing is written.
    expect(noteTokenUse(t.db, token.id, user.data.id, start + TOKEN_USE_INTERVAL_MS - 1)).toBeNull();
    expect((await lastUsed())?.toISOString()).toBe("2026-01-01T10:00:00.000Z");
    await noteTokenUse(t.db, token.id, user.data.id, start + TOKEN_USE_INTERVAL_MS + 1);
    expect((await lastUsed())?.toISOString()).toBe("2026-01-01T10:01:00.001Z");
  });
});
