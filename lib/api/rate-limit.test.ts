import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { apiRateLimits } from "@/db/schema";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { RateLimiter } from "./rate-limit";

let t: TestDatabase;
beforeAll(async () => {
  t = await useTestDatabase();
});
afterAll(() => t.drop());

const T0 = Date.UTC(2026, 0, 1, 10);
const takeMany = (limiter: RateLimiter, key: string, n: number, capacity: number, now: number) =>
  Array.from({ length: n }, () => limiter.take(key, capacity, now));

describe("the API's rate limit", () => {
  it("lets a caller take its capacity per minute, refuses the next with a Retry-After, and refills", async () => {
    const limiter = new RateLimiter(async () => t.db);
    const answers = takeMany(limiter, "user:a", 60, 60, T0);
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(limiter.take("user:a", 60, T0)).toEqual({ ok: false, retryAfter: 1 });
    // One a second comes back.
    expect(limiter.take("user:a", 60, T0 + 1_000).ok).toBe(true);
    expect(limiter.take("user:a", 60, T0 + 1_000).ok).toBe(false);
    // Other callers have their own buckets.
    expect(limiter.take("user:b", 60, T0).ok).toBe(true);
    await limiter.flush();
  });

  it("answers without waiting for the database, and keeps answering when it is away", async () => {
    let calls = 0;
    const away = new RateLimiter(async () => {
      calls++;
      throw new Error("connect ECONNREFUSED");
    });
    const answer = away.take("user:c", 60, T0);
    // A plain value, not a promise: no request waits on a write.
    expect(answer).toEqual({ ok: true });
    await away.flush();
    expect(calls).toBe(1);
    expect(takeMany(away, "user:c", 59, 60, T0).every((a) => a.ok)).toBe(true);
    expect(away.take("user:c", 60, T0).ok).toBe(false);
    await away.flush();
  });

  it("settles with the shared bucket at most once a second per caller", async () => {
    let settlements = 0;
    const counting = new RateLimiter(async () => {
      settlements++;
      return t.db;
    });
    takeMany(counting, "user:d", 30, 600, T0);
    await counting.flush();
    takeMany(counting, "user:d", 30, 600, T0 + 500);
    await counting.flush();
    expect(settlements).toBe(1);
    counting.take("user:d", 600, T0 + 1_000);
    await counting.flush();
    expect(settlements).toBe(2);
    // Both settlements together carried all 61 requests to the database.
    const [row] = await t.db.select().from(apiRateLimits).where(eq(apiRateLimits.key, "user:d"));
    expect(600 - (row?.tokens ?? 600)).toBeGreaterThanOrEqual(61 - 1);
  });

  it("draws two server instances from one bucket once they have settled", async () => {
    const db = async (): Promise<Db> => t.db;
    const first = new RateLimiter(db);
    const second = new RateLimiter(db);
    // The first instance spends 50 of 60; the database hears of it on the next settlement.
    first.take("user:e", 60, T0);
    await first.flush();
    takeMany(first, "user:e", 49, 60, T0 + 100);
    first.take("user:e", 60, T0 + 1_100);
    await first.flush();
    // The second instance starts full, settles on its first request and adopts the shared level.
    expect(second.take("user:e", 60, T0 + 1_200).ok).toBe(true);
    await second.flush();
    const allowed = takeMany(second, "user:e", 60, 60, T0 + 1_200).filter((a) => a.ok).length;
    expect(allowed).toBeLessThanOrEqual(12);
    expect(allowed).toBeGreaterThanOrEqual(5);
  });
});
