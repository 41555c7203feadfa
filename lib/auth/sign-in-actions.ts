"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { hostileProblem } from "@/lib/security/hostile";
import { isUnavailable } from "@/lib/security/outage";
import { signIn, signOut } from "./config";

/** Why signing in failed, as a key of the sign-in messages: the form says it in the reader's language. */
export type SignInProblem = "generic" | "throttled" | "unavailable" | "notRegistered";
export type SignInState = { error?: SignInProblem; email?: string } | undefined;

const GENERIC = "generic";
const THROTTLED = "throttled";
const UNAVAILABLE = "unavailable";

const redirectSchema = z
  .string()
  .regex(/^\/(?!\/)[^\s]*$/)
  .catch("/");

/** Signs in with e-mail and password; every wrong combination gets the same message. */
export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  // A hand-made request can send anything as the "form": only real form data is read.
  if (!(formData instanceof FormData)) return { error: GENERIC };
  const hostile = hostileProblem(formData);
  if (hostile) return { error: GENERIC };
  const email = String(formData.get("email") ?? "").trim();
  const password = String(formData.get("password") ?? "");
  const redirectTo = redirectSchema.parse(formData.get("callbackUrl") ?? "/");
  if (!email || !password) return { error: GENERIC, email };
  try {
    await signIn("credentials", { email, password, redirectTo });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      const message: SignInProblem = code === "throttled" ? THROTTLED : code === "unavailable" ? UNAVAILABLE : GENERIC;
      return { error: message, email };
    }
    if (isUnavailable(error)) return { error: UNAVAILABLE, email };
    throw error;
  }
  return undefined;
}

export async function signInWithOidcAction(formData: FormData) {
  const callbackUrl = formData instanceof FormData ? formData.get("callbackUrl") : null;
  await signIn("oidc", { redirectTo: redirectSchema.parse(callbackUrl ?? "/") });
}

export async function signOutAction() {
  await signOut({ redirectTo: "/sign-in" });
}
