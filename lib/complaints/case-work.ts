import { and, eq, inArray, isNull, ne } from "drizzle-orm";
import type { Tx } from "@/db";
import {
  analysisNotes,
  commentMentions,
  comments,
  complaintRootCauses,
  complaints,
  rootCauses,
  users,
} from "@/db/schema";
import { refuse } from "@/lib/i18n/say";
import { first } from "@/lib/must";
import { defineOperation } from "@/lib/operations";
import { ANALYSED_STATUSES } from "./analysis-rule";
import { linkFamilies } from "./family";
import { findMentions } from "./mentions";
import {
  analysisNoteSchema,
  commentSchema,
  familyLinkSchema,
  familyUnlinkSchema,
  markInboxReadSchema,
  rootCauseRefSchema,
  rootCauseTagSchema,
} from "./validations";

async function assertComplaint(tx: Tx, id: string) {
  const [row] = await tx
    .select({ id: complaints.id, familyId: complaints.familyId })
    .from(complaints)
    .where(eq(complaints.id, id));
  if (!row) throw refuse("not_found", "complaintRules.complaintNotFound");
  return row;
}

/** Tags a root cause; the first tag is primary, and making one primary demotes the others. */
export const tagRootCause = defineOperation({
  name: "complaints.tagRootCause",
  permission: "complaints:write",
  input: rootCauseTagSchema,
  work: async ({ tx, input, actor, audit }) => {
    await assertComplaint(tx, input.complaintId);
    const [cause] = await tx
      .select({ id: rootCauses.id, active: rootCauses.active })
      .from(rootCauses)
      .where(eq(rootCauses.id, input.rootCauseId));
    if (!cause)
      throw refuse("invalid", "complaintRules.rootCauseUnknown", { rootCauseId: "complaintRules.rootCauseFromList" });
    const existing = await tx
      .select()
      .from(complaintRootCauses)
      .where(eq(complaintRootCauses.complaintId, input.complaintId));
    if (existing.some((t) => t.rootCauseId === input.rootCauseId)) {
      throw refuse("invalid", "complaintRules.alreadyTagged", { rootCauseId: "complaintRules.rootCauseAlreadyTagged" });
    }
    const primary = input.primary || existing.length === 0;
    if (primary) {
      await tx
        .update(complaintRootCauses)
        .set({ primary: false })
        .where(eq(complaintRootCauses.complaintId, input.complaintId));
    }
    await tx.insert(complaintRootCauses).values({
      complaintId: input.complaintId,
      rootCauseId: input.rootCauseId,
      primary,
      note: input.note,
      taggedBy: actor.userId,
      suggestionRank: input.suggestionRank ?? null,
    });
    await audit({
      action: "complaint.root_cause.add",
      entityType: "complaint",
      entityId: input.complaintId,
      after: { rootCauseId: input.rootCauseId, primary, note: input.note },
      ...(input.suggestionRank ? { meta: { suggestion: { rank: input.suggestionRank } } } : {}),
    });
    return { primary };
  },
});

export const removeRootCause = defineOperation({
  name: "complaints.removeRootCause",
  permission: "complaints:write",
  input: rootCauseRefSchema,
  work: async ({ tx, input, audit }) => {
    const where = and(
      eq(complaintRootCauses.complaintId, input.complaintId),
      eq(complaintRootCauses.rootCauseId, input.rootCauseId),
    );
    const [removed] = await tx.delete(complaintRootCauses).where(where).returning();
    if (!removed) throw refuse("not_found", "complaintRules.rootCauseNotTagged");
    // An analysed complaint keeps at least one cause: reopen it first to take the last one away.
    const [owner] = await tx
      .select({ status: complaints.status, excludedReason: complaints.excludedReason })
      .from(complaints)
      .where(eq(complaints.id, input.complaintId));
    if (owner && ANALYSED_STATUSES.includes(owner.status) && !owner.excludedReason) {
      const [left] = await tx
        .select({ id: complaintRootCauses.rootCauseId })
        .from(complaintRootCauses)
        .where(eq(complaintRootCauses.complaintId, input.complaintId))
        .limit(1);
      if (!left)
        throw refuse("invalid", "complaintRules.analysedKeepsRootCause", {
          rootCauseId: "complaintRules.tagAnotherFirst",
        });
    }
    // Keep one primary while any tag remains.
    if (removed.primary) {
      const [next] = await tx
        .select({ rootCauseId: complaintRootCauses.rootCauseId })
        .from(complaintRootCauses)
        .where(eq(complaintRootCauses.complaintId, input.complaintId))
        .orderBy(complaintRootCauses.taggedAt)
        .limit(1);
      if (next) {
        await tx
          .update(complaintRootCauses)
          .set({ primary: true })
          .where(
            and(
              eq(complaintRootCauses.complaintId, input.complaintId),
              eq(complaintRootCauses.rootCauseId, next.rootCauseId),
            ),
          );
      }
    }
    await audit({
      action: "complaint.root_cause.remove",
      entityType: "complaint",
      entityId: input.complaintId,
      before: { rootCauseId: removed.rootCauseId, primary: removed.primary, note: removed.note },
    });
    return { removed: true };
  },
});

export const setPrimaryRootCause = defineOperation({
  name: "complaints.setPrimaryRootCause",
  permission: "complaints:write",
  input: rootCauseRefSchema,
  work: async ({ tx, input, audit }) => {
    const tags = await tx
      .select()
      .from(complaintRootCauses)
      .where(eq(complaintRootCauses.complaintId, input.complaintId));
    if (!tags.some((t) => t.rootCauseId === input.rootCauseId))
      throw refuse("not_found", "complaintRules.rootCauseNotTagged");
    await tx
      .update(complaintRootCauses)
      .set({ primary: false })
      .where(
        and(
          eq(complaintRootCauses.complaintId, input.complaintId),
          ne(complaintRootCauses.rootCauseId, input.rootCauseId),
        ),
      );
    await tx
      .update(complaintRootCauses)
      .set({ primary: true })
      .where(
        and(
          eq(complaintRootCauses.complaintId, input.complaintId),
          eq(complaintRootCauses.rootCauseId, input.rootCauseId),
        ),
      );
    await audit({
      action: "complaint.root_cause.primary",
      entityType: "complaint",
      entityId: input.complaintId,
      after: { rootCauseId: input.rootCauseId },
    });
    return { primary: input.rootCauseId };
  },
});

/** Adds an analysis note (findings and a 5-whys chain), or edits one when `noteId` is given. */
export const saveAnalysisNote = defineOperation({
  name: "complaints.saveAnalysisNote",
  permission: "complaints:write",
  input: analysisNoteSchema,
  work: async ({ tx, input, actor, audit }) => {
    await assertComplaint(tx, input.complaintId);
    const whys = input.whys.filter(Boolean);
    if (input.noteId) {
      const [note] = await tx
        .update(analysisNotes)
        .set({ findings: input.findings, whys, updatedAt: new Date() })
        .where(and(eq(analysisNotes.id, input.noteId), eq(analysisNotes.complaintId, input.complaintId)))
        .returning();
      if (!note) throw refuse("not_found", "complaintRules.analysisNoteNotFound");
      await audit({
        action: "complaint.analysis_note.update",
        entityType: "complaint",
        entityId: input.complaintId,
        after: { noteId: note.id },
      });
      return note;
    }
    const note = first(
      await tx
        .insert(analysisNotes)
        .values({ complaintId: input.complaintId, authorId: actor.userId, findings: input.findings, whys })
        .returning(),
      "inserted analysis notes",
    );
    await audit({
      action: "complaint.analysis_note.add",
      entityType: "complaint",
      entityId: input.complaintId,
      after: { noteId: note.id },
    });
    return note;
  },
});

/** Comments are open to product managers too; mentioned colleagues get it in their inbox. */
export const addComment = defineOperation({
  name: "complaints.addComment",
  permission: "complaints:comment",
  input: commentSchema,
  work: async ({ tx, input, actor, audit }) => {
    await assertComplaint(tx, input.complaintId);
    const people = await tx
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .where(and(eq(users.active, true), inArray(users.role, ["admin", "reviewer", "product_manager"])));
    const mentioned = findMentions(input.body, people).filter((p) => p.id !== actor.userId);
    const comment = first(
      await tx
        .insert(comments)
        .values({ complaintId: input.complaintId, authorId: actor.userId, body: input.body })
        .returning(),
      "inserted comments",
    );
    if (mentioned.length) {
      await tx.insert(commentMentions).values(mentioned.map((p) => ({ commentId: comment.id, userId: p.id })));
    }
    await audit({
      action: "complaint.comment",
      entityType: "complaint",
      entityId: input.complaintId,
      after: { commentId: comment.id, mentioned: mentioned.map((p) => p.id) },
    });
    return { ...comment, mentioned: mentioned.map((p) => ({ id: p.id, name: p.name })) };
  },
});

export const linkFamily = defineOperation({
  name: "complaints.linkFamily",
  permission: "complaints:write",
  input: familyLinkSchema,
  work: async ({ tx, input, actor, audit }) => {
    const [other] = await tx
      .select({ id: complaints.id })
      .from(complaints)
      .where(eq(complaints.reference, input.otherReference.toUpperCase()));
    if (!other)
      throw refuse("invalid", "complaintRules.noSuchComplaint", {
        otherReference: ["complaintRules.noComplaintWithReference", { reference: input.otherReference }],
      });
    const familyId = await linkFamilies(tx, actor, input.complaintId, other.id);
    await audit({
      action: "complaint.family.link",
      entityType: "complaint",
      entityId: input.complaintId,
      after: { otherId: other.id, familyId },
    });
    await audit({
      action: "complaint.family.link",
      entityType: "complaint",
      entityId: other.id,
      after: { otherId: input.complaintId, familyId },
    });
    return { familyId };
  },
});

export const unlinkFamily = defineOperation({
  name: "complaints.unlinkFamily",
  permission: "complaints:write",
  input: familyUnlinkSchema,
  work: async ({ tx, input, audit }) => {
    const row = await assertComplaint(tx, input.complaintId);
    if (!row.familyId) throw refuse("invalid", "complaintRules.notInFamily");
    await tx.update(complaints).set({ familyId: null }).where(eq(complaints.id, input.complaintId));
    await audit({
      action: "complaint.family.unlink",
      entityType: "complaint",
      entityId: input.complaintId,
      before: { familyId: row.familyId },
    });
    return { unlinked: true };
  },
});

/** Marks the signed-in user's mentions read: the given ones, or all. Scoped to the user in the WHERE. */
export const markMentionsRead = defineOperation({
  name: "complaints.markMentionsRead",
  permission: "complaints:comment",
  input: markInboxReadSchema,
  work: async ({ tx, input, actor }) => {
    if (!actor.userId) throw refuse("forbidden", "notificationRules.inboxSignedInOnly");
    const scope = and(eq(commentMentions.userId, actor.userId), isNull(commentMentions.readAt));
    const where = input.all ? scope : and(scope, inArray(commentMentions.commentId, input.mentionCommentIds ?? []));
    if (!input.all && !input.mentionCommentIds?.length) return { marked: 0 };
    const marked = await tx
      .update(commentMentions)
      .set({ readAt: new Date() })
      .where(where)
      .returning({ id: commentMentions.commentId });
    return { marked: marked.length };
  },
});
