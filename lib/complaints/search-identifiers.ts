import { type SQL, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { rowsOf } from "@/db/rows";
import { complaints } from "@/db/schema";
import type { ComplaintFilters } from "./filters";
import { complaintOrderBy, complaintWhere } from "./list-where";
import { formatReference } from "./reference";

// A search for a reference (C-2019-005151, or its number), an external id or a customer reference
// finds that complaint by its own index before any full-text search: the text index splits such a
// term into fragments ("c", "2019", "005151") that match unrelated complaints, slowly.

const REFERENCE = /^c-(\d{4})-(\d{1,9})$/i;
const NUMBER = /^\d{1,9}$/;
// One token without spaces that carries a digit: how ids and customer numbers look, and words do not.
const IDENTIFIER = /^(?=.*\d)[\p{L}\p{N}][\p{L}\p{N}._:/-]{0,199}$/u;
const FIRST_YEAR = 2000;

export type IdentifierSearch = { references: string[]; value: string };

/** The identifiers a search term may be, or null when it looks like words. Pure. */
export function identifierSearch(
  q: string | undefined,
  thisYear = new Date().getUTCFullYear(),
): IdentifierSearch | null {
  const value = q?.trim() ?? "";
  if (!IDENTIFIER.test(value)) return null;
  const reference = REFERENCE.exec(value);
  if (reference) return { references: [formatReference(reference[1]!, Number(reference[2]!))], value };
  if (NUMBER.test(value)) {
    // References number from one sequence across years: the number alone names one complaint,
    // whose year is not known; each year's spelling is a lookup in the unique index.
    const n = Number(value);
    const references: string[] = [];
    for (let year = FIRST_YEAR; year <= thisYear + 1; year++) references.push(formatReference(year, n));
    return { references, value };
  }
  return { references: [], value };
}

/**
 * The complaints an identifier names, as `complaints.id in (…)` of three lookups, each on its own
 * index: reference (unique), external id per source (the unique `(source, external_id)`; the few
 * sources are found by a skip scan written as a recursive query), customer reference (in the
 * filters' GIN index). Never OR-ed with other conditions: PostgreSQL would then read every row.
 */
export function identifierCondition(found: IdentifierSearch, options: { byCustomerRef: boolean }): SQL {
  const references = found.references.length
    ? sql`select id from complaints where reference in (${sql.join(
        found.references.map((r) => sql`${r}`),
        sql`, `,
      )}) union all `
    : sql``;
  return sql`${complaints.id} in (
    ${references}select named.id from (
      with recursive sources(s) as (
        select min(source) from complaints
        union all
        select (select min(source) from complaints where source > sources.s) from sources where sources.s is not null
      )
      select s from sources where s is not null
    ) src cross join lateral (select id from complaints where source = src.s and external_id = ${found.value}::text) named
    ${options.byCustomerRef ? sql`union all select id from complaints where customer_ref = ${found.value}::text` : sql``})`;
}

/** Ids of the complaints an identifier names, within the other filters, in the list's order. */
export async function identifierHits(
  q: Db | Tx,
  filters: ComplaintFilters,
  identifier: IdentifierSearch,
  byCustomerRef: boolean,
): Promise<string[]> {
  const others = { ...filters, q: undefined };
  const where = complaintWhere(others);
  const rows = rowsOf<{ id: string }>(
    await q.execute(sql`
      select ${complaints.id} as id from ${complaints}
      where ${identifierCondition(identifier, { byCustomerRef })} ${where ? sql`and ${where}` : sql``}
      order by ${sql.join(complaintOrderBy(others, { matchesFirst: true }), sql`, `)}
      limit ${IDENTIFIER_HITS_LIMIT}`),
  );
  return rows.map((r) => r.id);
}

/** A customer with more complaints than this is a search for words, not one customer's list. */
const IDENTIFIER_HITS_LIMIT = 1000;
