import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db";
import { complaints, remediationActions, remediationEvidence, remediationRootCauses, rootCauses } from "@/db/schema";
import type { AuditEntry } from "@/lib/audit/log";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/roles";
import type { RemediationStatus } from "@/lib/domain/values";
import { AppError } from "@/lib/errors";
import { type MessageKey, phraseIn, refuse } from "@/lib/i18n/say";
import { first } from "@/lib/must";
import { notifyActionStatus } from "@/lib/notifications/notify";
import { defineOperation } from "@/lib/operations";
import { gateText, personalDataAccessOf } from "@/lib/privacy/gate";
import { checkActionReferences } from "./references";
import {
  evidenceLinkSchema,
  evidenceUnlinkSchema,
  OWNER_FIELDS,
  type RemediationChanges,
  remediationCreateSchema,
  remediationPatchBodySchema,
  remediationUpdateSchema,
  rootCauseLinkSchema,
} from "./validations";
import { assertVerifiable } from "./verify-rule";
import { assertTransition, SHIPPED_STATUSES } from "./workflow";

export type RemediationRow = typeof remediationActions.$inferSelect;

/** Admins and reviewers reach every action; anyone else only the actions they own (in the WHERE clause). */
export function ownedBy(actor: Actor): SQL | undefined {
  if (can(actor.role, "remediation:write")) return undefined;
  return actor.userId ? eq(remediationActions.ownerId, actor.userId) : sql`false`;
}

/** The action, locked for the change, if this actor may change it; otherwise 404 or 403 as it deserves. */
export async function loadActionForChange(tx: Tx, actor: Actor, id: string): Promise<RemediationRow> {
  const [row] = await tx
    .select()
    .from(remediationActions)
    .where(and(eq(remediationActions.id, id), ownedBy(actor)))
    .for("update");
  if (row) return row;
  const [exists] = await tx
    .select({ id: remediationActions.id })
    .from(remediationActions)
    .where(eq(remediationActions.id, id));
  throw exists
    ? refuse("forbidden", "remediationRules.notYours")
    : refuse("not_found", "remediationRules.actionNotFound");
}

async function findEvidence(tx: Tx, references: string[]) {
  if (!references.length) return [];
  const wanted = [...new Set(references.map((r) => r.trim().toUpperCase()))];
  const found = await tx
    .select({ id: complaints.id, reference: complaints.reference })
    .from(complaints)
    .where(inArray(complaints.reference, wanted));
  const missing = wanted.filter((r) => !found.some((f) => f.reference === r));
  if (missing.length) {
    throw refuse("invalid", "remediationRules.complaintsNotFound", {
      evidenceReferences: ["remediationRules.noComplaintWithReference", { references: missing.join(", ") }],
    });
  }
  return found;
}

export const createRemediationAction = defineOperation({
  name: "remediation.createRemediationAction",
  permission: "remediation:propose",
  input: remediationCreateSchema,
  work: async ({ tx, input, actor, audit }) => {
    const { rootCauseIds, evidenceReferences, ...fields } = input;
    if (!can(actor.role, "remediation:write")) {
      // Whoever only proposes owns the proposal: it is theirs to move along, not someone else's.
      if (fields.ownerId && fields.ownerId !== actor.userId)
        throw refuse("invalid", "remediationRules.proposeOwnOnly", { ownerId: "remediationRules.ownerEmptyOrYou" });
      fields.ownerId = actor.userId;
    }
    await checkActionReferences(tx, { ...fields, rootCauseIds });
    const evidence = await findEvidence(tx, evidenceReferences);
    const row = first(
      await tx
        .insert(remediationActions)
        .values({ ...fields, status: "proposed", createdBy: actor.userId })
        .returning(),
      "inserted remediation actions",
    );
    const causes = [...new Set(rootCauseIds)];
    if (causes.length)
      await tx.insert(remediationRootCauses).values(causes.map((rootCauseId) => ({ actionId: row.id, rootCauseId })));
    if (evidence.length)
      await tx.insert(remediationEvidence).values(evidence.map((c) => ({ actionId: row.id, complaintId: c.id })));
    await audit({
      action: "remediation.create",
      entityType: "remediation_action",
      entityId: row.id,
      after: { ...row, rootCauseIds: causes, evidence: evidence.map((c) => c.reference) },
      meta: { version: row.version, source: actor.label.startsWith("api:") ? "api" : "form" },
    });
    return row;
  },
});

/** A stale version: the refusal says so in the reader's language and carries both versions, as the forms expect. */
function conflict(message: MessageKey, currentVersion: number, yourVersion: number): AppError {
  return new AppError("conflict", (locale) => ({
    message: phraseIn(locale, message),
    details: { currentVersion, yourVersion },
  }));
}

function comparable(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/** The column values a change sets, with the rules that tie status and dates together. */
function normalise(current: RemediationRow, changes: RemediationChanges, today: string): Partial<RemediationRow> {
  const next: Partial<RemediationRow> = { ...changes };
  const status: RemediationStatus = changes.status ?? current.status;
  if (changes.status !== undefined && changes.status !== current.status) {
    assertTransition(current.status, changes.status);
    if (changes.status === "verified" && !current.verifiedOn) next.verifiedOn = today;
  }
  const shippedOn = changes.shippedOn !== undefined ? changes.shippedOn : current.shippedOn;
  if (SHIPPED_STATUSES.includes(status) && !shippedOn) {
    throw refuse("invalid", "remediationRules.shippedNeedsDate", { shippedOn: "remediationRules.enterShippedDate" });
  }
  return next;
}

/**
 * Changes an action's fields, its status along the workflow, or both. Admins and reviewers change
 * anything; the owning product manager only the status (with its shipped date) and the notes.
 * `version` must be the one read, or the answer is a conflict.
 */
export const updateRemediationAction = defineOperation({
  name: "remediation.updateRemediationAction",
  permission: "remediation:update_own",
  input: remediationUpdateSchema,
  work: async ({ tx, input, actor, audit }) => {
    if (!can(actor.role, "remediation:write")) {
      const others = Object.keys(input.changes).filter((key) => !(OWNER_FIELDS as readonly string[]).includes(key));
      if (others.length) throw refuse("forbidden", ["remediationRules.notYoursFields", { fields: others.join(", ") }]);
      // The shipped date belongs to the move to shipped; on its own it is an edit of the action.
      if (input.changes.shippedOn !== undefined && input.changes.status !== "shipped")
        throw refuse("forbidden", "remediationRules.notYoursShippedDate");
    }
    const current = await loadActionForChange(tx, actor, input.id);
    if (current.version !== input.version) {
      throw conflict("remediationRules.changedSinceOpened", current.version, input.version);
    }
    // A reader behind the redaction gate was shown masked text: sending it back unchanged is no edit,
    // or saving the form would overwrite the personal data they never saw with its placeholders.
    const access = personalDataAccessOf(actor.role);
    const changes = { ...input.changes };
    for (const key of ["title", "description", "notes"] as const) {
      const stored = current[key];
      if (access !== "full" && typeof stored === "string" && changes[key] === gateText(access, stored))
        delete changes[key];
    }
    const next = normalise(current, changes, new Date().toISOString().slice(0, 10));
    const verifiedBy =
      next.status === "verified" && current.status !== "verified"
        ? await assertVerifiable(tx, actor.role, current.id)
        : null;
    await checkActionReferences(tx, {
      ownerId: next.ownerId !== current.ownerId ? next.ownerId : undefined,
      market: next.market !== current.market ? next.market : undefined,
      productId: next.productId !== current.productId ? next.productId : undefined,
    });
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(next)) {
      const old = current[key as keyof RemediationRow];
      if (comparable(old) === comparable(value)) continue;
      before[key] = comparable(old);
      after[key] = comparable(value);
    }
    const changed = Object.keys(after);
    if (!changed.length) return current;
    const set = Object.fromEntries(changed.map((key) => [key, next[key as keyof RemediationRow]]));
    const [updated] = await tx
      .update(remediationActions)
      .set({ ...set, version: current.version + 1, updatedAt: new Date() })
      .where(and(eq(remediationActions.id, current.id), eq(remediationActions.version, input.version), ownedBy(actor)))
      .returning();
    if (!updated) throw conflict("remediationRules.changedSince", input.version + 1, input.version);
    if (after.status) await notifyActionStatus(tx, actor, updated, updated.status);
    await audit({
      action: after.status ? "remediation.status" : "remediation.update",
      entityType: "remediation_action",
      entityId: current.id,
      before,
      after,
      meta: {
        version: updated.version,
        ...(verifiedBy ? { effectivenessCheckId: verifiedBy.id, checkedAt: verifiedBy.computedAt.toISOString() } : {}),
      },
    });
    return updated;
  },
});

async function touch(tx: Tx, actionId: string) {
  await tx.update(remediationActions).set({ updatedAt: new Date() }).where(eq(remediationActions.id, actionId));
}

export const linkRootCause = defineOperation({
  name: "remediation.linkRootCause",
  permission: "remediation:write",
  input: rootCauseLinkSchema,
  work: async ({ tx, input, actor, audit }) => {
    await loadActionForChange(tx, actor, input.actionId);
    const [cause] = await tx
      .select({ id: rootCauses.id, name: rootCauses.name })
      .from(rootCauses)
      .where(eq(rootCauses.id, input.rootCauseId));
    if (!cause)
      throw refuse("invalid", "remediationRules.unknownRootCause", {
        rootCauseId: "remediationRules.rootCauseFromList",
      });
    const inserted = await tx.insert(remediationRootCauses).values(input).onConflictDoNothing().returning();
    if (!inserted.length)
      throw refuse("invalid", "remediationRules.alreadyLinked", {
        rootCauseId: ["remediationRules.rootCauseAlreadyLinked", { name: cause.name }],
      });
    await touch(tx, input.actionId);
    await audit({
      action: "remediation.root_cause.link",
      entityType: "remediation_action",
      entityId: input.actionId,
      after: { rootCauseId: cause.id, name: cause.name },
    });
    return cause;
  },
});

/** Removes one link row of the action, or answers 404 when there is none. */
async function removeLink(
  ctx: { tx: Tx; actor: Actor; audit: (entry: AuditEntry) => Promise<void> },
  actionId: string,
  link: {
    table: typeof remediationRootCauses | typeof remediationEvidence;
    where: SQL;
    notLinked: MessageKey;
    action: string;
    before: Record<string, string>;
  },
) {
  await loadActionForChange(ctx.tx, ctx.actor, actionId);
  const removed = await ctx.tx.delete(link.table).where(link.where).returning();
  if (!removed.length) throw refuse("not_found", link.notLinked);
  await touch(ctx.tx, actionId);
  await ctx.audit({ action: link.action, entityType: "remediation_action", entityId: actionId, before: link.before });
  return link.before;
}

export const unlinkRootCause = defineOperation({
  name: "remediation.unlinkRootCause",
  permission: "remediation:write",
  input: rootCauseLinkSchema,
  work: (ctx) =>
    removeLink(ctx, ctx.input.actionId, {
      table: remediationRootCauses,
      where: and(
        eq(remediationRootCauses.actionId, ctx.input.actionId),
        eq(remediationRootCauses.rootCauseId, ctx.input.rootCauseId),
      )!,
      notLinked: "remediationRules.rootCauseNotLinked",
      action: "remediation.root_cause.unlink",
      before: { rootCauseId: ctx.input.rootCauseId },
    }),
});

export const linkEvidence = defineOperation({
  name: "remediation.linkEvidence",
  permission: "remediation:write",
  input: evidenceLinkSchema,
  work: async ({ tx, input, actor, audit }) => {
    await loadActionForChange(tx, actor, input.actionId);
    const [complaint] = await tx
      .select({ id: complaints.id, reference: complaints.reference })
      .from(complaints)
      .where(eq(complaints.reference, input.reference));
    if (!complaint)
      throw refuse("invalid", "remediationRules.complaintNotFound", {
        reference: ["remediationRules.noComplaintWithReference", { references: input.reference }],
      });
    const inserted = await tx
      .insert(remediationEvidence)
      .values({ actionId: input.actionId, complaintId: complaint.id })
      .onConflictDoNothing()
      .returning();
    if (!inserted.length)
      throw refuse("invalid", "remediationRules.alreadyLinked", {
        reference: ["remediationRules.alreadyEvidence", { reference: complaint.reference }],
      });
    await touch(tx, input.actionId);
    await audit({
      action: "remediation.evidence.link",
      entityType: "remediation_action",
      entityId: input.actionId,
      after: { complaintId: complaint.id, reference: complaint.reference },
    });
    return complaint;
  },
});

export const unlinkEvidence = defineOperation({
  name: "remediation.unlinkEvidence",
  permission: "remediation:write",
  input: evidenceUnlinkSchema,
  work: (ctx) =>
    removeLink(ctx, ctx.input.actionId, {
      table: remediationEvidence,
      where: and(
        eq(remediationEvidence.actionId, ctx.input.actionId),
        eq(remediationEvidence.complaintId, ctx.input.complaintId),
      )!,
      notLinked: "remediationRules.complaintNotLinked",
      action: "remediation.evidence.unlink",
      before: { complaintId: ctx.input.complaintId },
    }),
});

/** The API's PATCH: the changes and `version` at the top level of one body, so field paths name the field. */
export const patchRemediationAction = defineOperation({
  name: "remediation.patchRemediationAction",
  permission: "remediation:update_own",
  input: remediationPatchBodySchema.extend({ id: z.string() }),
  work: ({ input: { id, version, ...changes }, ...ctx }) => {
    if (!z.uuid().safeParse(id).success) throw refuse("not_found", "remediationRules.actionNotFound");
    return updateRemediationAction.work({ ...ctx, input: { id, version, changes } });
  },
});

/** Creating an action over the API is for reviewers and admins; a product manager proposes theirs in the app. */
export const createRemediationActionByApi = defineOperation({
  name: "remediation.createRemediationActionByApi",
  permission: "remediation:write",
  input: createRemediationAction.input,
  work: (ctx) => createRemediationAction.work(ctx),
});
