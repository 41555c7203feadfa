import { eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { categories, complaintRootCauses, complaints, rootCauses, statusTransitions } from "@/db/schema";
import type { AuditEntry } from "@/lib/audit/log";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { refuse } from "@/lib/i18n/say";
import { notifyAssigned } from "@/lib/notifications/notify";
import { assertRootCausesForAnalysed } from "./analysis-rule";
import type { BulkAction } from "./bulk";
import { type Refusal, refusalLine, refusalMessage, transitionRefusal } from "./bulk-refusals";
import { originalOf } from "./family";
import { checkReferences } from "./references-check";

// One handler per kind of bulk action. Each checks what its kind needs, changes the rows that
// differ, and writes their audit entries; all run inside runBulkAction's transaction.

type ComplaintRow = typeof complaints.$inferSelect;
/** A target complaint as the handlers see it: the columns bulk actions read or change. */
export type BulkRow = Pick<
  ComplaintRow,
  "id" | "reference" | "status" | "assigneeId" | "categoryId" | "excludedReason" | "duplicateOfId" | "respondedAt"
>;
type Changeable = Pick<BulkRow, "status" | "assigneeId" | "categoryId" | "excludedReason" | "duplicateOfId">;

export type BulkContext = {
  tx: Tx;
  actor: Actor;
  audit: (entry: AuditEntry | AuditEntry[]) => Promise<void>;
  ids: string[];
  rows: BulkRow[];
  meta: Record<string, unknown>;
};

type Handler<K extends BulkAction["kind"]> = (
  ctx: BulkContext,
  action: Extract<BulkAction, { kind: K }>,
) => Promise<number>;

/** The fields of `set` on which this row differs from it. */
function differing(row: BulkRow, set: Partial<Changeable>): (keyof Changeable)[] {
  return (Object.keys(set) as (keyof Changeable)[]).filter((k) => row[k] !== set[k]);
}

/**
 * Writes `set` to every target row that differs, bumping versions, with one audit entry per
 * complaint naming the field. Returns the rows changed (with their earlier values).
 */
async function applyChanges(
  ctx: BulkContext,
  set: Partial<Changeable>,
  field: keyof Changeable,
  options: { closing?: boolean } = {},
): Promise<BulkRow[]> {
  const changing = ctx.rows.filter((r) => differing(r, set).length > 0);
  if (!changing.length) return [];
  const updated = await ctx.tx
    .update(complaints)
    .set({
      ...set,
      ...(options.closing ? { respondedAt: sql`coalesce(${complaints.respondedAt}, now())` } : {}),
      version: sql`${complaints.version} + 1`,
      updatedAt: new Date(),
    })
    .where(
      inArray(
        complaints.id,
        changing.map((r) => r.id),
      ),
    )
    .returning({ id: complaints.id, version: complaints.version });
  const versions = new Map(updated.map((u) => [u.id, u.version]));
  await ctx.audit(
    changing.map((r) => {
      const keys = differing(r, set);
      return {
        action: "complaint.update",
        entityType: "complaint",
        entityId: r.id,
        before: Object.fromEntries(keys.map((k) => [k, r[k]])),
        after: Object.fromEntries(keys.map((k) => [k, set[k]])),
        meta: { ...ctx.meta, version: versions.get(r.id), field },
      };
    }),
  );
  return changing;
}

const assign: Handler<"assign"> = async (ctx, action) => {
  if (action.assigneeId)
    await checkReferences(
      ctx.tx,
      { market: "", channel: "customer_service", authorityId: null, assigneeId: action.assigneeId },
      new Set(["assigneeId"]),
    );
  const changed = await applyChanges(ctx, { assigneeId: action.assigneeId }, "assigneeId");
  await notifyAssigned(
    ctx.tx,
    ctx.actor,
    action.assigneeId,
    changed.map((r) => r.id),
  );
  return changed.length;
};

const setStatus: Handler<"status"> = async (ctx, action) => {
  // Each refused complaint and why, in the language of whoever reads the refusal.
  const refusalsIn = (locale: Locale): Refusal[] =>
    ctx.rows.flatMap((r) => {
      const reason = transitionRefusal(r, action.status, locale);
      return reason ? [{ id: r.id, reference: r.reference, reason }] : [];
    });
  if (refusalsIn(DEFAULT_LOCALE).length)
    throw new AppError("invalid", (locale) => {
      const refusals = refusalsIn(locale);
      return {
        message: refusalMessage(refusals, action.status, undefined, locale),
        details: { "action.status": refusals.map(refusalLine) },
      };
    });
  if (action.status === "analysed")
    await assertRootCausesForAnalysed(
      ctx.tx,
      ctx.rows.filter((r) => r.status !== "analysed").map((r) => r.id),
      "action.status",
    );
  const changed = await applyChanges(ctx, { status: action.status }, "status", {
    closing: action.status === "closed",
  });
  if (changed.length)
    await ctx.tx.insert(statusTransitions).values(
      changed.map((r) => ({
        complaintId: r.id,
        fromStatus: r.status,
        toStatus: action.status,
        actorId: ctx.actor.userId,
        note: "bulk",
      })),
    );
  return changed.length;
};

const setCategory: Handler<"category"> = async (ctx, action) => {
  if (action.categoryId) {
    const [category] = await ctx.tx
      .select({ id: categories.id })
      .from(categories)
      .where(eq(categories.id, action.categoryId));
    if (!category)
      throw refuse("invalid", "complaintRules.categoryUnknown", {
        "action.categoryId": "complaintRules.categoryMissing",
      });
  }
  return (await applyChanges(ctx, { categoryId: action.categoryId }, "categoryId")).length;
};

const addRootCause: Handler<"root_cause"> = async (ctx, action) => {
  const [cause] = await ctx.tx
    .select({ id: rootCauses.id })
    .from(rootCauses)
    .where(eq(rootCauses.id, action.rootCauseId));
  if (!cause)
    throw refuse("invalid", "complaintRules.rootCauseUnknown", {
      "action.rootCauseId": "complaintRules.rootCauseFromList",
    });
  const tagged = await ctx.tx
    .select({ complaintId: complaintRootCauses.complaintId, rootCauseId: complaintRootCauses.rootCauseId })
    .from(complaintRootCauses)
    .where(inArray(complaintRootCauses.complaintId, ctx.ids));
  const has = new Set(tagged.filter((t) => t.rootCauseId === action.rootCauseId).map((t) => t.complaintId));
  const hasAny = new Set(tagged.map((t) => t.complaintId));
  const todo = ctx.ids.filter((cid) => !has.has(cid));
  if (!todo.length) return 0;
  await ctx.tx.insert(complaintRootCauses).values(
    todo.map((cid) => ({
      complaintId: cid,
      rootCauseId: action.rootCauseId,
      primary: !hasAny.has(cid),
      taggedBy: ctx.actor.userId,
    })),
  );
  await ctx.audit(
    todo.map((cid) => ({
      action: "complaint.root_cause.add",
      entityType: "complaint",
      entityId: cid,
      after: { rootCauseId: action.rootCauseId, primary: !hasAny.has(cid) },
      meta: ctx.meta,
    })),
  );
  return todo.length;
};

const markDuplicate: Handler<"duplicate_of"> = async (ctx, action) => {
  const [original] = await ctx.tx
    .select({ id: complaints.id })
    .from(complaints)
    .where(eq(complaints.reference, action.reference.toUpperCase()));
  if (!original)
    throw refuse("invalid", "complaintRules.noSuchComplaint", {
      "action.reference": ["complaintRules.noComplaintWithReference", { reference: action.reference }],
    });
  const rootId = await originalOf(ctx.tx, original.id);
  if (ctx.ids.includes(rootId))
    throw refuse("invalid", "complaintRules.originalInSelection", {
      "action.reference": "complaintRules.chooseOutsideSelection",
    });
  return (await applyChanges(ctx, { excludedReason: "duplicate", duplicateOfId: rootId }, "duplicateOfId")).length;
};

const exclude: Handler<"exclude"> = async (ctx, action) => {
  const set: Partial<Changeable> =
    action.reason === "duplicate"
      ? { excludedReason: action.reason }
      : { excludedReason: action.reason, duplicateOfId: null };
  return (await applyChanges(ctx, set, "excludedReason")).length;
};

/** One handler per kind; the type requires every kind to have one. */
export const HANDLERS: { [K in BulkAction["kind"]]: Handler<K> } = {
  assign,
  status: setStatus,
  category: setCategory,
  root_cause: addRootCause,
  duplicate_of: markDuplicate,
  exclude,
};
