import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { markets, products, rootCauses, users } from "@/db/schema";
import { type Phrase, refuse } from "@/lib/i18n/say";

/** Roles that may own a remediation action. */
export const OWNER_ROLES = ["admin", "reviewer", "product_manager"] as const;

/** Checks that the ids and codes an action points at exist; every problem comes back under its field. */
export async function checkActionReferences(
  tx: Tx,
  values: { ownerId?: string | null; market?: string | null; productId?: string | null; rootCauseIds?: string[] },
) {
  const errors: Record<string, Phrase> = {};
  const [owner, market, product, causes] = await Promise.all([
    values.ownerId
      ? tx
          .select({ id: users.id })
          .from(users)
          .where(and(eq(users.id, values.ownerId), eq(users.active, true), inArray(users.role, [...OWNER_ROLES])))
      : [],
    values.market ? tx.select({ code: markets.code }).from(markets).where(eq(markets.code, values.market)) : [],
    values.productId ? tx.select({ id: products.id }).from(products).where(eq(products.id, values.productId)) : [],
    values.rootCauseIds?.length
      ? tx.select({ id: rootCauses.id }).from(rootCauses).where(inArray(rootCauses.id, values.rootCauseIds))
      : [],
  ]);
  if (values.ownerId && !owner.length) errors.ownerId = "remediationRules.ownerNotEligible";
  if (values.market && !market.length) errors.market = ["remediationRules.unknownMarket", { market: values.market }];
  if (values.productId && !product.length) errors.productId = "complaintRules.productMissing";
  if (values.rootCauseIds?.length && causes.length !== new Set(values.rootCauseIds).size)
    errors.rootCauseIds = "remediationRules.rootCausesFromList";
  if (Object.keys(errors).length) throw refuse("invalid", "errors.fieldsNeedAttention", errors);
}
