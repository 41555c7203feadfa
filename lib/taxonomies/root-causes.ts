import { and, eq, ne, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { rowsOf } from "@/db/rows";
import {
  agreementCodings,
  complaintRootCauses,
  remediationRootCauses,
  rootCauseAliases,
  rootCauses,
} from "@/db/schema";
import { notFound } from "@/lib/errors";
import { first } from "@/lib/must";
import { defineOperation } from "@/lib/operations";
import { activeToggle, assertUnused, count, deleteOrRefuse, fieldError, lockTaxonomy, lowerEquals } from "./shared";
import { createRootCauseSchema, idSchema, mergeRootCauseSchema, updateRootCauseSchema } from "./validations";

const fields = {
  id: rootCauses.id,
  name: rootCauses.name,
  description: rootCauses.description,
  active: rootCauses.active,
};

async function getRootCause(tx: Tx, id: string) {
  const [row] = await tx.select(fields).from(rootCauses).where(eq(rootCauses.id, id)).for("update");
  if (!row) throw notFound("adminRules.notFound.rootCause");
  return row;
}

/** A name may be neither another cause's name nor another cause's old name (it would resolve there on import). */
async function assertNameFree(tx: Tx, name: string, selfId?: string) {
  const [clash] = await tx
    .select({ name: rootCauses.name })
    .from(rootCauses)
    .where(and(lowerEquals(rootCauses.name, name), selfId ? ne(rootCauses.id, selfId) : undefined));
  if (clash) throw fieldError("name", ["adminRules.taxonomies.rootCauseExists", { name: clash.name }]);
  const [alias] = await tx
    .select({ name: rootCauses.name })
    .from(rootCauseAliases)
    .innerJoin(rootCauses, eq(rootCauses.id, rootCauseAliases.rootCauseId))
    .where(
      and(lowerEquals(rootCauseAliases.alias, name), selfId ? ne(rootCauseAliases.rootCauseId, selfId) : undefined),
    );
  if (alias) throw fieldError("name", ["adminRules.taxonomies.oldRootCauseName", { name, cause: alias.name }]);
}

/** Keeps `name` as an old name of the cause (unless it is its name again), so files that use it still import. */
async function keepAlias(tx: Tx, rootCauseId: string, name: string) {
  await tx.insert(rootCauseAliases).values({ rootCauseId, alias: name }).onConflictDoNothing();
}

export const createRootCause = defineOperation({
  name: "taxonomies.createRootCause",
  permission: "admin:manage",
  input: createRootCauseSchema,
  work: async ({ tx, input, audit }) => {
    await lockTaxonomy(tx, "root-causes");
    await assertNameFree(tx, input.name);
    const after = first(await tx.insert(rootCauses).values(input).returning(fields), "inserted root causes");
    await audit({ action: "root_cause.create", entityType: "root_cause", entityId: after.id, after });
    return after;
  },
});

/** Tags refer to the cause's id, so tagged complaints and reports follow a rename; the audit log keeps the old name. */
export const updateRootCause = defineOperation({
  name: "taxonomies.updateRootCause",
  permission: "admin:manage",
  input: updateRootCauseSchema,
  work: async ({ tx, input, audit }) => {
    await lockTaxonomy(tx, "root-causes");
    const before = await getRootCause(tx, input.id);
    await assertNameFree(tx, input.name, input.id);
    const after = first(
      await tx
        .update(rootCauses)
        .set({ name: input.name, description: input.description })
        .where(eq(rootCauses.id, input.id))
        .returning(fields),
      "updated root causes",
    );
    if (before.name !== after.name) {
      // The new name is the name again, no longer an alias; the old one becomes one.
      await tx
        .delete(rootCauseAliases)
        .where(and(eq(rootCauseAliases.rootCauseId, after.id), lowerEquals(rootCauseAliases.alias, after.name)));
      if (before.name.toLowerCase() !== after.name.toLowerCase()) await keepAlias(tx, after.id, before.name);
    }
    const action = before.name !== after.name ? "root_cause.rename" : "root_cause.update";
    await audit({ action, entityType: "root_cause", entityId: after.id, before, after });
    return after;
  },
});

export const setRootCauseActive = activeToggle(
  "taxonomies.setRootCauseActive",
  rootCauses,
  "root_cause",
  "adminRules.notFound.rootCause",
);

export const deleteRootCause = defineOperation({
  name: "taxonomies.deleteRootCause",
  permission: "admin:manage",
  input: idSchema,
  work: async ({ tx, input, audit }) => {
    const before = await getRootCause(tx, input.id);
    const n = sql<number>`count(*)::int`;
    const [tags, actions, codings] = await Promise.all([
      count(tx.select({ n }).from(complaintRootCauses).where(eq(complaintRootCauses.rootCauseId, input.id))),
      count(tx.select({ n }).from(remediationRootCauses).where(eq(remediationRootCauses.rootCauseId, input.id))),
      count(tx.select({ n }).from(agreementCodings).where(eq(agreementCodings.rootCauseId, input.id))),
    ]);
    assertUnused(before.name, [
      { count: tags, kind: "complaint" },
      { count: actions, kind: "action" },
      { count: codings, kind: "coding" },
    ]);
    await deleteOrRefuse(before.name, () => tx.delete(rootCauses).where(eq(rootCauses.id, input.id)));
    await audit({ action: "root_cause.delete", entityType: "root_cause", entityId: before.id, before });
    return { id: input.id, deleted: true };
  },
});

/**
 * Merges cause `fromId` into `intoId`: its complaint tags move there (a complaint tagged with both
 * keeps one tag, primary if either was), as do its remediation actions and agreement codings; its
 * name and old names become old names of the other cause. The merged cause stays, inactive and
 * pointing at the other, so the history that names it still reads; the audit entry counts what moved.
 */
export const mergeRootCause = defineOperation({
  name: "taxonomies.mergeRootCause",
  permission: "admin:manage",
  input: mergeRootCauseSchema,
  work: async ({ tx, input, audit }) => {
    await lockTaxonomy(tx, "root-causes");
    const [from, into] = [await getRootCause(tx, input.fromId), await getRootCause(tx, input.intoId)];
    const [merged] = await tx
      .select({ from: rootCauses.mergedIntoId })
      .from(rootCauses)
      .where(eq(rootCauses.id, from.id));
    if (merged?.from) throw fieldError("fromId", ["adminRules.taxonomies.alreadyMerged", { name: from.name }]);
    const [target] = await tx
      .select({ into: rootCauses.mergedIntoId })
      .from(rootCauses)
      .where(eq(rootCauses.id, into.id));
    if (target?.into) throw fieldError("intoId", ["adminRules.taxonomies.targetMerged", { name: into.name }]);

    // Complaints tagged with both keep the target's tag, made primary where the merged one was.
    const both = rowsOf<{ complaintId: string; primary: boolean }>(
      await tx.execute(sql`
        delete from complaint_root_causes a using complaint_root_causes b
        where a.root_cause_id = ${from.id}::uuid and b.root_cause_id = ${into.id}::uuid
          and a.complaint_id = b.complaint_id
        returning a.complaint_id::text as "complaintId", a.is_primary as "primary"`),
    );
    const primaryIds = both.filter((r) => r.primary).map((r) => r.complaintId);
    if (primaryIds.length) {
      await tx.execute(sql`
        update complaint_root_causes set is_primary = true
        where root_cause_id = ${into.id}::uuid
          and complaint_id in (${sql.join(
            primaryIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`);
    }
    const moved = await tx
      .update(complaintRootCauses)
      .set({ rootCauseId: into.id })
      .where(eq(complaintRootCauses.rootCauseId, from.id))
      .returning({ id: complaintRootCauses.complaintId });
    const actions = rowsOf<{ actionId: string }>(
      await tx.execute(sql`
        with gone as (
          delete from remediation_root_causes where root_cause_id = ${from.id}::uuid returning action_id
        )
        insert into remediation_root_causes (action_id, root_cause_id)
        select action_id, ${into.id}::uuid from gone
        on conflict do nothing
        returning action_id::text as "actionId"`),
    );
    const codings = await tx
      .update(agreementCodings)
      .set({ rootCauseId: into.id })
      .where(eq(agreementCodings.rootCauseId, from.id))
      .returning({ id: agreementCodings.complaintId });

    await tx.update(rootCauseAliases).set({ rootCauseId: into.id }).where(eq(rootCauseAliases.rootCauseId, from.id));
    await keepAlias(tx, into.id, from.name);
    await tx.update(rootCauses).set({ active: false, mergedIntoId: into.id }).where(eq(rootCauses.id, from.id));

    const result = {
      fromId: from.id,
      intoId: into.id,
      tagsMoved: moved.length,
      tagsCombined: both.length,
      actionsMoved: actions.length,
      codingsMoved: codings.length,
    };
    await audit({
      action: "root_cause.merge",
      entityType: "root_cause",
      entityId: from.id,
      before: { name: from.name, active: from.active },
      after: { mergedInto: into.id, mergedIntoName: into.name },
      meta: result,
    });
    return result;
  },
});
