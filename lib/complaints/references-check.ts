import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { postgresError } from "@/db/errors";
import { authorities, categories, complaints, markets, products, users } from "@/db/schema";
import type { Channel } from "@/lib/domain/values";
import { AppError, type FieldErrors } from "@/lib/errors";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { codesFor } from "@/lib/i18n/messages";
import { type Phrase, phraseIn } from "@/lib/i18n/say";

export type ReferenceValues = {
  market: string;
  channel: Channel;
  authorityId: string | null;
  productId?: string | null;
  categoryId?: string | null;
  assigneeId?: string | null;
  duplicateOfId?: string | null;
};

/**
 * Checks that every id and code a complaint points at exists and fits: the authority belongs to the
 * complaint's market and channel, the assignee may work on complaints. `only` limits the checks to
 * the fields being changed, so an edit is not refused for an older, untouched value.
 */
export async function checkReferences(tx: Tx, v: ReferenceValues, only?: Set<string>, selfId?: string): Promise<void> {
  // Each field's messages, said in whichever language the refusal is read in.
  const errors: Record<string, ((locale: Locale) => string)[]> = {};
  const wants = (field: string) => !only || only.has(field);
  const add = (field: string, message: Phrase | ((locale: Locale) => string)) =>
    (errors[field] ??= []).push(typeof message === "function" ? message : (locale) => phraseIn(locale, message));

  if (wants("market")) {
    const [market] = await tx.select({ active: markets.active }).from(markets).where(eq(markets.code, v.market));
    if (!market) add("market", ["complaintRules.marketUnknownCode", { market: v.market }]);
  }
  if (wants("authorityId") || wants("channel") || wants("market")) {
    if (v.authorityId) {
      const [authority] = await tx.select().from(authorities).where(eq(authorities.id, v.authorityId));
      if (!authority) add("authorityId", "complaintRules.authorityUnknown");
      else if (authority.market !== v.market || authority.channel !== v.channel) {
        const { name } = authority;
        add("authorityId", (locale) =>
          phraseIn(locale, [
            "complaintRules.authorityMismatch",
            { name, channel: channelWords(v.channel, locale), market: v.market },
          ]),
        );
      }
    } else if (v.channel !== "customer_service") {
      const known = await tx
        .select({ id: authorities.id })
        .from(authorities)
        .where(and(eq(authorities.market, v.market), eq(authorities.channel, v.channel), eq(authorities.active, true)))
        .limit(1);
      if (known.length) add("authorityId", "complaintRules.chooseRegisteredAuthority");
    }
  }
  if (v.productId && wants("productId")) {
    const [product] = await tx.select({ id: products.id }).from(products).where(eq(products.id, v.productId));
    if (!product) add("productId", "complaintRules.productUnknown");
  }
  if (v.categoryId && wants("categoryId")) {
    const [category] = await tx.select({ id: categories.id }).from(categories).where(eq(categories.id, v.categoryId));
    if (!category) add("categoryId", "complaintRules.categoryUnknown");
  }
  if (v.assigneeId && wants("assigneeId")) {
    const [user] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, v.assigneeId), eq(users.active, true), inArray(users.role, ["admin", "reviewer"])));
    if (!user) add("assigneeId", "complaintRules.assigneeInactive");
  }
  if (v.duplicateOfId && wants("duplicateOfId")) {
    const [original] = await tx
      .select({ id: complaints.id })
      .from(complaints)
      .where(eq(complaints.id, v.duplicateOfId));
    if (!original) add("duplicateOfId", "complaintRules.originalMissing");
    else if (v.duplicateOfId === selfId) add("duplicateOfId", "complaintRules.cannotDuplicateItself");
  }
  if (Object.keys(errors).length)
    throw new AppError("invalid", (locale) => ({
      message: phraseIn(locale, "errors.fieldsNeedAttention"),
      details: Object.fromEntries(
        Object.entries(errors).map(([field, said]) => [field, said.map((say) => say(locale))]),
      ) satisfies FieldErrors,
    }));
}

/** A channel as a sentence names it: "consumer agency" in English, the code's own label elsewhere. */
function channelWords(channel: Channel, locale: Locale): string {
  const label = codesFor(locale).channel[channel];
  return locale === DEFAULT_LOCALE ? label.toLowerCase() : label;
}

/** Postgres unique violation on (source, external_id), turned into a field error. */
export function isExternalIdConflict(error: unknown): boolean {
  const e = postgresError(error);
  return e?.code === "23505" && e.constraint === "complaints_source_external_id";
}
