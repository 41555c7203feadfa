import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { apiTokens, auditLog } from "@/db/schema";
import { writeAudit } from "./log";

/** A failed password sign-in: the e-mail as typed and the client's address, so an admin can see attempts. */
export async function recordFailedSignIn(db: Db, email: string, address: string | null) {
  // No one is signed in: the entry names the door ("web"), not a user.
  await db.insert(auditLog).values({
    actorLabel: "web",
    action: "sign_in_failed",
    entityType: "user",
    meta: { email: email.slice(0, 320), address },
  });
}

/**
 * Marks a token used at `now`; its first use of each (UTC) day is audited. The day test and the update are
 * one statement, so two requests at midnight write one entry. Other uses are written only when the last
 * recorded one is older than `interval`, so several instances together write at most that often.
 */
export async function recordTokenUse(db: Db, tokenId: string, userId: string, now = new Date(), interval = 0) {
  const first = await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiTokens.id, tokenId),
        or(
          isNull(apiTokens.lastUsedAt),
          lt(
            apiTokens.lastUsedAt,
            sql`date_trunc('day', ${now.toISOString()}::timestamptz at time zone 'UTC') at time zone 'UTC'`,
          ),
        ),
      ),
    )
    .returning({ id: apiTokens.id });
  if (first.length) {
    await writeAudit(db, null, {
      action: "token.first_use_today",
      entityType: "api_token",
      entityId: tokenId,
      meta: { userId },
    });
    return;
  }
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiTokens.id, tokenId),
        lt(apiTokens.lastUsedAt, sql`${new Date(now.getTime() - interval).toISOString()}::timestamptz`),
      ),
    );
}
