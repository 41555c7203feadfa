import "server-only";
import { and, eq } from "drizzle-orm";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/db";
import { users } from "@/db/schema";
import type { Role } from "@/lib/domain/values";
import type { Locale } from "@/lib/i18n/locales";
import type { Actor } from "./actor";
import { auth } from "./config";
import { can, type Permission } from "./roles";
import type { SessionWithVersion } from "./session-version";

export type SessionUser = { id: string; email: string; name: string; role: Role };

/**
 * The signed-in user, re-read from the database on every request so role changes and deactivation apply
 * at once; a cookie whose session version is not the user's current one (signed out, password reset,
 * role changed, deactivated) is no session at all.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await auth()) as SessionWithVersion | null;
  const id = session?.user?.id;
  const version = session?.sessionVersion;
  if (!id || typeof version !== "number") return null;
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.id, id), eq(users.active, true), eq(users.sessionVersion, version)));
  return user ?? null;
});

/** For pages: sends signed-out visitors to sign in and answers 403 to those without the permission. */
export async function requireUser(permission?: Permission): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  if (permission && !can(user.role, permission)) forbidden();
  return user;
}

/** The signed-in user as an actor; `locale` is the language they read answers in (English if not given). */
export function actorOf(user: SessionUser, label = "web", locale?: Locale): Actor {
  return { userId: user.id, role: user.role, name: user.name, email: user.email, label, ...(locale ? { locale } : {}) };
}
