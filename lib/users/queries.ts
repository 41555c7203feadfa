// No `server-only` here: the command line reaches it through the operations it runs.
import { asc, desc } from "drizzle-orm";
import { db } from "@/db";
import { apiTokens, users } from "@/db/schema";

export async function getUsersWithTokens() {
  const [userRows, tokenRows] = await Promise.all([
    db
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        active: users.active,
        lastSignInAt: users.lastSignInAt,
        hasPassword: users.passwordHash,
      })
      .from(users)
      .orderBy(asc(users.name)),
    db
      .select({
        id: apiTokens.id,
        userId: apiTokens.userId,
        name: apiTokens.name,
        prefix: apiTokens.prefix,
        createdAt: apiTokens.createdAt,
        lastUsedAt: apiTokens.lastUsedAt,
        revokedAt: apiTokens.revokedAt,
      })
      .from(apiTokens)
      .orderBy(desc(apiTokens.createdAt)),
  ]);
  return userRows.map(({ hasPassword, ...user }) => ({
    ...user,
    hasPassword: Boolean(hasPassword),
    tokens: tokenRows.filter((t) => t.userId === user.id),
  }));
}

export type UserRow = Awaited<ReturnType<typeof getUsersWithTokens>>[number];
