"use server";

import type { z } from "zod";
import type { Operation } from "@/lib/operations";
import { operationAction, revalidatePaths } from "@/lib/operations/action";
import { runEffectivenessCheck } from "./checks";
import { addActionComment } from "./comments";
import {
  createRemediationAction,
  linkEvidence,
  linkRootCause,
  unlinkEvidence,
  unlinkRootCause,
  updateRemediationAction,
} from "./write";

// Each action is the shared mutation run as the signed-in user; then the list and the action's page refresh.
function remediationAction<S extends z.ZodType, R>(
  mutation: Operation<S, R>,
  idOf: (input: z.output<S>, data: R) => string,
) {
  return operationAction(mutation, {
    refresh: (input, data) => revalidatePaths(["/remediation", `/remediation/${idOf(input, data)}`]),
  });
}

export const createRemediationActionAction = remediationAction(createRemediationAction, (_input, row) => row.id);
export const updateRemediationActionAction = remediationAction(updateRemediationAction, (input) => input.id);
export const linkRootCauseAction = remediationAction(linkRootCause, (input) => input.actionId);
export const unlinkRootCauseAction = remediationAction(unlinkRootCause, (input) => input.actionId);
export const linkEvidenceAction = remediationAction(linkEvidence, (input) => input.actionId);
export const unlinkEvidenceAction = remediationAction(unlinkEvidence, (input) => input.actionId);
export const runEffectivenessCheckAction = remediationAction(runEffectivenessCheck, (input) => input.actionId);
export const addActionCommentAction = remediationAction(addActionComment, (input) => input.actionId);
