import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db";
import { authorities, type Channel, categories, deadlineRules, markets, rootCauses } from "@/db/schema";
import { CATEGORY_TREE, ROOT_CAUSES } from "@/db/seed/reference";
import { first } from "@/lib/must";
import { defineOperation } from "@/lib/operations";
import { lockTaxonomy } from "./shared";
import { STARTER_AUTHORITIES, starterDeadlines } from "./starter-data";

export type StarterResult = {
  rootCauses: string[];
  categories: string[];
  authorities: string[];
  deadlineRules: string[];
  /** Markets with no known authorities, which an admin sets up on the Authorities tab. */
  marketsWithoutStarter: string[];
};

export const installed = (r: StarterResult) =>
  r.rootCauses.length + r.categories.length + r.authorities.length + r.deadlineRules.length;

/**
 * The starter taxonomy: the nine root causes of the design with descriptions, the two-level
 * category tree, and for each existing market whose authorities are known, its four authorities and
 * the default deadline rules. No complaints, users, products or volumes. What is already there
 * (by name, or an authority already on that channel) is kept, so running it again adds nothing.
 */
export async function installStarterTaxonomy(tx: Tx): Promise<StarterResult> {
  for (const t of ["root-causes", "categories", "authorities"]) await lockTaxonomy(tx, t);
  const result: StarterResult = {
    rootCauses: [],
    categories: [],
    authorities: [],
    deadlineRules: [],
    marketsWithoutStarter: [],
  };

  for (const [name, description] of ROOT_CAUSES) {
    const [existing] = await tx
      .select({ id: rootCauses.id })
      .from(rootCauses)
      .where(sql`lower(${rootCauses.name}) = ${name.toLowerCase()}`);
    if (existing) continue;
    await tx.insert(rootCauses).values({ name, description });
    result.rootCauses.push(name);
  }

  for (const [parent, children] of Object.entries(CATEGORY_TREE)) {
    let [top] = await tx
      .select({ id: categories.id })
      .from(categories)
      .where(and(isNull(categories.parentId), sql`lower(${categories.name}) = ${parent.toLowerCase()}`));
    if (!top) {
      top = first(
        await tx.insert(categories).values({ name: parent }).returning({ id: categories.id }),
        "new category",
      );
      result.categories.push(parent);
    }
    for (const child of children) {
      const [existing] = await tx
        .select({ id: categories.id })
        .from(categories)
        .where(and(eq(categories.parentId, top.id), sql`lower(${categories.name}) = ${child.toLowerCase()}`));
      if (existing) continue;
      await tx.insert(categories).values({ name: child, parentId: top.id });
      result.categories.push(`${parent} > ${child}`);
    }
  }

  for (const { code } of await tx.select({ code: markets.code }).from(markets).orderBy(markets.code)) {
    const known = STARTER_AUTHORITIES[code];
    if (!known) {
      result.marketsWithoutStarter.push(code);
      continue;
    }
    const present = new Set(
      (await tx.select({ channel: authorities.channel }).from(authorities).where(eq(authorities.market, code))).map(
        (a) => a.channel,
      ),
    );
    for (const a of known) {
      if (present.has(a.channel)) continue;
      await tx.insert(authorities).values({ market: code, ...a });
      result.authorities.push(`${code}: ${a.name}`);
    }
    const inserted = await tx
      .insert(deadlineRules)
      .values(
        Object.entries(starterDeadlines(code)).map(([channel, d]) => ({
          market: code,
          channel: channel as Channel,
          acknowledgeDays: d.ack,
          acknowledgeBusinessDays: true,
          finalResponseDays: d.final,
          finalResponseBusinessDays: d.finalBusiness,
        })),
      )
      .onConflictDoNothing()
      .returning({ channel: deadlineRules.channel });
    for (const r of inserted) result.deadlineRules.push(`${code}: ${r.channel}`);
  }
  return result;
}

/** The starter taxonomy as an audited admin change (`db seed --reference`, the Taxonomies page's button). */
export const installStarter = defineOperation({
  name: "taxonomies.installStarter",
  permission: "admin:manage",
  input: z.object({}),
  work: async ({ tx, audit }) => {
    const result = await installStarterTaxonomy(tx);
    if (installed(result) > 0) await audit({ action: "taxonomy.starter", entityType: "taxonomy", meta: { ...result } });
    return result;
  },
});
