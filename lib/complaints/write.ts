import { and, eq, getTableColumns } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db";
import { complaints, statusTransitions } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { type Phrase, phraseIn, refuse } from "@/lib/i18n/say";
import { first } from "@/lib/must";
import { notifyAssigned } from "@/lib/notifications/notify";
import { defineOperation } from "@/lib/operations";
import { assertRootCausesForAnalysed } from "./analysis-rule";
import { linkFamilies, originalOf } from "./family";
import { loadComplaintHistory } from "./history";
import { allocateReferences } from "./reference";
import { checkReferences, isExternalIdConflict } from "./references-check";
import {
  type ComplaintChanges,
  complaintCreateSchema,
  complaintPatchBodySchema,
  complaintUpdateSchema,
} from "./validations";
import { assertTransition } from "./workflow";

const { search: _search, ...complaintColumns } = getTableColumns(complaints);

/** Every complaint column except the generated search vector. */
export { complaintColumns };
export type ComplaintRow = Omit<typeof complaints.$inferSelect, "search">;

export async function loadComplaintRow(q: Db | Tx, id: string): Promise<ComplaintRow | undefined> {
  const [row] = await q.select(complaintColumns).from(complaints).where(eq(complaints.id, id));
  return row;
}

async function assertExternalIdFree(tx: Tx, externalId: string, selfId?: string) {
  const [existing] = await tx
    .select({ id: complaints.id, reference: complaints.reference })
    .from(complaints)
    .where(and(eq(complaints.source, "default"), eq(complaints.externalId, externalId)));
  if (existing && existing.id !== selfId) {
    throw refuse("invalid", "complaintRules.externalIdUsed", {
      externalId: ["complaintRules.externalIdUsedBy", { reference: existing.reference, externalId }],
    });
  }
}

export const createComplaint = defineOperation({
  name: "complaints.createComplaint",
  permission: "complaints:write",
  input: complaintCreateSchema,
  work: async ({ tx, input, actor, audit }) => {
    const { familyWithId, duplicateOfId: duplicateInput, externalId: externalInput, ...fields } = input;
    await checkReferences(tx, { ...fields, authorityId: fields.authorityId ?? null, duplicateOfId: duplicateInput });
    if (externalInput) await assertExternalIdFree(tx, externalInput);
    const reference = first(await allocateReferences(tx, [fields.receivedOn]), "reference");
    const duplicateOfId = duplicateInput ? await originalOf(tx, duplicateInput) : null;
    let row: ComplaintRow;
    try {
      row = first(
        await tx
          .insert(complaints)
          .values({
            ...fields,
            reference,
            externalId: externalInput || reference,
            source: "default",
            status: "new",
            duplicateOfId,
            excludedReason: duplicateOfId ? "duplicate" : null,
            createdBy: actor.userId,
          })
          .returning(complaintColumns),
        "inserted complaints",
      );
    } catch (error) {
      if (isExternalIdConflict(error)) {
        throw refuse("invalid", "complaintRules.externalIdUsed", {
          externalId: "complaintRules.externalIdUsedField",
        });
      }
      throw error;
    }
    await tx
      .insert(statusTransitions)
      .values({ complaintId: row.id, fromStatus: null, toStatus: "new", actorId: actor.userId });
    if (familyWithId) row.familyId = await linkFamilies(tx, actor, row.id, familyWithId);
    await notifyAssigned(tx, actor, row.assigneeId, [row.id]);
    const { narrative: _n, ...snapshot } = row;
    await audit({
      action: "complaint.create",
      entityType: "complaint",
      entityId: row.id,
      after: snapshot,
      meta: { version: row.version, reference, source: actor.label.startsWith("api:") ? "api" : "form" },
    });
    if (familyWithId) {
      await audit({
        action: "complaint.family.link",
        entityType: "complaint",
        entityId: row.id,
        after: { otherId: familyWithId },
      });
    }
    return row;
  },
});

/** The refusal for a stale edit: who changed what since the version the editor started from. */
export async function staleEditError(q: Db | Tx, id: string, editedVersion: number, currentVersion: number) {
  const changes = await loadComplaintHistory(q, id, { sinceVersion: editedVersion });
  const who = [...new Set(changes.map((c) => c.actorName))];
  const details = {
    currentVersion,
    yourVersion: editedVersion,
    changes: changes.map((c) => ({ at: c.at, by: c.actorName, sentence: c.sentence, changes: c.changes })),
  };
  const message = (locale: Locale) =>
    who.length
      ? phraseIn(locale, [
          "complaintRules.staleEditBy",
          { who: who.join(` ${phraseIn(locale, "complaintRules.and")} `) },
        ])
      : phraseIn(locale, "complaintRules.staleEdit");
  return new AppError("conflict", (locale) => ({ message: message(locale), details }));
}

function comparable(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/** Turns requested changes into column values, applying the rules that tie fields together. */
function normalise(current: ComplaintRow, changes: ComplaintChanges): Partial<ComplaintRow> {
  const next: Partial<ComplaintRow> = {};
  for (const [key, value] of Object.entries(changes)) {
    if (key === "acknowledgedAt" || key === "respondedAt") {
      next[key] = value ? new Date(value as string) : null;
    } else {
      (next as Record<string, unknown>)[key] = value;
    }
  }
  if (next.status !== undefined && next.status !== current.status) assertTransition(current.status, next.status);
  if (next.status === "closed" && !current.respondedAt && next.respondedAt === undefined) next.respondedAt = new Date();
  if (next.duplicateOfId) next.excludedReason = "duplicate";
  if (next.excludedReason !== undefined && next.excludedReason !== "duplicate") next.duplicateOfId = null;
  if (next.channel === "customer_service" && next.authorityId === undefined) next.authorityId = null;
  assertAnsweredAfterReceipt({ ...current, ...next }, Object.keys(next));
  return next;
}

const ANSWERED_BEFORE_RECEIPT = {
  acknowledgedAt: "complaintRules.acknowledgedBeforeReceipt",
  respondedAt: "complaintRules.respondedBeforeReceipt",
} as const;

// The received date is a calendar day wherever the complaint arrived: the earliest moment on it anywhere.
const EARLIEST_OFFSET_MS = 14 * 3600 * 1000;

/** A customer is answered after the complaint arrived, never before (a mistyped year, a wrong field). */
function assertAnsweredAfterReceipt(
  row: Pick<ComplaintRow, "receivedOn" | "acknowledgedAt" | "respondedAt">,
  changed: string[],
) {
  const errors: Record<string, Phrase> = {};
  const earliest = Date.parse(`${row.receivedOn}T00:00:00Z`) - EARLIEST_OFFSET_MS;
  for (const key of ["acknowledgedAt", "respondedAt"] as const) {
    const at = row[key];
    if (!changed.includes(key) && !changed.includes("receivedOn")) continue;
    if (at && at.getTime() < earliest) {
      errors[key] = [ANSWERED_BEFORE_RECEIPT[key], { receivedOn: row.receivedOn }];
    }
  }
  if (Object.keys(errors).length) throw refuse("invalid", "errors.fieldsNeedAttention", errors);
}

export const updateComplaint = defineOperation({
  name: "complaints.updateComplaint",
  permission: "complaints:write",
  input: complaintUpdateSchema,
  work: async ({ tx, input, actor, audit }) => {
    const current = await loadComplaintRow(tx, input.id);
    if (!current) throw refuse("not_found", "complaintRules.complaintNotFound");
    if (current.version !== input.version) throw await staleEditError(tx, input.id, input.version, current.version);
    const next = normalise(current, input.changes);
    if (next.duplicateOfId) {
      if (next.duplicateOfId === current.id) {
        throw refuse("invalid", "complaintRules.cannotDuplicateItself", {
          duplicateOfId: "complaintRules.chooseAnotherComplaint",
        });
      }
      next.duplicateOfId = await originalOf(tx, next.duplicateOfId);
      if (next.duplicateOfId === current.id) {
        throw refuse("invalid", "complaintRules.alreadyDuplicateOfThis", {
          duplicateOfId: "complaintRules.chooseAnotherComplaint",
        });
      }
    }
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(next)) {
      const old = current[key as keyof ComplaintRow];
      if (comparable(old) === comparable(value)) continue;
      before[key] = comparable(old);
      after[key] = comparable(value);
    }
    const changed = Object.keys(after);
    if (!changed.length) return current;
    if (current.anonymisedAt) {
      const personal = changed.filter((key) => key === "narrative" || key === "customerRef");
      if (personal.length) {
        const erased = "complaintRules.personalDataErased";
        throw refuse("invalid", erased, Object.fromEntries(personal.map((key) => [key, erased])));
      }
    }
    const merged = { ...current, ...next };
    if (after.status === "analysed" && !merged.excludedReason) await assertRootCausesForAnalysed(tx, [current.id]);
    await checkReferences(tx, merged, new Set(changed), current.id);
    if (after.externalId) await assertExternalIdFree(tx, merged.externalId, current.id);

    const set = Object.fromEntries(changed.map((key) => [key, next[key as keyof ComplaintRow]]));
    const [updated] = await tx
      .update(complaints)
      .set({ ...set, version: current.version + 1, updatedAt: new Date() })
      .where(and(eq(complaints.id, current.id), eq(complaints.version, input.version)))
      .returning(complaintColumns);
    // Someone committed between our read and this write.
    if (!updated) throw await staleEditError(tx, input.id, input.version, input.version + 1);
    if (after.status) {
      await tx.insert(statusTransitions).values({
        complaintId: current.id,
        fromStatus: current.status,
        toStatus: updated.status,
        actorId: actor.userId,
      });
    }
    if (after.assigneeId) await notifyAssigned(tx, actor, updated.assigneeId, [current.id]);
    await audit({
      action: "complaint.update",
      entityType: "complaint",
      entityId: current.id,
      before,
      after,
      meta: { version: updated.version },
    });
    return updated;
  },
});

/** The API's PATCH: the changes and `version` at the top level of one body, so field paths name the field. */
export const patchComplaint = defineOperation({
  name: "complaints.patchComplaint",
  permission: "complaints:write",
  input: complaintPatchBodySchema.extend({ id: z.string() }),
  work: ({ input: { id, version, ...changes }, ...ctx }) => {
    if (!z.uuid().safeParse(id).success) throw refuse("not_found", "complaintRules.complaintNotFound");
    return updateComplaint.work({ ...ctx, input: { id, version, changes } });
  },
});
