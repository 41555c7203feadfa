import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { authThrottle } from "@/db/schema";

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const THROTTLE_LOCK_MS = 15 * 60 * 1000;
export const ACCOUNT_FAILURE_LIMIT = 5;
export const ADDRESS_FAILURE_LIMIT = 20;

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const addressKey = (address: string) => `address:${address}`;

/** When any of the keys is locked, the time it unlocks; otherwise null. */
export async function lockedUntil(db: Db, keys: string[], now = new Date()): Promise<Date | null> {
  let until: Date | null = null;
  for (const key of keys) {
    const [row] = await db.select().from(authThrottle).where(eq(authThrottle.key, key));
    if (row?.lockedUntil && row.lockedUntil > now && (!until || row.lockedUntil > until)) {
      until = row.lockedUntil;
    }
  }
  return until;
}

/** Counts a failure per key; a key that passes its limit within the window is locked. */
export async function recordFailure(db: Db, key: string, limit: number, now = new Date()): Promise<void> {
  // Raw SQL parameters go as ISO strings: the drivers differ in how they bind a Date.
  const windowStart = new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString();
  const lock = new Date(now.getTime() + THROTTLE_LOCK_MS).toISOString();
  const at = now.toISOString();
  await db
    .insert(authThrottle)
    .values({ key, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: authThrottle.key,
      set: {
        failures: sql`case when ${authThrottle.windowStartedAt} < ${windowStart}::timestamptz then 1 else ${authThrottle.failures} + 1 end`,
        windowStartedAt: sql`case when ${authThrottle.windowStartedAt} < ${windowStart}::timestamptz then ${at}::timestamptz else ${authThrottle.windowStartedAt} end`,
        lockedUntil: sql`case when ${authThrottle.windowStartedAt} >= ${windowStart}::timestamptz and ${authThrottle.failures} + 1 >= ${limit} then ${lock}::timestamptz else ${authThrottle.lockedUntil} end`,
      },
    });
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.delete(authThrottle).where(eq(authThrottle.key, key));
}
