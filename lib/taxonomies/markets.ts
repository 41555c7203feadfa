import { and, asc, eq, ne } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db";
import { markets } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { first } from "@/lib/must";
import { defineBatchOperation, defineOperation, defineRead } from "@/lib/operations";
import { countryName } from "./countries";
import { reindexMarketLanguage } from "./market-language";
import { fieldError, lowerEquals } from "./shared";
import { createMarketSchema, marketActiveSchema, marketLanguageSchema, renameMarketSchema } from "./validations";

/**
 * Renames a market. Its code is the key complaints, volumes and the metric use, so it never
 * changes here; the name is only what people read.
 */
export const renameMarket = defineOperation({
  name: "taxonomies.renameMarket",
  permission: "admin:manage",
  input: renameMarketSchema,
  work: async ({ tx, input, audit }) => {
    const [before] = await tx.select().from(markets).where(eq(markets.code, input.code)).for("update");
    if (!before) throw notFound("adminRules.notFound.market");
    await assertNameFree(tx, input.name, input.code);
    const after = first(
      await tx.update(markets).set({ name: input.name }).where(eq(markets.code, input.code)).returning(),
      "updated markets",
    );
    if (before.name !== after.name)
      await audit({ action: "market.rename", entityType: "market", entityId: after.code, before, after });
    return after;
  },
});

async function assertNameFree(tx: Tx, name: string, code: string) {
  const [clash] = await tx
    .select({ code: markets.code })
    .from(markets)
    .where(and(lowerEquals(markets.name, name), ne(markets.code, code)));
  if (clash) throw fieldError("name", ["adminRules.taxonomies.marketNameTaken", { code: clash.code, name }]);
}

/** A new market by its ISO 3166-1 alpha-2 code, with the language its customers' complaints are searched in. */
export const createMarket = defineOperation({
  name: "taxonomies.createMarket",
  permission: "admin:manage",
  input: createMarketSchema,
  work: async ({ tx, input, audit }) => {
    const [existing] = await tx.select().from(markets).where(eq(markets.code, input.code));
    if (existing)
      throw fieldError("code", ["adminRules.taxonomies.marketExists", { code: input.code, name: existing.name }]);
    await assertNameFree(tx, input.name, input.code);
    const created = first(await tx.insert(markets).values(input).returning(), "inserted markets");
    await audit({
      action: "market.create",
      entityType: "market",
      entityId: created.code,
      after: created,
      meta: { country: countryName(created.code) },
    });
    return created;
  },
});

/**
 * Changes the language a market's complaints are stemmed in. Only the market row changes here, in
 * the transaction; its complaints' copies are rewritten afterwards in short batches
 * (reindexMarketLanguage), so a market of a million complaints never holds one long lock.
 */
export const setMarketLanguage = defineOperation({
  name: "taxonomies.setMarketLanguage",
  permission: "admin:manage",
  input: marketLanguageSchema,
  work: async ({ tx, input, audit }) => {
    const [before] = await tx.select().from(markets).where(eq(markets.code, input.code)).for("update");
    if (!before) throw notFound("adminRules.notFound.market");
    const after = first(
      await tx
        .update(markets)
        .set({ searchLanguage: input.searchLanguage })
        .where(eq(markets.code, input.code))
        .returning(),
      "updated markets",
    );
    const changed = before.searchLanguage !== after.searchLanguage;
    if (changed) await audit({ action: "market.language", entityType: "market", entityId: after.code, before, after });
    return { ...after, changed };
  },
});

/** Deactivated markets are not offered for new complaints; their complaints, volumes and figures stay. */
export const setMarketActive = defineOperation({
  name: "taxonomies.setMarketActive",
  permission: "admin:manage",
  input: marketActiveSchema,
  work: async ({ tx, input, audit }) => {
    const [before] = await tx.select().from(markets).where(eq(markets.code, input.code)).for("update");
    if (!before) throw notFound("adminRules.notFound.market");
    const after = first(
      await tx.update(markets).set({ active: input.active }).where(eq(markets.code, input.code)).returning(),
      "updated markets",
    );
    if (before.active !== after.active)
      await audit({
        action: after.active ? "market.reactivate" : "market.deactivate",
        entityType: "market",
        entityId: after.code,
        before,
        after,
      });
    return after;
  },
});

/** Every market with its search language, by code. */
export const listMarkets = defineRead({
  name: "taxonomies.listMarkets",
  permission: "admin:manage",
  input: z.object({}),
  read: ({ db }) => db.select().from(markets).orderBy(asc(markets.code)),
});

/** Re-indexes a market's complaints in its search language, in batches (each commits), while the app runs. */
export const reindexMarketComplaints = defineBatchOperation({
  name: "taxonomies.reindexMarketComplaints",
  permission: "admin:manage",
  input: z.object({ code: z.string().trim().toUpperCase().length(2) }),
  work: ({ input, db }) => reindexMarketLanguage(db, input.code),
});
