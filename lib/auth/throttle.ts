import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { authThrottle } from "@/db/schema";

/**
 * Sign-in throttling, kept in PostgreSQL so all instances share it. Two counters, both tied to the
 * caller's address, so a stranger's failures never lock the owner out from where the owner signs in:
 * - the account *and* address pair: a few free tries, then an exponential wait (5 s, 10 s, … 15 min);
 * - the address alone: at most ADDRESS_FAILURE_LIMIT failures (wrong passwords, invalid API tokens)
 *   per window, then a 15-minute lock; this stops one address trying many accounts.
 */
export type ThrottlePolicy = { windowMs: number; lockMs: (failures: number) => number | null };

export const PAIR_FREE_FAILURES = 3;
export const PAIR_FIRST_WAIT_MS = 5_000;
export const MAX_WAIT_MS = 15 * 60 * 1000;
export const ADDRESS_FAILURE_LIMIT = 30;

export const PAIR_POLICY: ThrottlePolicy = {
  windowMs: 24 * 60 * 60 * 1000,
  lockMs: (n) =>
    n < PAIR_FREE_FAILURES ? null : Math.min(MAX_WAIT_MS, PAIR_FIRST_WAIT_MS * 2 ** (n - PAIR_FREE_FAILURES)),
};

export const ADDRESS_POLICY: ThrottlePolicy = {
  windowMs: 15 * 60 * 1000,
  lockMs: (n) => (n < ADDRESS_FAILURE_LIMIT ? null : MAX_WAIT_MS),
};

export const pairKey = (email: string, address: string) => `pair:${email.trim().toLowerCase()}|${address}`;
export const addressKey = (address: string) => `address:${address}`;

/** When any of the keys is locked, the time it unlocks; otherwise null. */
export async function lockedUntil(db: Db, keys: string[], now = new Date()): Promise<Date | null> {
  if (keys.length === 0) return null;
  const rows = await db.select().from(authThrottle).where(inArray(authThrottle.key, keys));
  let until: Date | null = null;
  for (const row of rows) {
    if (row.lockedUntil && row.lockedUntil > now && (!until || row.lockedUntil > until)) until = row.lockedUntil;
  }
  return until;
}

/** Seconds until `until`, at least 1: the Retry-After of a refused attempt. */
export const retryAfterSeconds = (until: Date, now = new Date()) =>
  Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));

/** Counts a failure on `key`; past the policy's free tries the key is locked for the policy's wait. */
export async function recordFailure(db: Db, key: string, policy: ThrottlePolicy, now = new Date()): Promise<void> {
  // Raw SQL parameters go as ISO strings: the drivers differ in how they bind a Date.
  const windowStart = new Date(now.getTime() - policy.windowMs).toISOString();
  const at = now.toISOString();
  const stale = sql`${authThrottle.windowStartedAt} < ${windowStart}::timestamptz`;
  const [row] = await db
    .insert(authThrottle)
    .values({ key, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: authThrottle.key,
      set: {
        failures: sql`case when ${stale} then 1 else ${authThrottle.failures} + 1 end`,
        windowStartedAt: sql`case when ${stale} then ${at}::timestamptz else ${authThrottle.windowStartedAt} end`,
      },
    })
    .returning({ failures: authThrottle.failures });
  const wait = row ? policy.lockMs(row.failures) : null;
  if (wait === null) return;
  const until = new Date(now.getTime() + wait).toISOString();
  await db
    .update(authThrottle)
    .set({
      lockedUntil: sql`greatest(coalesce(${authThrottle.lockedUntil}, ${until}::timestamptz), ${until}::timestamptz)`,
    })
    .where(eq(authThrottle.key, key));
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.delete(authThrottle).where(eq(authThrottle.key, key));
}

/** Until when a password sign-in for this e-mail from this address must wait (the pair's lock or the address's), if at all. */
export async function signInLockedUntil(email: string, address: string): Promise<Date | null> {
  const { db } = await import("@/db");
  return lockedUntil(db, [pairKey(email, address), addressKey(address)]);
}
