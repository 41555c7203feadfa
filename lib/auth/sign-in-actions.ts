"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn, signOut } from "./config";

export type SignInState = { error?: string; email?: string } | undefined;

const GENERIC = "The e-mail address or password is not right.";
const THROTTLED = "Too many failed attempts. Wait 15 minutes and try again, or ask an admin to reset your password.";

const redirectSchema = z
  .string()
  .regex(/^\/(?!\/)[^\s]*$/)
  .catch("/");

/** Signs in with e-mail and password; every wrong combination gets the same message. */
export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get("email") ?? "").trim();
  const password = String(formData.get("password") ?? "");
  const redirectTo = redirectSchema.parse(formData.get("callbackUrl") ?? "/");
  if (!email || !password) return { error: GENERIC, email };
  try {
    await signIn("credentials", { email, password, redirectTo });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      return { error: code === "throttled" ? THROTTLED : GENERIC, email };
    }
    throw error;
  }
  return undefined;
}

export async function signInWithOidcAction(formData: FormData) {
  await signIn("oidc", { redirectTo: redirectSchema.parse(formData.get("callbackUrl") ?? "/") });
}

export async function signOutAction() {
  await signOut({ redirectTo: "/sign-in" });
}
