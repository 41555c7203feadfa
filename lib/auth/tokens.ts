import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { apiTokens, users } from "@/db/schema";
import { recordTokenUse } from "@/lib/audit/auth-events";

const TOKEN_PREFIX = "czt_";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates a token for a user; the plain token is returned once and never stored. */
export async function createApiToken(db: Db, userId: string, name: string) {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const [row] = await db
    .insert(apiTokens)
    .values({ userId, name, tokenHash: hashToken(token), prefix: token.slice(0, 12) })
    .returning({ id: apiTokens.id, prefix: apiTokens.prefix, createdAt: apiTokens.createdAt });
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
  await recordTokenUse(db, row.tokenId, row.user.id);
  return row;
}
