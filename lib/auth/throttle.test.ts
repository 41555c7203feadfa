import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { ACCOUNT_FAILURE_LIMIT, clearFailures, lockedUntil, recordFailure, THROTTLE_WINDOW_MS } from "./throttle";

let t: TestDatabase;
beforeAll(async () => {
  t = await useTestDatabase();
});
afterAll(() => t.drop());

describe("sign-in throttling", () => {
  it("locks a key once it reaches its failure limit within the window", async () => {
    const now = new Date("2026-01-01T10:00:00Z");
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT - 1; i++)
      await recordFailure(t.db, "account:a@x.test", ACCOUNT_FAILURE_LIMIT, now);
    expect(await lockedUntil(t.db, ["account:a@x.test"], now)).toBeNull();
    await recordFailure(t.db, "account:a@x.test", ACCOUNT_FAILURE_LIMIT, now);
    expect(await lockedUntil(t.db, ["account:a@x.test"], now)).not.toBeNull();
  });

  it("starts counting again after the window has passed", async () => {
    const start = new Date("2026-01-01T10:00:00Z");
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT - 1; i++)
      await recordFailure(t.db, "account:b@x.test", ACCOUNT_FAILURE_LIMIT, start);
    const later = new Date(start.getTime() + THROTTLE_WINDOW_MS + 1000);
    await recordFailure(t.db, "account:b@x.test", ACCOUNT_FAILURE_LIMIT, later);
    expect(await lockedUntil(t.db, ["account:b@x.test"], later)).toBeNull();
  });

  it("clears a key after a successful sign-in", async () => {
    const now = new Date();
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++)
      await recordFailure(t.db, "account:c@x.test", ACCOUNT_FAILURE_LIMIT, now);
    await clearFailures(t.db, "account:c@x.test");
    expect(await lockedUntil(t.db, ["account:c@x.test"], now)).toBeNull();
  });
});
