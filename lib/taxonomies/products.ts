import { and, asc, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { complaints, productAliases, products, purchaseVolumes, remediationActions } from "@/db/schema";
import { notFound } from "@/lib/errors";
import type { Phrase } from "@/lib/i18n/say";
import { first } from "@/lib/must";
import { defineOperation } from "@/lib/operations";
import { activeToggle, assertUnused, count, deleteOrRefuse, fieldError, lockTaxonomy, lowerEquals } from "./shared";
import {
  createProductSchema,
  idSchema,
  productAliasSchema,
  removeAliasSchema,
  updateProductSchema,
} from "./validations";

type NameOwner = { productId: string; productName: string; kind: "name" | "alias" };

/** The product that already answers to this name, as its name or one of its aliases (case-insensitive). */
async function ownerOfName(tx: Tx, name: string): Promise<NameOwner | null> {
  const [asName] = await tx
    .select({ id: products.id, name: products.name })
    .from(products)
    .where(lowerEquals(products.name, name));
  if (asName) return { productId: asName.id, productName: asName.name, kind: "name" };
  const [asAlias] = await tx
    .select({ id: products.id, name: products.name })
    .from(productAliases)
    .innerJoin(products, eq(products.id, productAliases.productId))
    .where(lowerEquals(productAliases.alias, name));
  return asAlias ? { productId: asAlias.id, productName: asAlias.name, kind: "alias" } : null;
}

const taken = (name: string, owner: NameOwner): Phrase =>
  owner.kind === "name"
    ? ["adminRules.taxonomies.productNameTaken", { name }]
    : ["adminRules.taxonomies.aliasTaken", { name, product: owner.productName }];

/** A product's row with its aliases, as the audit log records it before and after a change. */
async function snapshot(tx: Tx, id: string, lock = false) {
  const query = tx.select().from(products).where(eq(products.id, id));
  const [product] = await (lock ? query.for("update") : query);
  if (!product) throw notFound("adminRules.notFound.product");
  const aliases = await tx
    .select({ alias: productAliases.alias })
    .from(productAliases)
    .where(eq(productAliases.productId, id))
    .orderBy(asc(productAliases.alias));
  const { createdAt: _createdAt, ...fields } = product;
  return { ...fields, aliases: aliases.map((a) => a.alias) };
}

export const createProduct = defineOperation({
  name: "taxonomies.createProduct",
  permission: "admin:manage",
  input: createProductSchema,
  work: async ({ tx, input, audit }) => {
    await lockTaxonomy(tx, "products");
    const owner = await ownerOfName(tx, input.name);
    if (owner) throw fieldError("name", taken(input.name, owner));
    const created = first(await tx.insert(products).values(input).returning({ id: products.id }), "inserted products");
    const after = await snapshot(tx, created.id);
    await audit({ action: "product.create", entityType: "product", entityId: after.id, after });
    return after;
  },
});

/**
 * Renames, describes and (un)marks a product as a payment service. A renamed product keeps its old
 * name as an alias, so files that still use it match on import; renaming to one of its own aliases
 * makes that alias the name.
 */
export const updateProduct = defineOperation({
  name: "taxonomies.updateProduct",
  permission: "admin:manage",
  input: updateProductSchema,
  work: async ({ tx, input, audit }) => {
    await lockTaxonomy(tx, "products");
    const before = await snapshot(tx, input.id, true);
    const renamed = before.name !== input.name;
    if (renamed) {
      const owner = await ownerOfName(tx, input.name);
      if (owner && owner.productId !== input.id) throw fieldError("name", taken(input.name, owner));
      if (before.name.toLowerCase() !== input.name.toLowerCase()) {
        await tx
          .delete(productAliases)
          .where(and(eq(productAliases.productId, input.id), lowerEquals(productAliases.alias, input.name)));
        await tx.insert(productAliases).values({ productId: input.id, alias: before.name }).onConflictDoNothing();
      }
    }
    await tx
      .update(products)
      .set({ name: input.name, description: input.description, paymentService: input.paymentService })
      .where(eq(products.id, input.id));
    const after = await snapshot(tx, input.id);
    await audit({
      action: renamed ? "product.rename" : "product.update",
      entityType: "product",
      entityId: input.id,
      before,
      after,
    });
    return after;
  },
});

export const addProductAlias = defineOperation({
  name: "taxonomies.addProductAlias",
  permission: "admin:manage",
  input: productAliasSchema,
  work: async ({ tx, input, audit }) => {
    await lockTaxonomy(tx, "products");
    const before = await snapshot(tx, input.productId, true);
    const owner = await ownerOfName(tx, input.alias);
    if (owner?.productId === input.productId) {
      throw fieldError(
        "alias",
        owner.kind === "name"
          ? "adminRules.taxonomies.ownName"
          : ["adminRules.taxonomies.ownAlias", { name: input.alias }],
      );
    }
    if (owner) throw fieldError("alias", taken(input.alias, owner));
    await tx.insert(productAliases).values({ productId: input.productId, alias: input.alias });
    const after = await snapshot(tx, input.productId);
    await audit({ action: "product.alias_add", entityType: "product", entityId: input.productId, before, after });
    return after;
  },
});

/** After this, files that use the alias no longer match the product on import. */
export const removeProductAlias = defineOperation({
  name: "taxonomies.removeProductAlias",
  permission: "admin:manage",
  input: removeAliasSchema,
  work: async ({ tx, input, audit }) => {
    const before = await snapshot(tx, input.productId, true);
    const removed = await tx
      .delete(productAliases)
      .where(and(eq(productAliases.productId, input.productId), lowerEquals(productAliases.alias, input.alias)))
      .returning();
    if (!removed.length) throw notFound("adminRules.notFound.alias");
    const after = await snapshot(tx, input.productId);
    await audit({ action: "product.alias_remove", entityType: "product", entityId: input.productId, before, after });
    return after;
  },
});

export const setProductActive = activeToggle(
  "taxonomies.setProductActive",
  products,
  "product",
  "adminRules.notFound.product",
);

/** Only a product nothing refers to can go; its aliases go with it. */
export const deleteProduct = defineOperation({
  name: "taxonomies.deleteProduct",
  permission: "admin:manage",
  input: idSchema,
  work: async ({ tx, input, audit }) => {
    await lockTaxonomy(tx, "products");
    const before = await snapshot(tx, input.id, true);
    const n = sql<number>`count(*)::int`;
    const [used, volumes, actions] = await Promise.all([
      count(tx.select({ n }).from(complaints).where(eq(complaints.productId, input.id))),
      count(tx.select({ n }).from(purchaseVolumes).where(eq(purchaseVolumes.productId, input.id))),
      count(tx.select({ n }).from(remediationActions).where(eq(remediationActions.productId, input.id))),
    ]);
    assertUnused(before.name, [
      { count: used, kind: "complaint" },
      { count: volumes, kind: "volume" },
      { count: actions, kind: "action" },
    ]);
    await deleteOrRefuse(before.name, () => tx.delete(products).where(eq(products.id, input.id)));
    await audit({ action: "product.delete", entityType: "product", entityId: input.id, before });
    return { id: input.id, deleted: true };
  },
});
