"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/auth/action";
import { createUser, issueToken, resetPassword, revokeToken, updateUser } from "./service";
import {
  createTokenSchema,
  createUserSchema,
  resetPasswordSchema,
  revokeTokenSchema,
  updateUserSchema,
} from "./validations";

const done = <T>(value: T) => {
  revalidatePath("/admin/users");
  return value;
};

export const createUserAction = action(
  { permission: "admin:manage", schema: createUserSchema },
  async ({ tx, actor, input }) => done(await createUser(tx, actor, input)),
);

export const updateUserAction = action(
  { permission: "admin:manage", schema: updateUserSchema },
  async ({ tx, actor, input }) => done(await updateUser(tx, actor, input)),
);

export const resetPasswordAction = action(
  { permission: "admin:manage", schema: resetPasswordSchema },
  async ({ tx, actor, input }) => done(await resetPassword(tx, actor, input)),
);

export const createTokenAction = action(
  { permission: "admin:manage", schema: createTokenSchema },
  async ({ tx, actor, input }) => {
    const { token, prefix, id } = await issueToken(tx, actor, input);
    return done({ id, prefix, token });
  },
);

export const revokeTokenAction = action(
  { permission: "admin:manage", schema: revokeTokenSchema },
  async ({ tx, actor, input }) => done(await revokeToken(tx, actor, input)),
);
