import { eq, sql } from "drizzle-orm";
import type { Session } from "next-auth";
import type { Db } from "@/db";
import { users } from "@/db/schema";

/** The session as `auth()` returns it here: with the user's session version from the cookie (null for old cookies). */
export type SessionWithVersion = Session & { sessionVersion?: number | null };

/**
 * Ends every session of a user at once. Sign-out calls it; a password reset, a role change and
 * deactivation bump the same counter in the database itself (migration 0015's trigger).
 */
export async function endSessions(db: Db, userId: string): Promise<void> {
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
}
