import { z } from "zod";
import { ROLES } from "@/lib/domain/values";
import { rule } from "@/lib/i18n/say";

export const MIN_PASSWORD_LENGTH = 10;

const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, rule(["adminRules.users.passwordTooShort", { min: MIN_PASSWORD_LENGTH }]))
  .max(200);

export const createUserSchema = z.object({
  email: z.string().trim().toLowerCase().email(rule("adminRules.users.emailInvalid")),
  name: z.string().trim().min(1, rule("adminRules.users.nameMissing")).max(120),
  role: z.enum(ROLES, rule("adminRules.users.roleMissing")),
  // Without a password the user can only sign in through single sign-on.
  password: password.optional().or(z.literal("").transform(() => undefined)),
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export const updateUserSchema = z.object({
  id: z.string().uuid(),
  name: z.string().trim().min(1, rule("adminRules.users.nameMissing")).max(120),
  role: z.enum(ROLES, rule("adminRules.users.roleMissing")),
  active: z.boolean(),
});
export type UpdateUserInput = z.input<typeof updateUserSchema>;

export const resetPasswordSchema = z.object({ id: z.string().uuid(), password });
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;

export const createTokenSchema = z.object({
  userId: z.string().uuid(),
  name: z.string().trim().min(1, rule("adminRules.users.tokenNameMissing")).max(80),
});

export const revokeTokenSchema = z.object({ id: z.string().uuid() });
