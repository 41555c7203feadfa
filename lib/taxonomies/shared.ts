import { type AnyColumn, type SQL, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { postgresError } from "@/db/errors";
import { rowsOf } from "@/db/rows";
import type { authorities, categories, products, rootCauses } from "@/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { type MessageKey, type Phrase, refuse } from "@/lib/i18n/say";
import { first } from "@/lib/must";
import { defineOperation } from "@/lib/operations";
import { DEACTIVATE_INSTEAD, inUseMessage, type Use } from "./in-use";
import { setActiveSchema } from "./validations";

/**
 * Serialises the checks that a name is free with the insert that takes it, per taxonomy: a product
 * name must not clash with another product's alias, which no single unique index can enforce.
 */
export async function lockTaxonomy(tx: Tx, taxonomy: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`taxonomy:${taxonomy}`}))`);
}

export const lowerEquals = (column: AnyColumn | SQL, value: string) =>
  sql`lower(${column}) = ${value.trim().toLowerCase()}`;

/** A refusal that names the field, so the form can put it beside the input, in the reader's language. */
export function fieldError(field: string, message: Phrase): AppError {
  return refuse("invalid", message, { [field]: message });
}

export type { Use } from "./in-use";

/** Refuses to delete what is still used, saying by what and what to do instead. */
export function assertUnused(label: string, uses: Use[], instead: MessageKey = DEACTIVATE_INSTEAD) {
  if (!inUseMessage(label, uses, instead)) return;
  throw new AppError("conflict", (locale) => ({
    message: inUseMessage(label, uses, instead, locale) ?? "",
    details: { uses },
  }));
}

/**
 * Runs a delete and turns a reference found only by the database (a complaint written between the
 * check and the delete) into the same refusal as the check's.
 */
export async function deleteOrRefuse<T>(label: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (postgresError(error)?.code === "23503") {
      throw refuse("conflict", ["adminRules.taxonomies.stillInUse", { name: label }]);
    }
    throw error;
  }
}

export const count = (query: Promise<{ n: number }[]>) => query.then((rows) => Number(rows[0]?.n ?? 0));

type ToggleTable = typeof products | typeof categories | typeof rootCauses | typeof authorities;

/**
 * Deactivating hides an item from the pickers for new work; records that use it keep it, and
 * imports still resolve it by name. Reactivating offers it again.
 */
export function activeToggle(name: string, table: ToggleTable, entityType: string, missing: MessageKey) {
  return defineOperation({
    name: name,
    permission: "admin:manage",
    input: setActiveSchema,
    work: async ({ tx, input, audit }) => {
      type Row = { id: string; name: string; active: boolean };
      const [before] = rowsOf<Row>(
        await tx.execute(sql`select id, name, active from ${table} where id = ${input.id} for update`),
      );
      if (!before) throw notFound(missing);
      if (before.active === input.active) return before;
      const after = first(
        rowsOf<Row>(
          await tx.execute(
            sql`update ${table} set active = ${input.active} where id = ${input.id} returning id, name, active`,
          ),
        ),
        "updated row",
      );
      await audit({
        action: `${entityType}.${input.active ? "reactivate" : "deactivate"}`,
        entityType,
        entityId: after.id,
        before,
        after,
      });
      return after;
    },
  });
}
