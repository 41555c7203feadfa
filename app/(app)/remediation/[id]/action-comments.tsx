"use client";

import { CommentThread, type ThreadComment } from "@/components/comments/comment-thread";
import type { Mentionable } from "@/lib/complaints/mentions";
import { addActionCommentAction } from "@/lib/remediation/actions";

/** The discussion on a remediation action; a mentioned colleague finds the comment in their inbox. */
export function ActionComments({
  actionId,
  comments,
  people,
}: {
  actionId: string;
  comments: ThreadComment[];
  people: Mentionable[];
}) {
  return (
    <CommentThread comments={comments} people={people} submit={(body) => addActionCommentAction({ actionId, body })} />
  );
}
