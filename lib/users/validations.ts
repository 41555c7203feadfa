import { z } from "zod";
import { ROLES } from "@/lib/domain/values";

export const MIN_PASSWORD_LENGTH = 10;

const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `At least ${MIN_PASSWORD_LENGTH} characters`)
  .max(200, "At most 200 characters");

export const createUserSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid e-mail address"),
  name: z.string().trim().min(1, "Enter a name").max(120, "At most 120 characters"),
  role: z.enum(ROLES, { message: "Choose a role" }),
  // Without a password the user can only sign in through single sign-on.
  password: password.optional().or(z.literal("").transform(() => undefined)),
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export const updateUserSchema = z.object({
  id: z.string().uuid(),
  name: z.string().trim().min(1, "Enter a name").max(120, "At most 120 characters"),
  role: z.enum(ROLES, { message: "Choose a role" }),
  active: z.boolean(),
});
export type UpdateUserInput = z.input<typeof updateUserSchema>;

export const resetPasswordSchema = z.object({ id: z.string().uuid(), password });
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;

export const createTokenSchema = z.object({
  userId: z.string().uuid(),
  name: z.string().trim().min(1, "Name the token after what uses it").max(80, "At most 80 characters"),
});

export const revokeTokenSchema = z.object({ id: z.string().uuid() });
