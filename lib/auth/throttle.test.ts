import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import {
  ADDRESS_FAILURE_LIMIT,
  ADDRESS_POLICY,
  addressKey,
  clearFailures,
  lockedUntil,
  MAX_WAIT_MS,
  PAIR_FIRST_WAIT_MS,
  PAIR_FREE_FAILURES,
  PAIR_POLICY,
  pairKey,
  recordFailure,
  retryAfterSeconds,
} from "./throttle";

let t: TestDatabase;
beforeAll(async () => {
  t = await useTestDatabase();
});
afterAll(() => t.drop());

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 10) + seconds * 1000);

describe("sign-in throttling", () => {
  it("gives a pair a few free tries, then waits that double", async () => {
    const key = pairKey("A@x.test", "198.51.100.1");
    for (let i = 0; i < PAIR_FREE_FAILURES - 1; i++) await recordFailure(t.db, key, PAIR_POLICY, at(0));
    expect(await lockedUntil(t.db, [key], at(0))).toBeNull();
    await recordFailure(t.db, key, PAIR_POLICY, at(0));
    const first = await lockedUntil(t.db, [key], at(0));
    expect(first && retryAfterSeconds(first, at(0))).toBe(PAIR_FIRST_WAIT_MS / 1000);
    await recordFailure(t.db, key, PAIR_POLICY, at(10));
    const second = await lockedUntil(t.db, [key], at(10));
    expect(second && retryAfterSeconds(second, at(10))).toBe((2 * PAIR_FIRST_WAIT_MS) / 1000);
    for (let i = 0; i < 20; i++) await recordFailure(t.db, key, PAIR_POLICY, at(20));
    const capped = await lockedUntil(t.db, [key], at(20));
    expect(capped && retryAfterSeconds(capped, at(20))).toBe(MAX_WAIT_MS / 1000);
  });

  it("never locks the same account from an address that did not fail", async () => {
    for (let i = 0; i < 50; i++) await recordFailure(t.db, pairKey("owner@x.test", "203.0.113.66"), PAIR_POLICY, at(0));
    expect(
      await lockedUntil(t.db, [pairKey("owner@x.test", "192.0.2.10"), addressKey("192.0.2.10")], at(0)),
    ).toBeNull();
  });

  it("locks an address past its limit within the window, and counts afresh after it", async () => {
    const key = addressKey("198.51.100.2");
    for (let i = 0; i < ADDRESS_FAILURE_LIMIT - 1; i++) await recordFailure(t.db, key, ADDRESS_POLICY, at(0));
    expect(await lockedUntil(t.db, [key], at(0))).toBeNull();
    const later = at(ADDRESS_POLICY.windowMs / 1000 + 1);
    await recordFailure(t.db, key, ADDRESS_POLICY, later);
    expect(await lockedUntil(t.db, [key], later)).toBeNull();
    for (let i = 0; i < ADDRESS_FAILURE_LIMIT; i++) await recordFailure(t.db, key, ADDRESS_POLICY, later);
    expect(await lockedUntil(t.db, [key], later)).not.toBeNull();
  });

  it("clears a pair after a successful sign-in", async () => {
    const key = pairKey("c@x.test", "198.51.100.3");
    for (let i = 0; i < 5; i++) await recordFailure(t.db, key, PAIR_POLICY, at(0));
    await clearFailures(t.db, key);
    expect(await lockedUntil(t.db, [key], at(0))).toBeNull();
  });
});
