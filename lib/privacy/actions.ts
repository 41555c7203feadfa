"use server";

import { operationAction, revalidatePaths } from "@/lib/operations/action";
import { eraseCustomerData, runRetentionNow } from "./operations";
import { deleteRetentionRule, eraseComplaint, saveRetentionRule } from "./retention";

const refreshRetention = () => revalidatePaths(["/admin/retention"]);

export const saveRetentionRuleAction = operationAction(saveRetentionRule, { refresh: refreshRetention });
export const deleteRetentionRuleAction = operationAction(deleteRetentionRule, { refresh: refreshRetention });
export const eraseComplaintAction = operationAction(eraseComplaint, {
  refresh: (input) => revalidatePaths([`/complaints/${input.id}`, "/complaints"]),
});
/** Runs the rules now; the run commits batch by batch (so a long run keeps what it erased). */
export const runRetentionAction = operationAction(runRetentionNow, { refresh: refreshRetention });
/** The admin page's erasure: as the signed-in admin, through the same operation as the API and the CLI. */
export const eraseCustomerAction = operationAction(eraseCustomerData, {
  refresh: () => revalidatePaths(["/admin/privacy"]),
});
