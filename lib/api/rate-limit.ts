import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { apiRateLimits } from "@/db/schema";

// A token bucket per caller, kept in PostgreSQL so every instance draws from the same bucket.
export const API_CAPACITY = Number(process.env.API_RATE_LIMIT_PER_MINUTE ?? 600);

export type Take = { ok: true } | { ok: false; retryAfter: number };

/**
 * Takes one token from `key`'s bucket, refilled at `capacity` per minute. One upsert decides: the
 * update sees the row it locked, so concurrent requests on several instances cannot both take the last token.
 */
export async function takeToken(db: Db, key: string, capacity = API_CAPACITY): Promise<Take> {
  const perSecond = capacity / 60;
  const t = apiRateLimits;
  const refilled = sql`least(${capacity}::float8, ${t.tokens} + extract(epoch from (now() - ${t.updatedAt})) * ${perSecond}::float8)`;
  const [row] = await db
    .insert(t)
    .values({ key, tokens: capacity - 1, lastAllowed: true })
    .onConflictDoUpdate({
      target: t.key,
      set: {
        tokens: sql`case when ${refilled} >= 1 then ${refilled} - 1 else ${refilled} end`,
        lastAllowed: sql`${refilled} >= 1`,
        updatedAt: sql`now()`,
      },
    })
    .returning({ tokens: t.tokens, allowed: t.lastAllowed });
  if (!row || row.allowed) return { ok: true };
  return { ok: false, retryAfter: Math.max(1, Math.ceil((1 - row.tokens) / perSecond)) };
}

/** A token from the caller's address's bucket, for the public endpoints (no sign-in, so no user to count by). */
export async function takePublicToken(address: string): Promise<Take> {
  const { db } = await import("@/db");
  return takeToken(db, `public:${address}`);
}
