"use client";

import { CommentThread } from "@/components/comments/comment-thread";
import { addCommentAction } from "@/lib/complaints/actions";
import type { ComplaintDetail } from "@/lib/complaints/detail-query";
import type { Mentionable } from "@/lib/complaints/mentions";

/** The discussion on a complaint. */
export function CommentsPanel({
  complaintId,
  comments,
  people,
}: {
  complaintId: string;
  comments: ComplaintDetail["comments"];
  people: Mentionable[];
}) {
  return (
    <CommentThread comments={comments} people={people} submit={(body) => addCommentAction({ complaintId, body })} />
  );
}
