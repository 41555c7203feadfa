import { and, eq, ne } from "drizzle-orm";
import { markets } from "@/db/schema";
import { defineMutation } from "@/lib/complaints/mutation-kit";
import { notFound } from "@/lib/errors";
import { ADMIN, fieldError, lowerEquals } from "./shared";
import { renameMarketSchema } from "./validations";

/**
 * Renames a market. Its code is the key complaints, volumes and the metric use, so it never
 * changes here; the name is only what people read.
 */
export const renameMarket = defineMutation({ ...ADMIN, schema: renameMarketSchema }, async ({ tx, input, audit }) => {
  const [before] = await tx.select().from(markets).where(eq(markets.code, input.code)).for("update");
  if (!before) throw notFound("Market");
  const [clash] = await tx
    .select({ code: markets.code })
    .from(markets)
    .where(and(lowerEquals(markets.name, input.name), ne(markets.code, input.code)));
  if (clash) throw fieldError("name", `${clash.code} is already called “${input.name}”`);
  const [after] = await tx.update(markets).set({ name: input.name }).where(eq(markets.code, input.code)).returning();
  if (before.name !== after.name)
    await audit({ action: "market.rename", entityType: "market", entityId: after.code, before, after });
  return after;
});
