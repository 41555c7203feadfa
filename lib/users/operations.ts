import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import { refuse, rule } from "@/lib/i18n/say";
import { defineOperation, defineRead } from "@/lib/operations";
import { getUsersWithTokens } from "./queries";
import { createUser, issueToken, resetPassword, revokeToken, updateUser } from "./service";
import {
  createTokenSchema,
  createUserSchema,
  resetPasswordSchema,
  revokeTokenSchema,
  updateUserSchema,
} from "./validations";

// Users, roles and tokens are an admin's alone.

export const createUserAccount = defineOperation({
  name: "users.createUserAccount",
  permission: "admin:manage",
  input: createUserSchema,
  work: ({ tx, actor, input }) => createUser(tx, actor, input),
});

export const updateUserAccount = defineOperation({
  name: "users.updateUserAccount",
  permission: "admin:manage",
  input: updateUserSchema,
  work: ({ tx, actor, input }) => updateUser(tx, actor, input),
});

export const resetUserPassword = defineOperation({
  name: "users.resetUserPassword",
  permission: "admin:manage",
  input: resetPasswordSchema,
  work: ({ tx, actor, input }) => resetPassword(tx, actor, input),
});

/** A new API token; its secret is in the answer once and never stored. */
export const createApiToken = defineOperation({
  name: "users.createApiToken",
  permission: "admin:manage",
  input: createTokenSchema,
  work: async ({ tx, actor, input }) => {
    const { token, prefix, id } = await issueToken(tx, actor, input);
    return { id, prefix, token };
  },
});

/** The same, for the user with this e-mail (the command line knows people by their address). */
export const createApiTokenForEmail = defineOperation({
  name: "users.createApiTokenForEmail",
  permission: "admin:manage",
  input: z.object({
    email: z.string().trim().toLowerCase().min(1, rule("adminRules.users.emailMissing")),
    name: createTokenSchema.shape.name,
  }),
  work: async ({ tx, actor, input }) => {
    const [user] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.email})`, input.email));
    if (!user) throw refuse("not_found", ["adminRules.users.noUserWithEmail", { email: input.email }]);
    const { token, prefix, id } = await issueToken(tx, actor, { userId: user.id, name: input.name });
    return { id, prefix, token };
  },
});

export const revokeApiToken = defineOperation({
  name: "users.revokeApiToken",
  permission: "admin:manage",
  input: revokeTokenSchema,
  work: ({ tx, actor, input }) => revokeToken(tx, actor, input),
});

export type { UserRow } from "./queries";

/** Every account with its API tokens (never their secrets), for the users page. */
export const readUsers = defineRead({
  name: "users.readUsers",
  permission: "admin:manage",
  input: z.object({}),
  read: () => getUsersWithTokens(),
});
