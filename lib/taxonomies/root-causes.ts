import { and, eq, ne, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { agreementCodings, complaintRootCauses, remediationRootCauses, rootCauses } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { first } from "@/lib/must";
import { defineOperation } from "@/lib/operations";
import { activeToggle, assertUnused, count, deleteOrRefuse, fieldError, lockTaxonomy, lowerEquals } from "./shared";
import { createRootCauseSchema, idSchema, updateRootCauseSchema } from "./validations";

const fields = {
  id: rootCauses.id,
  name: rootCauses.name,
  description: rootCauses.description,
  active: rootCauses.active,
};

async function getRootCause(tx: Tx, id: string) {
  const [row] = await tx.select(fields).from(rootCauses).where(eq(rootCauses.id, id)).for("update");
  if (!row) throw notFound("Root cause");
  return row;
}

async function assertNameFree(tx: Tx, name: string, selfId?: string) {
  const [clash] = await tx
    .select({ name: rootCauses.name })
    .from(rootCauses)
    .where(and(lowerEquals(rootCauses.name, name), selfId ? ne(rootCauses.id, selfId) : undefined));
  if (clash) throw fieldError("name", `A root cause “${clash.name}” already exists`);
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
    const action = before.name !== after.name ? "root_cause.rename" : "root_cause.update";
    await audit({ action, entityType: "root_cause", entityId: after.id, before, after });
    return after;
  },
});

export const setRootCauseActive = activeToggle("taxonomies.setRootCauseActive", rootCauses, "root_cause", "Root cause");

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
      { count: tags, one: "complaint", many: "complaints" },
      { count: actions, one: "remediation action", many: "remediation actions" },
      { count: codings, one: "agreement coding", many: "agreement codings" },
    ]);
    await deleteOrRefuse(before.name, () => tx.delete(rootCauses).where(eq(rootCauses.id, input.id)));
    await audit({ action: "root_cause.delete", entityType: "root_cause", entityId: before.id, before });
    return { id: input.id, deleted: true };
  },
});
