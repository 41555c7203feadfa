import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import {
  categories,
  categoryAliases,
  markets,
  productAliases,
  products,
  rootCauseAliases,
  rootCauses,
} from "@/db/schema";
import { writeAudit } from "@/lib/audit/log";
import type { Actor } from "@/lib/auth/actor";
import { first } from "@/lib/must";
import {
  type CreatedItems,
  createMarketForImport,
  createProductForImport,
  noneCreated,
} from "@/lib/taxonomies/create-missing";
import { categoryKey, type Lookups, type ResolvedRow } from "./resolve-types";
import type { MappingConfig } from "./validations";

export async function loadLookups(db: Db | Tx): Promise<Lookups> {
  const [marketRows, productRows, aliasRows, categoryRows, categoryAliasRows, causeRows, causeAliasRows] =
    await Promise.all([
      db.select({ code: markets.code }).from(markets),
      db.select({ id: products.id, name: products.name }).from(products),
      db.select({ id: productAliases.productId, name: productAliases.alias }).from(productAliases),
      db.select({ id: categories.id, parentId: categories.parentId, name: categories.name }).from(categories),
      db.select({ id: categoryAliases.categoryId, name: categoryAliases.alias }).from(categoryAliases),
      // A cause merged into another answers to it through its old name, an alias of the other.
      db.select({ id: rootCauses.id, name: rootCauses.name }).from(rootCauses).where(isNull(rootCauses.mergedIntoId)),
      db.select({ id: rootCauseAliases.rootCauseId, name: rootCauseAliases.alias }).from(rootCauseAliases),
    ]);
  const productMap = new Map<string, string>();
  // Aliases first so a product's own name wins if the two ever collide.
  for (const a of aliasRows) productMap.set(a.name.trim().toLowerCase(), a.id);
  for (const p of productRows) productMap.set(p.name.trim().toLowerCase(), p.id);
  const byId = new Map(categoryRows.map((c) => [c.id, c]));
  const categoryMap = new Map<string, string>();
  const names = new Map<string, string>(productRows.map((p) => [p.id, p.name]));
  // Every name a category answers to: its own and its old ones (kept on rename). Keys with old names go
  // in first, so a current name wins over an old one that collides.
  const oldNames = new Map<string, string[]>();
  for (const a of categoryAliasRows) oldNames.set(a.id, [...(oldNames.get(a.id) ?? []), a.name]);
  for (const withOld of [true, false]) {
    const namesOf = (c: { id: string; name: string }) => (withOld ? [c.name, ...(oldNames.get(c.id) ?? [])] : [c.name]);
    for (const c of categoryRows) {
      const parent = c.parentId ? byId.get(c.parentId) : undefined;
      for (const own of namesOf(c)) {
        if (!parent) categoryMap.set(categoryKey(own, null), c.id);
        else for (const up of namesOf(parent)) categoryMap.set(categoryKey(up, own), c.id);
      }
    }
  }
  for (const c of categoryRows) {
    const parent = c.parentId ? byId.get(c.parentId) : undefined;
    names.set(c.id, parent ? `${parent.name} > ${c.name}` : c.name);
  }
  const causeMap = new Map<string, string>();
  for (const a of causeAliasRows) causeMap.set(a.name.trim().toLowerCase(), a.id);
  for (const r of causeRows) causeMap.set(r.name.trim().toLowerCase(), r.id);
  return {
    markets: new Set(marketRows.map((m) => m.code)),
    products: productMap,
    categories: categoryMap,
    rootCauses: causeMap,
    names,
  };
}

/**
 * Entities a batch created; merged into the shared lookups only once its transaction has committed.
 * `items` names them for the import's result and job.
 */
export type Created = {
  markets: string[];
  products: [string, string][];
  categories: [string, string][];
  rootCauses: [string, string][];
  items: CreatedItems;
};

/**
 * Creates what the mapping allows to be created on first use (markets, products, categories) and
 * returns product and category ids for every row. Audited in the batch's transaction.
 */
export async function ensureReferences(
  tx: Tx,
  rows: ResolvedRow[],
  lookups: Lookups,
  config: MappingConfig,
  actor: Actor,
  meta: Record<string, unknown>,
): Promise<{ productIds: (string | null)[]; categoryIds: (string | null)[]; created: Created }> {
  const created: Created = { markets: [], products: [], categories: [], rootCauses: [], items: noneCreated() };
  // Created in sorted order, so two batches written at once never wait on each other crosswise.
  for (const code of [...new Set(rows.map((r) => r.market))].sort()) {
    if (lookups.markets.has(code)) continue;
    const item = await createMarketForImport(tx, actor, code, meta, config.createMarkets[code]);
    if (item) created.items.markets.push(item);
    created.markets.push(code);
  }

  const productIds = new Map<string, string>();
  for (const name of [
    ...new Set(rows.flatMap((r) => (r.product && "create" in r.product ? [r.product.create] : []))),
  ].sort()) {
    const key = name.toLowerCase();
    const known = lookups.products.get(key) ?? productIds.get(key);
    if (known) {
      productIds.set(key, known);
      continue;
    }
    const { id, created: isNew } = await createProductForImport(tx, actor, name, meta);
    if (isNew) created.items.products.push(name);
    productIds.set(key, id);
    created.products.push([key, id]);
  }

  const categoryIds = new Map<string, string>();
  const parentNames = new Map<string, string>();
  const parentName = (id: string) => parentNames.get(id) ?? lookups.names.get(id) ?? "";
  const ensureCategory = async (name: string, parentId: string | null, key: string): Promise<string> => {
    const known = lookups.categories.get(key) ?? categoryIds.get(key);
    if (known) return known;
    const [inserted] = await tx.insert(categories).values({ name, parentId }).onConflictDoNothing().returning();
    let id: string;
    if (inserted) {
      id = inserted.id;
      created.items.categories.push(parentId ? `${parentName(parentId)} > ${name}` : name);
      await writeAudit(tx, actor, {
        action: "category.create",
        entityType: "category",
        entityId: id,
        after: inserted,
        meta,
      });
    } else {
      // The insert met a category of that name under that parent: it exists.
      const parentCondition = parentId ? eq(categories.parentId, parentId) : isNull(categories.parentId);
      id = first(
        await tx
          .select({ id: categories.id })
          .from(categories)
          .where(and(parentCondition, sql`lower(${categories.name}) = ${name.toLowerCase()}`)),
        "conflicting category",
      ).id;
    }
    categoryIds.set(key, id);
    created.categories.push([key, id]);
    return id;
  };
  const wanted = rows.flatMap((r) => (r.category && "create" in r.category ? [r.category.create] : []));
  wanted.sort((a, b) => categoryKey(a.parent, a.child).localeCompare(categoryKey(b.parent, b.child)));
  for (const { parent, child } of wanted) {
    const parentId = await ensureCategory(parent, null, categoryKey(parent, null));
    parentNames.set(parentId, parent);
    if (child) await ensureCategory(child, parentId, categoryKey(parent, child));
  }

  // Unknown root causes (create-missing only): created by name, then each such row's ids in its order.
  const causeIds = new Map<string, string>();
  const wantedCauses = new Map<string, string>();
  for (const r of rows)
    for (const name of r.rootCauseNames ?? [])
      if (!lookups.rootCauses.has(name.toLowerCase()) && !wantedCauses.has(name.toLowerCase()))
        wantedCauses.set(name.toLowerCase(), name);
  for (const [key, name] of [...wantedCauses].sort()) {
    const [inserted] = await tx.insert(rootCauses).values({ name }).onConflictDoNothing().returning();
    let id: string;
    if (inserted) {
      id = inserted.id;
      created.items.rootCauses.push(name);
      await writeAudit(tx, actor, {
        action: "root_cause.create",
        entityType: "root_cause",
        entityId: id,
        after: inserted,
        meta,
      });
    } else
      id = first(
        await tx.select({ id: rootCauses.id }).from(rootCauses).where(sql`lower(${rootCauses.name}) = ${key}`),
        "conflicting root cause",
      ).id;
    causeIds.set(key, id);
    created.rootCauses.push([key, id]);
  }
  for (const r of rows) {
    if (!r.rootCauseNames) continue;
    const ids = r.rootCauseNames.map((n) => lookups.rootCauses.get(n.toLowerCase()) ?? causeIds.get(n.toLowerCase())!);
    r.rootCauseIds = [...new Set(ids)];
  }

  return {
    productIds: rows.map((r) =>
      !r.product ? null : "id" in r.product ? r.product.id : productIds.get(r.product.create.toLowerCase())!,
    ),
    categoryIds: rows.map((r) => {
      if (!r.category) return null;
      if ("id" in r.category) return r.category.id;
      const { parent, child } = r.category.create;
      return categoryIds.get(categoryKey(parent, child)) ?? lookups.categories.get(categoryKey(parent, child))!;
    }),
    created,
  };
}

export function mergeCreated(lookups: Lookups, created: Created) {
  for (const code of created.markets) lookups.markets.add(code);
  for (const [key, id] of created.products) lookups.products.set(key, id);
  for (const [key, id] of created.categories) lookups.categories.set(key, id);
  for (const [key, id] of created.rootCauses) lookups.rootCauses.set(key, id);
}
