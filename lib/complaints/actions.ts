"use server";

import type { z } from "zod";
import type { Operation } from "@/lib/operations";
import { operationAction, revalidatePaths } from "@/lib/operations/action";
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
import { checkSimilar } from "./similar";
import { createComplaint, updateComplaint } from "./write";

// Each action is the operation run as the signed-in user; once it has committed, the pages that show it refresh.
function serverAction<S extends z.ZodType, R>(
  operation: Operation<S, R>,
  paths: (input: z.output<S>, data: R) => string[],
) {
  return operationAction(operation, { refresh: (input, data) => revalidatePaths(paths(input, data)) });
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

export const checkSimilarAction = operationAction(checkSimilar);
