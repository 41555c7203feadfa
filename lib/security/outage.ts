/**
 * Whether an error means the database did not answer (down, restarting, unreachable, too slow), as
 * opposed to refusing a statement. Such requests answer 503 with Retry-After rather than 500, and the
 * pool reconnects by itself when the database is back.
 */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  // postgres.js's own codes
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
]);

// SQLSTATE classes 08 (connection exception), 53 (insufficient resources), 57P (operator intervention:
// shutdown, cannot connect now), and 57014 (statement timeout or cancel).
const UNAVAILABLE_SQLSTATE = /^(08...|53...|57P0[1-4]|57014)$/;

export const RETRY_AFTER_SECONDS = 5;

export function isUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let e = error as { code?: unknown; cause?: unknown; errors?: unknown } | null; e && !seen.has(e); ) {
    seen.add(e);
    if (typeof e.code === "string" && (NETWORK_CODES.has(e.code) || UNAVAILABLE_SQLSTATE.test(e.code))) return true;
    if (Array.isArray(e.errors) && e.errors.some((inner) => isUnavailable(inner))) return true;
    e = (e.cause ?? null) as typeof e;
  }
  return false;
}
