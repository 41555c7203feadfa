import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db";
import { categories, complaintRootCauses, complaints, rootCauses, statusTransitions } from "@/db/schema";
import { COMPLAINT_STATUSES, EXCLUDED_REASONS } from "@/db/schema/enums";
import type { AuditEntry } from "@/lib/audit/log";
import { AppError } from "@/lib/errors";
import { notifyAssigned } from "@/lib/notifications/notify";
import { defineOperation } from "@/lib/operations";
import { assertRootCausesForAnalysed } from "./analysis-rule";
import { originalOf } from "./family";
import { complaintWhere, parseComplaintFilters } from "./filters";
import { checkReferences } from "./references-check";
import { canTransition, STATUS_LABELS } from "./workflow";

/** One bulk action covers at most this many complaints, so its single transaction stays short. */
export const BULK_MAX = 5000;

const id = z.uuid({ message: "Not an id" });
const nullableId = z.union([id, z.literal(""), z.null()]).transform((v) => v || null);

export const bulkActionSchema = z.object({
  target: z.union([
    z.object({
      ids: z.array(id).min(1, "Select at least one complaint").max(BULK_MAX, `At most ${BULK_MAX} complaints at once`),
    }),
    // Every complaint matching the list's filters, as its URL query string.
    z.object({ filter: z.string().max(8000) }),
  ]),
  action: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("assign"), assigneeId: nullableId }),
    z.object({ kind: z.literal("status"), status: z.enum(COMPLAINT_STATUSES, { message: "Choose a status" }) }),
    z.object({ kind: z.literal("category"), categoryId: nullableId }),
    z.object({ kind: z.literal("root_cause"), rootCauseId: id }),
    z.object({
      kind: z.literal("duplicate_of"),
      reference: z.string().trim().min(1, "Enter the original's reference"),
    }),
    z.object({
      kind: z.literal("exclude"),
      reason: z.enum(EXCLUDED_REASONS, { message: "Choose a reason" }),
      note: z.string().trim().max(500).optional(),
    }),
  ]),
});
export type BulkActionInput = z.input<typeof bulkActionSchema>;

async function targetIds(tx: Tx, target: z.output<typeof bulkActionSchema>["target"]): Promise<string[]> {
  if ("ids" in target) return [...new Set(target.ids)];
  const filters = parseComplaintFilters(new URLSearchParams(target.filter));
  const rows = await tx
    .select({ id: complaints.id })
    .from(complaints)
    .where(complaintWhere(filters))
    .limit(BULK_MAX + 1);
  if (rows.length > BULK_MAX) {
    throw new AppError("invalid", `The filter matches more than ${BULK_MAX} complaints; narrow it down first`);
  }
  return rows.map((r) => r.id);
}

type Current = {
  id: string;
  reference: string;
  status: string;
  assigneeId: string | null;
  categoryId: string | null;
  excludedReason: string | null;
  duplicateOfId: string | null;
};

function listRefs(rows: { reference: string }[]): string {
  const refs = rows
    .slice(0, 10)
    .map((r) => r.reference)
    .join(", ");
  return rows.length > 10 ? `${refs} and ${rows.length - 10} more` : refs;
}

/**
 * Assign, change status, set category, add a root cause, mark as duplicate or exclude — for the
 * selected complaints or every one matching a filter. All or nothing, one audit entry per complaint.
 */
export const runBulkAction = defineOperation({
  name: "complaints.runBulkAction",
  permission: "complaints:write",
  input: bulkActionSchema,
  work: async ({ tx, input, actor, audit }) => {
    const ids = await targetIds(tx, input.target);
    if (!ids.length) return { matched: 0, changed: 0 };
    const rows: Current[] = await tx
      .select({
        id: complaints.id,
        reference: complaints.reference,
        status: complaints.status,
        assigneeId: complaints.assigneeId,
        categoryId: complaints.categoryId,
        excludedReason: complaints.excludedReason,
        duplicateOfId: complaints.duplicateOfId,
      })
      .from(complaints)
      .where(inArray(complaints.id, ids))
      .for("update");
    if (rows.length !== ids.length)
      throw new AppError("not_found", `${ids.length - rows.length} of the selected complaints no longer exist`);
    const action = input.action;
    const meta = {
      bulk: true,
      matched: ids.length,
      ...(action.kind === "exclude" && action.note ? { note: action.note } : {}),
    };

    if (action.kind === "root_cause") {
      const [cause] = await tx
        .select({ id: rootCauses.id })
        .from(rootCauses)
        .where(eq(rootCauses.id, action.rootCauseId));
      if (!cause)
        throw new AppError("invalid", "Unknown root cause", {
          "action.rootCauseId": ["Choose a root cause from the list"],
        });
      const tagged = await tx
        .select({ complaintId: complaintRootCauses.complaintId, rootCauseId: complaintRootCauses.rootCauseId })
        .from(complaintRootCauses)
        .where(inArray(complaintRootCauses.complaintId, ids));
      const has = new Set(tagged.filter((t) => t.rootCauseId === action.rootCauseId).map((t) => t.complaintId));
      const hasAny = new Set(tagged.map((t) => t.complaintId));
      const todo = ids.filter((cid) => !has.has(cid));
      if (todo.length) {
        await tx.insert(complaintRootCauses).values(
          todo.map((cid) => ({
            complaintId: cid,
            rootCauseId: action.rootCauseId,
            primary: !hasAny.has(cid),
            taggedBy: actor.userId,
          })),
        );
        await audit(
          todo.map((cid) => ({
            action: "complaint.root_cause.add",
            entityType: "complaint",
            entityId: cid,
            after: { rootCauseId: action.rootCauseId, primary: !hasAny.has(cid) },
            meta,
          })),
        );
      }
      return { matched: ids.length, changed: todo.length };
    }

    let set: Record<string, unknown>;
    let field: keyof Current;
    switch (action.kind) {
      case "assign":
        if (action.assigneeId)
          await checkReferences(
            tx,
            { market: "", channel: "customer_service", authorityId: null, assigneeId: action.assigneeId },
            new Set(["assigneeId"]),
          );
        set = { assigneeId: action.assigneeId };
        field = "assigneeId";
        break;
      case "category":
        if (action.categoryId) {
          const [category] = await tx
            .select({ id: categories.id })
            .from(categories)
            .where(eq(categories.id, action.categoryId));
          if (!category)
            throw new AppError("invalid", "Unknown category", {
              "action.categoryId": ["Choose a category from the list"],
            });
        }
        set = { categoryId: action.categoryId };
        field = "categoryId";
        break;
      case "status": {
        const stuck = rows.filter(
          (r) => r.status !== action.status && !canTransition(r.status as never, action.status),
        );
        if (stuck.length) {
          throw new AppError(
            "invalid",
            `${stuck.length} of the complaints cannot become ${STATUS_LABELS[action.status].toLowerCase()}: ${listRefs(stuck)}`,
            { "action.status": ["Not allowed from every selected complaint's status"] },
          );
        }
        if (action.status === "analysed")
          await assertRootCausesForAnalysed(
            tx,
            rows.filter((r) => r.status !== "analysed").map((r) => r.id),
            "action.status",
          );
        set = { status: action.status };
        field = "status";
        break;
      }
      case "duplicate_of": {
        const [original] = await tx
          .select({ id: complaints.id })
          .from(complaints)
          .where(eq(complaints.reference, action.reference.toUpperCase()));
        if (!original)
          throw new AppError("invalid", "No such complaint", {
            "action.reference": [`No complaint has the reference ${action.reference}`],
          });
        const rootId = await originalOf(tx, original.id);
        if (ids.includes(rootId))
          throw new AppError("invalid", "The original is among the selected complaints", {
            "action.reference": ["Choose a complaint outside the selection"],
          });
        set = { excludedReason: "duplicate", duplicateOfId: rootId };
        field = "duplicateOfId";
        break;
      }
      case "exclude":
        set = { excludedReason: action.reason, ...(action.reason === "duplicate" ? {} : { duplicateOfId: null }) };
        field = "excludedReason";
        break;
    }
    const changing = rows.filter((r) => Object.entries(set).some(([k, v]) => r[k as keyof Current] !== v));
    if (!changing.length) return { matched: ids.length, changed: 0 };
    const closing = action.kind === "status" && action.status === "closed";
    const updated = await tx
      .update(complaints)
      .set({
        ...set,
        ...(closing ? { respondedAt: sql`coalesce(${complaints.respondedAt}, now())` } : {}),
        version: sql`${complaints.version} + 1`,
        updatedAt: new Date(),
      })
      .where(
        and(
          inArray(
            complaints.id,
            changing.map((r) => r.id),
          ),
        ),
      )
      .returning({ id: complaints.id, version: complaints.version });
    const versions = new Map(updated.map((u) => [u.id, u.version]));
    if (action.kind === "assign")
      await notifyAssigned(
        tx,
        actor,
        action.assigneeId,
        updated.map((u) => u.id),
      );
    if (action.kind === "status") {
      await tx.insert(statusTransitions).values(
        changing.map((r) => ({
          complaintId: r.id,
          fromStatus: r.status as never,
          toStatus: action.status,
          actorId: actor.userId,
          note: "bulk",
        })),
      );
    }
    const entries: AuditEntry[] = changing.map((r) => ({
      action: "complaint.update",
      entityType: "complaint",
      entityId: r.id,
      before: Object.fromEntries(
        Object.keys(set)
          .filter((k) => r[k as keyof Current] !== set[k])
          .map((k) => [k, r[k as keyof Current]]),
      ),
      after: Object.fromEntries(
        Object.keys(set)
          .filter((k) => r[k as keyof Current] !== set[k])
          .map((k) => [k, set[k]]),
      ),
      meta: { ...meta, version: versions.get(r.id), field },
    }));
    await audit(entries);
    return { matched: ids.length, changed: changing.length };
  },
});
