import { and, inArray, notExists, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db";
import { complaintRootCauses, complaints } from "@/db/schema";
import { COMPLAINT_STATUSES, EXCLUDED_REASONS } from "@/lib/domain/values";
import type { Locale } from "@/lib/i18n/locales";
import { refuse, rule } from "@/lib/i18n/say";
import { defineOperation, defineRead } from "@/lib/operations";
import { type BulkContext, type BulkRow, HANDLERS } from "./bulk-handlers";
import { type Refusal, statusRefusal } from "./bulk-refusals";
import { parseComplaintFilters } from "./filters";
import { complaintWhere, resolveSearch } from "./list-where";

/** One bulk action covers at most this many complaints, so its single transaction stays short. */
export const BULK_MAX = 5000;

const id = z.uuid(rule("complaintRules.notId"));
const nullableId = z.union([id, z.literal(""), z.null()]).transform((v) => v || null);

const bulkTargetSchema = z.union([
  z.object({
    ids: z
      .array(id)
      .min(1, rule("complaintRules.selectAtLeastOne"))
      .max(BULK_MAX, rule(["complaintRules.bulkAtMost", { max: BULK_MAX }])),
  }),
  // Every complaint matching the list's filters, as its URL query string.
  z.object({ filter: z.string().max(8000) }),
]);

export const bulkActionKindSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("assign"), assigneeId: nullableId }),
  z.object({ kind: z.literal("status"), status: z.enum(COMPLAINT_STATUSES, rule("complaintRules.statusMissing")) }),
  z.object({ kind: z.literal("category"), categoryId: nullableId }),
  z.object({ kind: z.literal("root_cause"), rootCauseId: id }),
  z.object({
    kind: z.literal("duplicate_of"),
    reference: z.string().trim().min(1, rule("complaintRules.originalReferenceMissing")),
  }),
  z.object({
    kind: z.literal("exclude"),
    reason: z.enum(EXCLUDED_REASONS, rule("complaintRules.reasonMissing")),
    note: z.string().trim().max(500).optional(),
  }),
]);

export const bulkActionSchema = z.object({ target: bulkTargetSchema, action: bulkActionKindSchema });
export type BulkActionInput = z.input<typeof bulkActionSchema>;
export type BulkAction = z.output<typeof bulkActionKindSchema>;

async function targetIds(tx: Db | Tx, target: z.output<typeof bulkTargetSchema>, locale?: Locale): Promise<string[]> {
  if ("ids" in target) return [...new Set(target.ids)];
  const filters = parseComplaintFilters(new URLSearchParams(target.filter), locale);
  await resolveSearch(tx, filters.q, filters.market);
  const rows = await tx
    .select({ id: complaints.id })
    .from(complaints)
    .where(complaintWhere(filters))
    .limit(BULK_MAX + 1);
  if (rows.length > BULK_MAX) {
    throw refuse("invalid", ["complaintRules.bulkTooMany", { max: BULK_MAX }]);
  }
  return rows.map((r) => r.id);
}

/** The target's complaints as a bulk action sees them, locked when they are about to change. */
async function loadRows(tx: Db | Tx, ids: string[], lock: boolean): Promise<BulkRow[]> {
  const query = tx
    .select({
      id: complaints.id,
      reference: complaints.reference,
      status: complaints.status,
      assigneeId: complaints.assigneeId,
      categoryId: complaints.categoryId,
      excludedReason: complaints.excludedReason,
      duplicateOfId: complaints.duplicateOfId,
      respondedAt: complaints.respondedAt,
    })
    .from(complaints)
    .where(inArray(complaints.id, ids))
    .orderBy(complaints.reference);
  const rows = lock ? await query.for("update") : await query;
  if (rows.length !== ids.length)
    throw refuse("not_found", ["complaintRules.bulkGone", { count: ids.length - rows.length }]);
  return rows;
}

/** Of these complaints, the ones without any root cause. */
async function withoutRootCause(tx: Db | Tx, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await tx
    .select({ id: complaints.id })
    .from(complaints)
    .where(
      and(
        inArray(complaints.id, ids),
        notExists(
          tx
            .select({ one: sql`1` })
            .from(complaintRootCauses)
            .where(sql`${complaintRootCauses.complaintId} = ${complaints.id}`),
        ),
      ),
    );
  return new Set(rows.map((r) => r.id));
}

/**
 * Assign, change status, set category, add a root cause, mark as duplicate or exclude — for the
 * selected complaints or every one matching a filter. All or nothing, one audit entry per complaint;
 * each kind of action is its own handler (bulk-handlers.ts).
 */
export const runBulkAction = defineOperation({
  name: "complaints.runBulkAction",
  permission: "complaints:write",
  input: bulkActionSchema,
  work: async ({ tx, input, actor, audit }) => {
    const ids = await targetIds(tx, input.target, actor.locale);
    if (!ids.length) return { matched: 0, changed: 0 };
    const rows = await loadRows(tx, ids, true);
    const action = input.action;
    const ctx: BulkContext = {
      tx,
      actor,
      audit,
      ids,
      rows,
      meta: {
        bulk: true,
        matched: ids.length,
        ...(action.kind === "exclude" && action.note ? { note: action.note } : {}),
      },
    };
    const changed = await runHandler(ctx, action);
    return { matched: ids.length, changed };
  },
});

// Each kind meets its own handler; the map's type keeps the two in step.
function runHandler(ctx: BulkContext, action: BulkAction): Promise<number> {
  switch (action.kind) {
    case "assign":
      return HANDLERS.assign(ctx, action);
    case "status":
      return HANDLERS.status(ctx, action);
    case "category":
      return HANDLERS.category(ctx, action);
    case "root_cause":
      return HANDLERS.root_cause(ctx, action);
    case "duplicate_of":
      return HANDLERS.duplicate_of(ctx, action);
    case "exclude":
      return HANDLERS.exclude(ctx, action);
  }
}

export type BulkPreview = {
  matched: number;
  /** The complaints the action can change; applying to just these succeeds. */
  applicableIds: string[];
  /** Already as the action would leave them. */
  unchanged: number;
  /** Each complaint the action cannot apply to, and why. */
  refusals: Refusal[];
  /** Of the applicable, those closing would give today's date as their final response. */
  closingWithoutResponse: number;
};

/**
 * What the action would do, before it is done: the list shows each refusal per complaint and asks
 * before closing. Reads only (it needs the write permission because it is the first half of a write).
 */
export const previewBulkAction = defineRead({
  name: "complaints.previewBulkAction",
  permission: "complaints:write",
  input: bulkActionSchema,
  read: async ({ db: tx, input, actor }): Promise<BulkPreview> => {
    const ids = await targetIds(tx, input.target, actor.locale);
    const rows = ids.length ? await loadRows(tx, ids, false) : [];
    const action = input.action;
    if (action.kind !== "status") {
      return { matched: rows.length, applicableIds: ids, unchanged: 0, refusals: [], closingWithoutResponse: 0 };
    }
    const uncaused = action.status === "analysed" ? await withoutRootCause(tx, ids) : new Set<string>();
    const refusals: Refusal[] = [];
    const applicable: BulkRow[] = [];
    let unchanged = 0;
    for (const row of rows) {
      const reason = statusRefusal({ ...row, hasRootCause: !uncaused.has(row.id) }, action.status, actor.locale);
      if (reason) refusals.push({ id: row.id, reference: row.reference, reason });
      else if (row.status === action.status) unchanged++;
      else applicable.push(row);
    }
    return {
      matched: rows.length,
      applicableIds: applicable.map((r) => r.id),
      unchanged,
      refusals,
      closingWithoutResponse: action.status === "closed" ? applicable.filter((r) => r.respondedAt === null).length : 0,
    };
  },
});
