import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { categories, categoryAliases, complaints } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { first } from "@/lib/must";
import { defineOperation } from "@/lib/operations";
import { activeToggle, assertUnused, count, deleteOrRefuse, fieldError, lockTaxonomy, lowerEquals } from "./shared";
import { createCategorySchema, idSchema, moveCategorySchema, renameCategorySchema } from "./validations";

type Category = typeof categories.$inferSelect;

async function getCategory(tx: Tx, id: string, field = "id"): Promise<Category> {
  const [row] = await tx.select().from(categories).where(eq(categories.id, id)).for("update");
  if (!row)
    throw field === "id"
      ? notFound("adminRules.notFound.category")
      : fieldError(field, "adminRules.taxonomies.categoryMissing");
  return row;
}

/** A parent for a new or moved category: an existing top-level one, since the taxonomy has two levels. */
async function getParent(tx: Tx, id: string): Promise<Category> {
  const parent = await getCategory(tx, id, "parentId");
  if (parent.parentId) throw fieldError("parentId", ["adminRules.taxonomies.notTopLevel", { name: parent.name }]);
  return parent;
}

/**
 * Imports find a category by "Parent > Child" without regard to case, so two siblings may not
 * differ by case alone (the database's own constraint is case-sensitive).
 */
async function assertNameFree(tx: Tx, name: string, parent: Category | null, selfId?: string, field = "name") {
  const [clash] = await tx
    .select({ name: categories.name })
    .from(categories)
    .where(
      and(
        parent ? eq(categories.parentId, parent.id) : isNull(categories.parentId),
        lowerEquals(categories.name, name),
        selfId ? ne(categories.id, selfId) : undefined,
      ),
    );
  if (clash)
    throw fieldError(
      field,
      parent
        ? ["adminRules.taxonomies.subcategoryExists", { parent: parent.name, name: clash.name }]
        : ["adminRules.taxonomies.topLevelExists", { name: clash.name }],
    );
}

const pathOf = (category: Pick<Category, "name">, parent: Pick<Category, "name"> | null) =>
  parent ? `${parent.name} > ${category.name}` : category.name;
const auditFields = (c: Category, parent: Category | null) => ({
  id: c.id,
  name: c.name,
  parentId: c.parentId,
  active: c.active,
  path: pathOf(c, parent),
});

export const createCategory = defineOperation({
  name: "taxonomies.createCategory",
  permission: "admin:manage",
  input: createCategorySchema,
  work: async ({ tx, input, audit }) => {
    await lockTaxonomy(tx, "categories");
    const parent = input.parentId ? await getParent(tx, input.parentId) : null;
    await assertNameFree(tx, input.name, parent);
    const created = first(
      await tx
        .insert(categories)
        .values({ name: input.name, parentId: parent?.id ?? null })
        .returning(),
      "inserted categories",
    );
    const after = auditFields(created, parent);
    await audit({ action: "category.create", entityType: "category", entityId: created.id, after });
    return after;
  },
});

/**
 * Complaints keep the category's id, so they follow the new name; the audit log keeps the old one.
 * Imports name categories by their current path from then on.
 */
export const renameCategory = defineOperation({
  name: "taxonomies.renameCategory",
  permission: "admin:manage",
  input: renameCategorySchema,
  work: async ({ tx, input, audit }) => {
    await lockTaxonomy(tx, "categories");
    const category = await getCategory(tx, input.id);
    const parent = category.parentId ? await getCategory(tx, category.parentId) : null;
    await assertNameFree(tx, input.name, parent, category.id);
    const renamed = first(
      await tx.update(categories).set({ name: input.name }).where(eq(categories.id, input.id)).returning(),
      "updated categories",
    );
    const after = auditFields(renamed, parent);
    if (renamed.name !== category.name) {
      // The old name stays an alias, so files written before the rename still import.
      await tx
        .delete(categoryAliases)
        .where(and(eq(categoryAliases.categoryId, category.id), lowerEquals(categoryAliases.alias, renamed.name)));
      if (renamed.name.toLowerCase() !== category.name.toLowerCase())
        await tx
          .insert(categoryAliases)
          .values({ categoryId: category.id, alias: category.name })
          .onConflictDoNothing();
      await audit({
        action: "category.rename",
        entityType: "category",
        entityId: category.id,
        before: auditFields(category, parent),
        after,
      });
    }
    return after;
  },
});

/**
 * Moves a subcategory to another top-level category. Safe because complaints refer to the
 * subcategory's id and nothing stores its path: they move with it, and the audit log records where
 * it was. A top-level category cannot move (it would make a third level of its subcategories).
 */
export const moveCategory = defineOperation({
  name: "taxonomies.moveCategory",
  permission: "admin:manage",
  input: moveCategorySchema,
  work: async ({ tx, input, audit }) => {
    await lockTaxonomy(tx, "categories");
    const category = await getCategory(tx, input.id);
    if (!category.parentId) throw fieldError("parentId", "adminRules.taxonomies.onlySubcategoryMoves");
    const from = await getCategory(tx, category.parentId);
    const to = await getParent(tx, input.parentId);
    if (to.id === from.id) throw fieldError("parentId", ["adminRules.taxonomies.alreadyUnder", { name: from.name }]);
    await assertNameFree(tx, category.name, to, category.id, "parentId");
    const moved = first(
      await tx.update(categories).set({ parentId: to.id }).where(eq(categories.id, input.id)).returning(),
      "updated categories",
    );
    const after = auditFields(moved, to);
    await audit({
      action: "category.move",
      entityType: "category",
      entityId: category.id,
      before: auditFields(category, from),
      after,
    });
    return after;
  },
});

/** Deactivating a top-level category also takes its subcategories out of the pickers (see complaint options). */
export const setCategoryActive = activeToggle(
  "taxonomies.setCategoryActive",
  categories,
  "category",
  "adminRules.notFound.category",
);

export const deleteCategory = defineOperation({
  name: "taxonomies.deleteCategory",
  permission: "admin:manage",
  input: idSchema,
  work: async ({ tx, input, audit }) => {
    await lockTaxonomy(tx, "categories");
    const category = await getCategory(tx, input.id);
    const parent = category.parentId ? await getCategory(tx, category.parentId) : null;
    const n = sql<number>`count(*)::int`;
    const [used, children] = await Promise.all([
      count(tx.select({ n }).from(complaints).where(eq(complaints.categoryId, input.id))),
      count(tx.select({ n }).from(categories).where(eq(categories.parentId, input.id))),
    ]);
    const label = pathOf(category, parent);
    assertUnused(label, [{ count: children, kind: "subcategory" }], "adminRules.taxonomies.subcategoriesFirst");
    assertUnused(label, [{ count: used, kind: "complaint" }]);
    await deleteOrRefuse(label, () => tx.delete(categories).where(eq(categories.id, input.id)));
    await audit({
      action: "category.delete",
      entityType: "category",
      entityId: category.id,
      before: auditFields(category, parent),
    });
    return { id: input.id, deleted: true };
  },
});
