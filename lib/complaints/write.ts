import { and, eq, getTableColumns } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db";
import { complaints, statusTransitions } from "@/db/schema";
import { AppError } from "@/lib/errors";
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
    throw new AppError("invalid", "The external id is already used", {
      externalId: [`${existing.reference} already has the external id ${externalId}`],
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
        throw new AppError("invalid", "The external id is already used", {
          externalId: ["Another complaint has this external id"],
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
  const message = who.length
    ? `${who.join(" and ")} changed this complaint since you opened it`
    : "This complaint changed since you opened it";
  return new AppError("conflict", message, {
    currentVersion,
    yourVersion: editedVersion,
    changes: changes.map((c) => ({ at: c.at, by: c.actorName, sentence: c.sentence, changes: c.changes })),
  });
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

const ANSWERED: Record<"acknowledgedAt" | "respondedAt", string> = {
  acknowledgedAt: "The acknowledgement",
  respondedAt: "The final response",
};

// The received date is a calendar day wherever the complaint arrived: the earliest moment on it anywhere.
const EARLIEST_OFFSET_MS = 14 * 3600 * 1000;

/** A customer is answered after the complaint arrived, never before (a mistyped year, a wrong field). */
function assertAnsweredAfterReceipt(
  row: Pick<ComplaintRow, "receivedOn" | "acknowledgedAt" | "respondedAt">,
  changed: string[],
) {
  const errors: Record<string, string[]> = {};
  const earliest = Date.parse(`${row.receivedOn}T00:00:00Z`) - EARLIEST_OFFSET_MS;
  for (const key of ["acknowledgedAt", "respondedAt"] as const) {
    const at = row[key];
    if (!changed.includes(key) && !changed.includes("receivedOn")) continue;
    if (at && at.getTime() < earliest) {
      errors[key] = [`${ANSWERED[key]} cannot be before the complaint was received (${row.receivedOn})`];
    }
  }
  if (Object.keys(errors).length) throw new AppError("invalid", "Some fields need attention", errors);
}

export const updateComplaint = defineOperation({
  name: "complaints.updateComplaint",
  permission: "complaints:write",
  input: complaintUpdateSchema,
  work: async ({ tx, input, actor, audit }) => {
    const current = await loadComplaintRow(tx, input.id);
    if (!current) throw new AppError("not_found", "Complaint not found");
    if (current.version !== input.version) throw await staleEditError(tx, input.id, input.version, current.version);
    const next = normalise(current, input.changes);
    if (next.duplicateOfId) {
      if (next.duplicateOfId === current.id) {
        throw new AppError("invalid", "A complaint cannot duplicate itself", {
          duplicateOfId: ["Choose another complaint"],
        });
      }
      next.duplicateOfId = await originalOf(tx, next.duplicateOfId);
      if (next.duplicateOfId === current.id) {
        throw new AppError("invalid", "That complaint is already a duplicate of this one", {
          duplicateOfId: ["Choose another complaint"],
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
        const message = "This complaint's personal data has been erased and cannot be added back";
        throw new AppError("invalid", message, Object.fromEntries(personal.map((key) => [key, [message]])));
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
    if (!z.uuid().safeParse(id).success) throw new AppError("not_found", "Complaint not found");
    return updateComplaint.work({ ...ctx, input: { id, version, changes } });
  },
});
