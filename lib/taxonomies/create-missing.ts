import { sql } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { markets, products } from "@/db/schema";
import { writeAudit } from "@/lib/audit/log";
import type { Actor } from "@/lib/auth/actor";
import { first } from "@/lib/must";
import { countryName, defaultSearchLanguage } from "./countries";

/** What an import told to create what is missing (`--create-missing`) created, for its result and job. */
export type CreatedItems = { markets: string[]; products: string[]; categories: string[]; rootCauses: string[] };

export const noneCreated = (): CreatedItems => ({ markets: [], products: [], categories: [], rootCauses: [] });

export function addCreated(into: CreatedItems, more: CreatedItems) {
  for (const key of ["markets", "products", "categories", "rootCauses"] as const)
    for (const item of more[key]) if (!into[key].includes(item)) into[key].push(item);
}

export const createdCount = (c: CreatedItems) =>
  c.markets.length + c.products.length + c.categories.length + c.rootCauses.length;

/** One line per kind, for the CLI and the job page: "markets: NO (Norway); products: Klarna Pay". */
export function describeCreated(c: CreatedItems): string[] {
  const lines: string[] = [];
  if (c.markets.length) lines.push(`markets: ${c.markets.join(", ")}`);
  if (c.products.length) lines.push(`products: ${c.products.join(", ")}`);
  if (c.categories.length) lines.push(`categories: ${c.categories.join(", ")}`);
  if (c.rootCauses.length) lines.push(`root causes: ${c.rootCauses.join(", ")}`);
  return lines;
}

/** The hint every "unknown …" row error of an import carries. */
export const CREATE_MISSING_HINT = "import with --create-missing (“Create what is missing”) to create it";

/**
 * A market an import creates: named after the country (or the mapping's name for it), searched in
 * the country's language from the built-in table (`simple` where none is known). Audited.
 */
export async function createMarketForImport(
  tx: Db | Tx,
  actor: Actor | null,
  code: string,
  meta: Record<string, unknown>,
  name?: string,
): Promise<string | null> {
  const values = { code, name: name ?? countryName(code) ?? code, searchLanguage: defaultSearchLanguage(code) };
  const [inserted] = await tx.insert(markets).values(values).onConflictDoNothing().returning();
  if (!inserted) return null;
  await writeAudit(tx, actor, { action: "market.create", entityType: "market", entityId: code, after: inserted, meta });
  return `${code} (${inserted.name}, ${inserted.searchLanguage})`;
}

/** A product an import creates by the name the file uses. Audited; answers its id (an existing one's if raced). */
export async function createProductForImport(
  tx: Db | Tx,
  actor: Actor | null,
  name: string,
  meta: Record<string, unknown>,
): Promise<{ id: string; created: boolean }> {
  const [inserted] = await tx.insert(products).values({ name }).onConflictDoNothing().returning();
  if (inserted) {
    await writeAudit(tx, actor, {
      action: "product.create",
      entityType: "product",
      entityId: inserted.id,
      after: inserted,
      meta,
    });
    return { id: inserted.id, created: true };
  }
  const { id } = first(
    await tx.select({ id: products.id }).from(products).where(sql`lower(${products.name}) = ${name.toLowerCase()}`),
    "count",
  );
  return { id, created: false };
}
