import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { db } from "@/db";
import { markets, productAliases, products, purchaseVolumes } from "@/db/schema";
import type { AuditEntry } from "@/lib/audit/log";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { phraseIn, refuse } from "@/lib/i18n/say";
import { must } from "@/lib/must";
import { isCountryCode } from "@/lib/taxonomies/countries";
import { createMarketForImport, createProductForImport, noneCreated } from "@/lib/taxonomies/create-missing";
import type { Executor } from "./queries";
import type { VolumeInput } from "./validations";
import { type LineError, lineError, parseVolumeText } from "./volume-parse";

type WriteContext = { tx: Executor; actor: Actor; audit: (entry: AuditEntry | AuditEntry[]) => Promise<void> };

type VolumeValue = { market: string; month: string; productId: string | null; purchases: number };
export type VolumeWriteSummary = { inserted: number; updated: number; unchanged: number };

const keyOf = (v: { market: string; month: string; productId: string | null }) =>
  `${v.market}|${v.month}|${v.productId ?? ""}`;

/**
 * Writes volumes (insert or replace), auditing each change with its before and after. A value that
 * is already stored is left alone and not audited: nothing changed.
 */
async function writeVolumes(
  ctx: WriteContext,
  values: VolumeValue[],
  meta: Record<string, unknown>,
): Promise<VolumeWriteSummary> {
  const { tx, actor } = ctx;
  const months = [...new Set(values.map((v) => v.month))];
  const existing = months.length
    ? await tx
        .select()
        .from(purchaseVolumes)
        .where(
          and(
            inArray(purchaseVolumes.market, [...new Set(values.map((v) => v.market))]),
            inArray(purchaseVolumes.month, months),
          ),
        )
    : [];
  const before = new Map(existing.map((row) => [keyOf(row), row]));
  const changed = values.filter((v) => before.get(keyOf(v))?.purchases !== v.purchases);
  for (let i = 0; i < changed.length; i += 1000) {
    await tx
      .insert(purchaseVolumes)
      .values(changed.slice(i, i + 1000).map((v) => ({ ...v, updatedBy: actor.userId, updatedAt: new Date() })))
      .onConflictDoUpdate({
        target: [purchaseVolumes.market, purchaseVolumes.month, purchaseVolumes.productId],
        set: {
          purchases: sql`excluded.purchases`,
          updatedBy: sql`excluded.updated_by`,
          updatedAt: sql`excluded.updated_at`,
        },
      });
  }
  await ctx.audit(
    changed.map((v) => {
      const old = before.get(keyOf(v));
      return {
        action: "purchase_volume.set",
        entityType: "purchase_volume",
        entityId: old?.id ?? null,
        before: old
          ? { market: old.market, month: old.month, productId: old.productId, purchases: old.purchases }
          : null,
        after: v,
        meta,
      };
    }),
  );
  const updated = changed.filter((v) => before.has(keyOf(v))).length;
  return { inserted: changed.length - updated, updated, unchanged: values.length - changed.length };
}

export async function setVolume(ctx: WriteContext, input: VolumeInput) {
  await assertKnown(ctx.tx, [input.market], input.productId ? [input.productId] : []);
  return writeVolumes(ctx, [input], { via: "form" });
}

export async function deleteVolume(
  ctx: WriteContext,
  input: { market: string; month: string; productId: string | null },
) {
  const [removed] = await ctx.tx
    .delete(purchaseVolumes)
    .where(
      and(
        eq(purchaseVolumes.market, input.market),
        eq(purchaseVolumes.month, input.month),
        input.productId ? eq(purchaseVolumes.productId, input.productId) : isNull(purchaseVolumes.productId),
      ),
    )
    .returning();
  if (!removed)
    throw refuse("not_found", ["adminRules.volumes.noVolume", { market: input.market, month: input.month }]);
  await ctx.audit({
    action: "purchase_volume.delete",
    entityType: "purchase_volume",
    entityId: removed.id,
    before: {
      market: removed.market,
      month: removed.month,
      productId: removed.productId,
      purchases: removed.purchases,
    },
  });
  return { market: removed.market, month: removed.month };
}

/**
 * Imports `market,month,purchases[,product]` text (a file or a paste), all or nothing: any bad line
 * refuses the whole import with every problem listed by line. Re-importing a month replaces its value.
 */
export async function importVolumes(
  ctx: WriteContext,
  input: { text: string; fileName?: string; via: string; createMissing?: boolean },
) {
  const { lines, errors } = parseVolumeText(input.text);
  const { tx } = ctx;
  const marketCodes = new Set((await tx.select({ code: markets.code }).from(markets)).map((m) => m.code));
  const productNames = [...new Set(lines.map((l) => l.product?.toLowerCase()).filter((p): p is string => !!p))];
  const productIds = await resolveProducts(tx, productNames);
  const created = noneCreated();
  const unknownMarkets = new Set<string>();
  const unknownProducts = new Map<string, string>();
  for (const line of lines) {
    if (!marketCodes.has(line.market)) {
      if (!input.createMissing)
        errors.push(lineError(line.line, "market", ["adminRules.volumes.unknownMarket", { market: line.market }]));
      else if (!isCountryCode(line.market))
        errors.push(lineError(line.line, "market", ["adminRules.volumes.notCountry", { market: line.market }]));
      else unknownMarkets.add(line.market);
    }
    if (line.product && !productIds.has(line.product.toLowerCase())) {
      if (input.createMissing) {
        if (!unknownProducts.has(line.product.toLowerCase()))
          unknownProducts.set(line.product.toLowerCase(), line.product);
      } else
        errors.push(lineError(line.line, "product", ["adminRules.volumes.unknownProduct", { product: line.product }]));
    }
  }
  if (errors.length) throw invalidLines(errors);
  const meta = { via: input.via, file: input.fileName ?? null, createMissing: true };
  for (const code of [...unknownMarkets].sort()) {
    const item = await createMarketForImport(tx, ctx.actor, code, meta);
    if (item) created.markets.push(item);
  }
  for (const [key, name] of [...unknownProducts].sort()) {
    const product = await createProductForImport(tx, ctx.actor, name, meta);
    productIds.set(key, product.id);
    if (product.created) created.products.push(name);
  }
  const values = lines.map((l) => ({
    market: l.market,
    month: l.month,
    productId: l.product ? (productIds.get(l.product.toLowerCase()) as string) : null,
    purchases: l.purchases,
  }));
  const summary = await writeVolumes(ctx, values, { via: input.via, file: input.fileName ?? null });
  await ctx.audit({
    action: "purchase_volume.import",
    entityType: "purchase_volume",
    after: { rows: values.length, ...summary },
    meta: { via: input.via, file: input.fileName ?? null, created },
  });
  return { rows: values.length, ...summary, created };
}

function invalidLines(errors: LineError[]) {
  const sorted = [...errors].sort((a, b) => a.line - b.line);
  const first = must(sorted[0], "invalidLines is given at least one error");
  return new AppError("invalid", (locale) => {
    const values = {
      count: sorted.length,
      line: first.line,
      field: first.field,
      message: phraseIn(locale, first.phrase),
    };
    return {
      message: phraseIn(locale, [
        sorted.length === 1 ? "adminRules.volumes.nothingImportedOne" : "adminRules.volumes.nothingImportedMany",
        values,
      ]),
      details: sorted.map((e) => ({ path: `line ${e.line}.${e.field}`, message: phraseIn(locale, e.phrase) })),
    };
  });
}

/** Product names and aliases (case-insensitive) to ids, as imports match them. */
export async function resolveProducts(tx: Executor, lowerNames: string[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  if (lowerNames.length === 0) return ids;
  const [byName, byAlias] = await Promise.all([
    tx
      .select({ id: products.id, name: products.name })
      .from(products)
      .where(inArray(sql`lower(${products.name})`, lowerNames)),
    tx
      .select({ id: productAliases.productId, name: productAliases.alias })
      .from(productAliases)
      .where(inArray(sql`lower(${productAliases.alias})`, lowerNames)),
  ]);
  for (const row of [...byAlias, ...byName]) ids.set(row.name.toLowerCase(), row.id);
  return ids;
}

async function assertKnown(tx: Executor, marketCodes: string[], productIdList: string[]) {
  const found = await tx.select({ code: markets.code }).from(markets).where(inArray(markets.code, marketCodes));
  if (found.length !== marketCodes.length)
    throw refuse("invalid", "adminRules.metric.unknownMarket", { market: "adminRules.metric.unknownMarket" });
  if (productIdList.length) {
    const known = await tx.select({ id: products.id }).from(products).where(inArray(products.id, productIdList));
    if (known.length !== productIdList.length)
      throw refuse("invalid", "adminRules.metric.unknownProduct", { productId: "adminRules.metric.unknownProduct" });
  }
}

export type VolumeRow = {
  market: string;
  month: string;
  productId: string | null;
  productName: string | null;
  purchases: number;
  updatedAt: Date;
};

/** The admin page's table: a market's volumes, newest month first, market totals before products. */
export async function getVolumes(market: string, executor: Executor = db): Promise<VolumeRow[]> {
  return executor
    .select({
      market: purchaseVolumes.market,
      month: purchaseVolumes.month,
      productId: purchaseVolumes.productId,
      productName: products.name,
      purchases: purchaseVolumes.purchases,
      updatedAt: purchaseVolumes.updatedAt,
    })
    .from(purchaseVolumes)
    .leftJoin(products, eq(products.id, purchaseVolumes.productId))
    .where(eq(purchaseVolumes.market, market))
    .orderBy(desc(purchaseVolumes.month), sql`${purchaseVolumes.productId} is not null`, asc(products.name));
}
