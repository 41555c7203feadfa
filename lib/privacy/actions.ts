"use server";

import { revalidatePath } from "next/cache";
import { mutationAction, revalidatePaths } from "@/lib/auth/action";
import { hostileInputError, type MutationResult, mutationErrorOf } from "@/lib/auth/mutation";
import { can } from "@/lib/auth/roles";
import { actorOf, getCurrentUser } from "@/lib/auth/session";
import { fieldErrorsOf } from "@/lib/validation";
import { type CustomerErasure, eraseCustomer } from "./customer-erasure";
import { deleteRetentionRule, eraseComplaint, type RetentionRun, runRetention, saveRetentionRule } from "./retention";
import { type CustomerErasureInput, retentionRunSchema } from "./validations";

export const saveRetentionRuleAction = mutationAction(saveRetentionRule, () => revalidatePaths(["/admin/retention"]));

export const deleteRetentionRuleAction = mutationAction(deleteRetentionRule, () =>
  revalidatePaths(["/admin/retention"]),
);

export const eraseComplaintAction = mutationAction(eraseComplaint, (input) =>
  revalidatePaths([`/complaints/${input.id}`, "/complaints"]),
);

/**
 * Runs the rules now. Not through the mutation road's single transaction: the run commits batch by
 * batch on its own (so a long run keeps what it erased), and writes its own audit entry.
 */
export async function runRetentionAction(input: { dryRun: boolean }): Promise<MutationResult<RetentionRun>> {
  const user = await getCurrentUser();
  if (!user) return { error: { code: "unauthenticated", message: "Sign in to continue" } };
  if (!can(user.role, "admin:manage"))
    return { error: { code: "forbidden", message: "You do not have permission to do this" } };
  const hostile = hostileInputError(input);
  if (hostile) return hostile;
  const parsed = retentionRunSchema.safeParse(input);
  if (!parsed.success)
    return { error: { code: "invalid", message: "Invalid request" }, fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    const run = await runRetention(actorOf(user), parsed.data);
    revalidatePath("/admin/retention");
    return { data: run };
  } catch (error) {
    return mutationErrorOf(error);
  }
}

/** The admin page's erasure: as the signed-in admin, through the same code as the API and the CLI. */
export async function eraseCustomerAction(input: CustomerErasureInput): Promise<MutationResult<CustomerErasure>> {
  const user = await getCurrentUser();
  if (!user) return { error: { code: "unauthenticated", message: "Sign in to continue" } };
  const hostile = hostileInputError(input);
  if (hostile) return hostile;
  try {
    const run = await eraseCustomer(actorOf(user), input);
    revalidatePath("/admin/privacy");
    return { data: run };
  } catch (error) {
    return mutationErrorOf(error);
  }
}
