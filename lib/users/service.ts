import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { apiTokens, users } from "@/db/schema";
import { writeAudit } from "@/lib/audit/log";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { createApiToken } from "@/lib/auth/tokens";
import type { Role } from "@/lib/domain/values";
import { notFound } from "@/lib/errors";
import { refuse } from "@/lib/i18n/say";
import { first } from "@/lib/must";

type Conn = Db | Tx;

const publicFields = { id: users.id, email: users.email, name: users.name, role: users.role, active: users.active };

export async function createUser(
  tx: Conn,
  actor: Actor,
  input: { email: string; name: string; role: Role; password?: string },
) {
  const [existing] = await tx
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${input.email.toLowerCase()}`);
  if (existing) throw refuse("invalid", "adminRules.users.emailTaken", { email: "adminRules.users.emailTaken" });
  const user = first(
    await tx
      .insert(users)
      .values({
        email: input.email.toLowerCase(),
        name: input.name,
        role: input.role,
        passwordHash: input.password ? await hashPassword(input.password) : null,
      })
      .returning(publicFields),
    "inserted users",
  );
  await writeAudit(tx, actor, { action: "user.create", entityType: "user", entityId: user.id, after: user });
  return user;
}

/** Refuses a change that would leave no active admin, so nobody can lock the bank out of its own tool. */
async function assertAdminRemains(tx: Conn, userId: string) {
  const { n } = first(
    await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .where(and(eq(users.role, "admin"), eq(users.active, true), ne(users.id, userId))),
    "count",
  );
  if (n === 0)
    throw refuse("invalid", "adminRules.users.adminMustRemain", { role: "adminRules.users.adminMustRemain" });
}

export async function updateUser(
  tx: Conn,
  actor: Actor,
  input: { id: string; name: string; role: Role; active: boolean },
) {
  const [before] = await tx.select(publicFields).from(users).where(eq(users.id, input.id)).for("update");
  if (!before) throw notFound("adminRules.notFound.user");
  if (before.role === "admin" && before.active && (input.role !== "admin" || !input.active)) {
    await assertAdminRemains(tx, input.id);
  }
  const after = first(
    await tx
      .update(users)
      .set({ name: input.name, role: input.role, active: input.active, updatedAt: new Date() })
      .where(eq(users.id, input.id))
      .returning(publicFields),
    "updated users",
  );
  const action =
    before.role !== after.role
      ? "user.role_change"
      : before.active !== after.active
        ? after.active
          ? "user.activate"
          : "user.deactivate"
        : "user.update";
  await writeAudit(tx, actor, { action, entityType: "user", entityId: after.id, before, after });
  return after;
}

export async function resetPassword(tx: Conn, actor: Actor, input: { id: string; password: string }) {
  const [user] = await tx
    .update(users)
    .set({ passwordHash: await hashPassword(input.password), updatedAt: new Date() })
    .where(eq(users.id, input.id))
    .returning({ id: users.id });
  if (!user) throw notFound("adminRules.notFound.user");
  await writeAudit(tx, actor, { action: "user.password_reset", entityType: "user", entityId: user.id });
  return { id: user.id };
}

export async function issueToken(tx: Conn, actor: Actor, input: { userId: string; name: string }) {
  const [user] = await tx.select({ id: users.id, active: users.active }).from(users).where(eq(users.id, input.userId));
  if (!user) throw notFound("adminRules.notFound.user");
  if (!user.active)
    throw refuse("invalid", "adminRules.users.userDeactivated", { userId: "adminRules.users.userDeactivated" });
  const created = await createApiToken(tx as Db, input.userId, input.name);
  await writeAudit(tx, actor, {
    action: "token.create",
    entityType: "api_token",
    entityId: created.id,
    after: { userId: input.userId, name: input.name, prefix: created.prefix },
  });
  return created;
}

export async function revokeToken(tx: Conn, actor: Actor, input: { id: string }) {
  const [token] = await tx
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, input.id), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id, prefix: apiTokens.prefix, userId: apiTokens.userId });
  if (!token) throw notFound("adminRules.notFound.activeToken");
  await writeAudit(tx, actor, { action: "token.revoke", entityType: "api_token", entityId: token.id, before: token });
  return token;
}
