import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { apiRateLimits } from "@/db/schema";

// A token bucket per caller. Each server instance answers from its own copy of the bucket, in memory, so
// no request waits on the database or writes to it (ten clients on one token used to queue on one locked
// row). At most once a second per caller, off the request, an instance adds what it took to the shared
// bucket in PostgreSQL and takes back the shared level, so several instances draw from one bucket within
// a second of each other.
export const API_CAPACITY = Number(process.env.API_RATE_LIMIT_PER_MINUTE ?? 600);
/** How often an instance settles a caller's bucket with the shared one. */
export const SYNC_INTERVAL_MS = 1_000;
const MAX_BUCKETS = 10_000;

export type Take = { ok: true } | { ok: false; retryAfter: number };

type Bucket = {
  /** Tokens left as this instance knows them, at `at`. */
  tokens: number;
  at: number;
  /** Taken here since the last settlement with the shared bucket. */
  taken: number;
  settledAt: number;
  settling: Promise<void> | null;
};

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly db: () => Promise<Db>,
    private readonly syncIntervalMs = SYNC_INTERVAL_MS,
  ) {}

  /** Takes one token from `key`'s bucket, refilled at `capacity` per minute; answers at once, from memory. */
  take(key: string, capacity = API_CAPACITY, now = Date.now()): Take {
    const perMs = capacity / 60_000;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= MAX_BUCKETS) this.forgetIdle(now);
      bucket = { tokens: capacity, at: now, taken: 0, settledAt: Number.NEGATIVE_INFINITY, settling: null };
      this.buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(capacity, bucket.tokens + Math.max(0, now - bucket.at) * perMs);
    bucket.at = now;
    const allowed = bucket.tokens >= 1;
    if (allowed) {
      bucket.tokens -= 1;
      bucket.taken += 1;
    }
    if (!bucket.settling && now - bucket.settledAt >= this.syncIntervalMs) {
      bucket.settling = this.settle(key, bucket, capacity, now);
    }
    if (allowed) return { ok: true };
    return { ok: false, retryAfter: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
  }

  /** Waits for the settlements in flight (tests; a graceful stop). */
  async flush(): Promise<void> {
    await Promise.all([...this.buckets.values()].map((b) => b.settling));
  }

  /**
   * Adds what this instance took to the shared bucket (refilled to the database's now) and adopts the shared
   * level, less what was taken here while the statement ran. A failure keeps the count for the next try: a
   * database that is away costs the limit its sharing, never a request.
   */
  private async settle(key: string, bucket: Bucket, capacity: number, now: number): Promise<void> {
    const taken = bucket.taken;
    bucket.taken = 0;
    bucket.settledAt = now;
    const perSecond = capacity / 60;
    const t = apiRateLimits;
    const refilled = sql`least(${capacity}::float8, ${t.tokens} + extract(epoch from (now() - ${t.updatedAt})) * ${perSecond}::float8)`;
    try {
      const db = await this.db();
      const [row] = await db
        .insert(t)
        .values({ key, tokens: Math.max(0, capacity - taken), lastAllowed: true })
        .onConflictDoUpdate({
          target: t.key,
          set: {
            tokens: sql`greatest(0::float8, ${refilled} - ${taken}::float8)`,
            lastAllowed: sql`${refilled} >= ${taken}::float8`,
            updatedAt: sql`now()`,
          },
        })
        .returning({ tokens: t.tokens });
      if (row) bucket.tokens = Math.min(bucket.tokens, row.tokens - bucket.taken);
    } catch (error) {
      bucket.taken += taken;
      console.warn("Could not settle a rate-limit bucket:", error instanceof Error ? error.message : error);
    } finally {
      bucket.settling = null;
    }
  }

  private forgetIdle(now: number) {
    for (const [key, bucket] of this.buckets) {
      if (!bucket.settling && bucket.taken === 0 && now - bucket.at > 60_000) this.buckets.delete(key);
    }
    if (this.buckets.size >= MAX_BUCKETS) this.buckets.clear();
  }
}

const limiter = new RateLimiter(async () => (await import("@/db")).db);

/** One token from a caller's bucket (`user:<id>`), answered from memory. */
export function takeToken(key: string, capacity = API_CAPACITY): Take {
  return limiter.take(key, capacity);
}

/** A token from the caller's address's bucket, for the public endpoints (no sign-in, so no user to count by). */
export function takePublicToken(address: string): Take {
  return limiter.take(`public:${address}`);
}
