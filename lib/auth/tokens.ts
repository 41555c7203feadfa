import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { apiTokens, users } from "@/db/schema";
import { recordTokenUse } from "@/lib/audit/auth-events";
import { first } from "@/lib/must";

const TOKEN_PREFIX = "czt_";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates a token for a user; the plain token is returned once and never stored. */
export async function createApiToken(db: Db, userId: string, name: string) {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const row = first(
    await db
      .insert(apiTokens)
      .values({ userId, name, tokenHash: hashToken(token), prefix: token.slice(0, 12) })
      .returning({ id: apiTokens.id, prefix: apiTokens.prefix, createdAt: apiTokens.createdAt }),
    "api token",
  );
  return { ...row, token };
}

/** The active user behind a bearer token, or null for an unknown, revoked or deactivated one. */
export async function userForToken(db: Db, token: string) {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const [row] = await db
    .select({ user: users, tokenId: apiTokens.id, prefix: apiTokens.prefix })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt), eq(users.active, true)));
  if (!row) return null;
  noteTokenUse(db, row.tokenId, row.user.id);
  return row;
}

/** How often a token's last use is written: a read must not write on every request. */
export const TOKEN_USE_INTERVAL_MS = 60_000;
const lastNoted = new Map<string, number>();

/**
 * Records a token's use at most once a minute per token, off the request: the request does not wait
 * for it, and a failure only loses a "last used" time. The condition in SQL keeps several server
 * instances to once a minute too (a row that does not match is not written).
 */
export function noteTokenUse(db: Db, tokenId: string, userId: string, now = Date.now()): Promise<void> | null {
  const last = lastNoted.get(tokenId);
  if (last !== undefined && now - last < TOKEN_USE_INTERVAL_MS) return null;
  lastNoted.set(tokenId, now);
  if (lastNoted.size > 10_000) lastNoted.clear();
  return recordTokenUse(db, tokenId, userId, new Date(now), TOKEN_USE_INTERVAL_MS).then(
    () => undefined,
    (error: unknown) => console.error("Could not record an API token's use", error),
  );
}
