"use server";

import { db } from "@/db";
import { hostileInputError, type MutationResult } from "@/lib/auth/mutation";
import { can } from "@/lib/auth/roles";
import { actorOf, getCurrentUser } from "@/lib/auth/session";
import { fieldErrorsOf } from "@/lib/validation";
import { findForPalette, type PaletteHit } from "./queries";
import { paletteQuerySchema } from "./validations";

/** The command palette's lookup for the signed-in user: only what their role may read comes back. */
export async function findForPaletteAction(input: { text: string }): Promise<MutationResult<PaletteHit[]>> {
  const user = await getCurrentUser();
  if (!user) return { error: { code: "unauthenticated", message: "Sign in to continue" } };
  if (!can(user.role, "complaints:read") && !can(user.role, "remediation:read")) return { data: [] };
  const hostile = hostileInputError(input);
  if (hostile) return hostile;
  const parsed = paletteQuerySchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    return { error: { code: "invalid", message: "Some fields need attention", details: fieldErrors }, fieldErrors };
  }
  return { data: await findForPalette(db, actorOf(user), parsed.data.text) };
}
