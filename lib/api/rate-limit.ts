// A per-instance token bucket: enough to stop a runaway script without shared state.
const CAPACITY = Number(process.env.API_RATE_LIMIT_PER_MINUTE ?? 600);
const REFILL_PER_MS = CAPACITY / 60_000;

const buckets = new Map<string, { tokens: number; at: number }>();

export function takeToken(key: string, now = Date.now()): { ok: true } | { ok: false; retryAfter: number } {
  const bucket = buckets.get(key) ?? { tokens: CAPACITY, at: now };
  bucket.tokens = Math.min(CAPACITY, bucket.tokens + (now - bucket.at) * REFILL_PER_MS);
  bucket.at = now;
  buckets.set(key, bucket);
  if (bucket.tokens < 1) return { ok: false, retryAfter: Math.ceil((1 - bucket.tokens) / REFILL_PER_MS / 1000) };
  bucket.tokens -= 1;
  return { ok: true };
}
