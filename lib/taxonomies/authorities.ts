import { and, eq, ne, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { authorities, complaints, markets } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { first } from "@/lib/must";
import { defineOperation } from "@/lib/operations";
import { activeToggle, assertUnused, count, deleteOrRefuse, fieldError, lockTaxonomy, lowerEquals } from "./shared";
import { createAuthoritySchema, idSchema, updateAuthoritySchema } from "./validations";

type Authority = typeof authorities.$inferSelect;

async function getAuthority(tx: Tx, id: string): Promise<Authority> {
  const [row] = await tx.select().from(authorities).where(eq(authorities.id, id)).for("update");
  if (!row) throw notFound("adminRules.notFound.authority");
  return row;
}

/** Names are unique per market; the database's constraint is case-sensitive, this check is not. */
async function assertNameFree(tx: Tx, market: string, name: string, selfId?: string) {
  const [clash] = await tx
    .select({ name: authorities.name })
    .from(authorities)
    .where(
      and(
        eq(authorities.market, market),
        lowerEquals(authorities.name, name),
        selfId ? ne(authorities.id, selfId) : undefined,
      ),
    );
  if (clash) throw fieldError("name", ["adminRules.taxonomies.authorityExists", { market, name: clash.name }]);
}

export const createAuthority = defineOperation({
  name: "taxonomies.createAuthority",
  permission: "admin:manage",
  input: createAuthoritySchema,
  work: async ({ tx, input, audit }) => {
    await lockTaxonomy(tx, "authorities");
    const [market] = await tx.select({ code: markets.code }).from(markets).where(eq(markets.code, input.market));
    if (!market) throw fieldError("market", ["adminRules.taxonomies.noMarket", { market: input.market }]);
    await assertNameFree(tx, input.market, input.name);
    const after = first(await tx.insert(authorities).values(input).returning(), "inserted authorities");
    await audit({ action: "authority.create", entityType: "authority", entityId: after.id, after });
    return after;
  },
});

/**
 * Renames an authority. Its market and channel stay: complaints registered with it are checked
 * against both, so a different route is a new authority.
 */
export const updateAuthority = defineOperation({
  name: "taxonomies.updateAuthority",
  permission: "admin:manage",
  input: updateAuthoritySchema,
  work: async ({ tx, input, audit }) => {
    await lockTaxonomy(tx, "authorities");
    const before = await getAuthority(tx, input.id);
    await assertNameFree(tx, before.market, input.name, input.id);
    const after = first(
      await tx
        .update(authorities)
        .set({ name: input.name, shortName: input.shortName })
        .where(eq(authorities.id, input.id))
        .returning(),
      "updated authorities",
    );
    await audit({
      action: before.name !== after.name ? "authority.rename" : "authority.update",
      entityType: "authority",
      entityId: after.id,
      before,
      after,
    });
    return after;
  },
});

export const setAuthorityActive = activeToggle(
  "taxonomies.setAuthorityActive",
  authorities,
  "authority",
  "adminRules.notFound.authority",
);

export const deleteAuthority = defineOperation({
  name: "taxonomies.deleteAuthority",
  permission: "admin:manage",
  input: idSchema,
  work: async ({ tx, input, audit }) => {
    const before = await getAuthority(tx, input.id);
    const used = await count(
      tx.select({ n: sql<number>`count(*)::int` }).from(complaints).where(eq(complaints.authorityId, input.id)),
    );
    assertUnused(before.name, [{ count: used, kind: "complaint" }]);
    await deleteOrRefuse(before.name, () => tx.delete(authorities).where(eq(authorities.id, input.id)));
    await audit({ action: "authority.delete", entityType: "authority", entityId: before.id, before });
    return { id: input.id, deleted: true };
  },
});
