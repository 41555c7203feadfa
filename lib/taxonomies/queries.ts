import "server-only";
import { asc, eq, isNotNull, sql } from "drizzle-orm";
import { db } from "@/db";
import {
  authorities,
  categories,
  complaintMonthCounts,
  complaintRootCauses,
  complaints,
  deadlineRules,
  markets,
  productAliases,
  products,
  purchaseVolumes,
  remediationActions,
  remediationRootCauses,
  rootCauseAliases,
  rootCauses,
} from "@/db/schema";
import { STARTER_AUTHORITIES } from "./starter-data";

const n = sql<number>`count(*)::int`;
const countsBy = (rows: { id: string | null; n: number }[]) =>
  new Map(rows.flatMap((r) => (r.id ? [[r.id, Number(r.n)] as const] : [])));

// Complaint counts per product and authority come from the metric's rollup, kept by triggers, so
// this page never counts a million complaints; categories are not in a rollup and are counted directly.
const complaintsPer = (
  column:
    | typeof complaintMonthCounts.productId
    | typeof complaintMonthCounts.authorityId
    | typeof complaintMonthCounts.market,
) =>
  db
    .select({ id: column, n: sql<number>`coalesce(sum(${complaintMonthCounts.count}), 0)::int` })
    .from(complaintMonthCounts)
    .where(isNotNull(column))
    .groupBy(column);

export async function getProductList() {
  const [rows, aliases, used, volumes, actions] = await Promise.all([
    db.select().from(products).orderBy(asc(products.name)),
    db.select().from(productAliases).orderBy(asc(productAliases.alias)),
    complaintsPer(complaintMonthCounts.productId),
    db
      .select({ id: purchaseVolumes.productId, n })
      .from(purchaseVolumes)
      .where(isNotNull(purchaseVolumes.productId))
      .groupBy(purchaseVolumes.productId),
    db
      .select({ id: remediationActions.productId, n })
      .from(remediationActions)
      .where(isNotNull(remediationActions.productId))
      .groupBy(remediationActions.productId),
  ]);
  const [complaintCount, volumeCount, actionCount] = [countsBy(used), countsBy(volumes), countsBy(actions)];
  return rows.map((p) => ({
    id: p.id,
    name: p.name,
    description: p.description,
    paymentService: p.paymentService,
    active: p.active,
    aliases: aliases.filter((a) => a.productId === p.id).map((a) => a.alias),
    complaints: complaintCount.get(p.id) ?? 0,
    volumes: volumeCount.get(p.id) ?? 0,
    actions: actionCount.get(p.id) ?? 0,
  }));
}
export type ProductListRow = Awaited<ReturnType<typeof getProductList>>[number];

export async function getCategoryTree() {
  const [rows, used] = await Promise.all([
    db
      .select({ id: categories.id, parentId: categories.parentId, name: categories.name, active: categories.active })
      .from(categories)
      .orderBy(asc(categories.name)),
    db
      .select({ id: complaints.categoryId, n })
      .from(complaints)
      .where(isNotNull(complaints.categoryId))
      .groupBy(complaints.categoryId),
  ]);
  const complaintCount = countsBy(used);
  const withCount = (c: (typeof rows)[number]) => ({ ...c, complaints: complaintCount.get(c.id) ?? 0 });
  return rows
    .filter((c) => !c.parentId)
    .map((parent) => {
      const children = rows.filter((c) => c.parentId === parent.id).map(withCount);
      return { ...withCount(parent), children };
    });
}
export type CategoryNode = Awaited<ReturnType<typeof getCategoryTree>>[number];

export async function getRootCauseList() {
  const [rows, tags, actions, aliases] = await Promise.all([
    db.select().from(rootCauses).orderBy(asc(rootCauses.name)),
    db
      .select({ id: complaintRootCauses.rootCauseId, n })
      .from(complaintRootCauses)
      .groupBy(complaintRootCauses.rootCauseId),
    db
      .select({ id: remediationRootCauses.rootCauseId, n })
      .from(remediationRootCauses)
      .groupBy(remediationRootCauses.rootCauseId),
    db.select().from(rootCauseAliases).orderBy(asc(rootCauseAliases.alias)),
  ]);
  const [tagCount, actionCount] = [countsBy(tags), countsBy(actions)];
  const nameOf = new Map(rows.map((r) => [r.id, r.name]));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    active: r.active,
    mergedInto: r.mergedIntoId ? { id: r.mergedIntoId, name: nameOf.get(r.mergedIntoId) ?? "another cause" } : null,
    oldNames: aliases.filter((a) => a.rootCauseId === r.id).map((a) => a.alias),
    complaints: tagCount.get(r.id) ?? 0,
    actions: actionCount.get(r.id) ?? 0,
  }));
}
export type RootCauseListRow = Awaited<ReturnType<typeof getRootCauseList>>[number];

export async function getAuthorityList() {
  const [rows, marketRows, used] = await Promise.all([
    db.select().from(authorities).orderBy(asc(authorities.market), asc(authorities.channel), asc(authorities.name)),
    db
      .select({ code: markets.code, name: markets.name })
      .from(markets)
      .where(eq(markets.active, true))
      .orderBy(asc(markets.code)),
    complaintsPer(complaintMonthCounts.authorityId),
  ]);
  const complaintCount = countsBy(used);
  return {
    markets: marketRows,
    authorities: rows.map((a) => ({ ...a, complaints: complaintCount.get(a.id) ?? 0 })),
  };
}
export type AuthorityListRow = Awaited<ReturnType<typeof getAuthorityList>>["authorities"][number];

export async function getMarketList() {
  const [rows, used] = await Promise.all([
    db.select().from(markets).orderBy(asc(markets.code)),
    complaintsPer(complaintMonthCounts.market),
  ]);
  const complaintCount = countsBy(used);
  return rows.map((m) => ({ ...m, complaints: complaintCount.get(m.code) ?? 0 }));
}
export type MarketListRow = Awaited<ReturnType<typeof getMarketList>>[number];

/**
 * When the page offers the starter taxonomy: nothing set up yet (no root causes, no categories), or
 * markets whose starter authorities are known but that have no deadline rules yet (a new market).
 */
export async function starterOffer(): Promise<{ empty: boolean; markets: string[] } | null> {
  const [causes, cats, marketRows, ruled] = await Promise.all([
    db.select({ id: rootCauses.id }).from(rootCauses).limit(1),
    db.select({ id: categories.id }).from(categories).limit(1),
    db.select({ code: markets.code }).from(markets).orderBy(asc(markets.code)),
    db.selectDistinct({ market: deadlineRules.market }).from(deadlineRules),
  ]);
  const empty = causes.length === 0 && cats.length === 0;
  const withRules = new Set(ruled.map((r) => r.market));
  const bare = marketRows.map((m) => m.code).filter((code) => STARTER_AUTHORITIES[code] && !withRules.has(code));
  return empty || bare.length ? { empty, markets: bare } : null;
}
