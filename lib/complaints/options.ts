import { and, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db, Tx } from "@/db";
import { authorities, categories, markets, products, rootCauses, users } from "@/db/schema";

/** The choices the form, the filters and the bulk bar offer, in one round of queries. */
export async function loadComplaintOptions(q: Db | Tx) {
  const parent = alias(categories, "parent_category");
  const [marketRows, authorityRows, productRows, categoryRows, rootCauseRows, people] = await Promise.all([
    q
      .select({ code: markets.code, name: markets.name })
      .from(markets)
      .where(eq(markets.active, true))
      .orderBy(asc(markets.code)),
    q
      .select({
        id: authorities.id,
        market: authorities.market,
        channel: authorities.channel,
        name: authorities.name,
        shortName: authorities.shortName,
      })
      .from(authorities)
      .where(eq(authorities.active, true))
      .orderBy(asc(authorities.market), asc(authorities.name)),
    q
      .select({ id: products.id, name: products.name })
      .from(products)
      .where(eq(products.active, true))
      .orderBy(asc(products.name)),
    q
      .select({
        id: categories.id,
        parentId: categories.parentId,
        name: sql<string>`coalesce(${parent.name} || ' > ', '') || ${categories.name}`,
      })
      .from(categories)
      .leftJoin(parent, eq(parent.id, categories.parentId))
      // A subcategory of a deactivated category is not offered either.
      .where(and(eq(categories.active, true), or(isNull(parent.id), eq(parent.active, true))))
      .orderBy(sql`coalesce(${parent.name} || ' > ', '') || ${categories.name}`),
    q
      .select({ id: rootCauses.id, name: rootCauses.name })
      .from(rootCauses)
      .where(eq(rootCauses.active, true))
      .orderBy(asc(rootCauses.name)),
    q
      .select({ id: users.id, name: users.name, email: users.email, role: users.role })
      .from(users)
      .where(and(eq(users.active, true), inArray(users.role, ["admin", "reviewer", "product_manager"])))
      .orderBy(asc(users.name)),
  ]);
  return {
    markets: marketRows,
    authorities: authorityRows,
    products: productRows,
    categories: categoryRows,
    rootCauses: rootCauseRows,
    assignees: people.filter((p) => p.role === "admin" || p.role === "reviewer").map(({ id, name }) => ({ id, name })),
    mentionable: people.map(({ id, name, email }) => ({ id, name, email })),
  };
}

export type ComplaintOptions = Awaited<ReturnType<typeof loadComplaintOptions>>;
