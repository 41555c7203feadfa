"use server";

import type { z } from "zod";
import { db } from "@/db";
import { mutationAction, revalidatePaths } from "@/lib/auth/action";
import { hostileInputError, type MutationResult } from "@/lib/auth/mutation";
import { can } from "@/lib/auth/roles";
import { getCurrentUser } from "@/lib/auth/session";
import type { Operation } from "@/lib/operations";
import { operationAction } from "@/lib/operations/action";
import { previewBulkAction, runBulkAction } from "./bulk";
import {
  addComment,
  linkFamily,
  markMentionsRead,
  removeRootCause,
  saveAnalysisNote,
  setPrimaryRootCause,
  tagRootCause,
  unlinkFamily,
} from "./case-work";
import { deleteDeadlineRule, saveDeadlineRule } from "./deadline-rules";
import { deleteView, saveView } from "./saved-views";
import { findSimilarComplaints, type SimilarComplaint } from "./similar";
import { similarCheckSchema } from "./validations";
import { createComplaint, updateComplaint } from "./write";

// Each action is the shared mutation run as the signed-in user, then the pages that show it refresh.
function serverAction<S extends z.ZodType, R>(
  mutation: Operation<S, R>,
  paths: (input: z.output<S>, data: R) => string[],
) {
  return mutationAction(mutation, (input, data) => revalidatePaths(paths(input, data)));
}

const complaintPaths = (id: string) => [`/complaints/${id}`, "/complaints"];

export const createComplaintAction = serverAction(createComplaint, (_input, row) => complaintPaths(row.id));
export const updateComplaintAction = serverAction(updateComplaint, (input) => complaintPaths(input.id));
export const tagRootCauseAction = serverAction(tagRootCause, (input) => complaintPaths(input.complaintId));
export const removeRootCauseAction = serverAction(removeRootCause, (input) => complaintPaths(input.complaintId));
export const setPrimaryRootCauseAction = serverAction(setPrimaryRootCause, (input) =>
  complaintPaths(input.complaintId),
);
export const saveAnalysisNoteAction = serverAction(saveAnalysisNote, (input) => complaintPaths(input.complaintId));
export const addCommentAction = serverAction(addComment, (input) => [`/complaints/${input.complaintId}`, "/inbox"]);
export const linkFamilyAction = serverAction(linkFamily, (input) => complaintPaths(input.complaintId));
export const unlinkFamilyAction = serverAction(unlinkFamily, (input) => complaintPaths(input.complaintId));
export const markMentionsReadAction = serverAction(markMentionsRead, () => ["/inbox"]);
export const bulkComplaintAction = serverAction(runBulkAction, () => ["/complaints"]);
// A read before the write: nothing changes, so nothing to refresh.
export const previewBulkComplaintAction = operationAction(previewBulkAction);
export const saveViewAction = serverAction(saveView, () => ["/complaints"]);
export const deleteViewAction = serverAction(deleteView, () => ["/complaints"]);
export const saveDeadlineRuleAction = serverAction(saveDeadlineRule, () => ["/admin/deadlines"]);
export const deleteDeadlineRuleAction = serverAction(deleteDeadlineRule, () => ["/admin/deadlines"]);

/** The duplicate warning before saving: a read, but only for those who may log complaints. */
export async function checkSimilarAction(
  input: z.input<typeof similarCheckSchema>,
): Promise<MutationResult<SimilarComplaint[]>> {
  const user = await getCurrentUser();
  if (!user) return { error: { code: "unauthenticated", message: "Sign in to continue" } };
  if (!can(user.role, "complaints:write"))
    return { error: { code: "forbidden", message: "You do not have permission to do this" } };
  const hostile = hostileInputError(input);
  if (hostile) return hostile;
  const parsed = similarCheckSchema.safeParse(input);
  if (!parsed.success) return { data: [] };
  return { data: await findSimilarComplaints(db, parsed.data) };
}
