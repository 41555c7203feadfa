import { DEFAULT_LOCALE, INTL_LOCALE, type Locale } from "@/lib/i18n/locales";
import { type MessageKey, phraseIn } from "@/lib/i18n/say";

/** What may still use a taxonomy item; each is counted in words ("1 complaint", "3 purchase volumes"). */
export type UseKind = "complaint" | "subcategory" | "volume" | "action" | "coding";
export type Use = { count: number; kind: UseKind };

export const DEACTIVATE_INSTEAD: MessageKey = "adminRules.taxonomies.deactivateInstead";

const phrase = (uses: Use[], locale: Locale) => {
  const parts = uses
    .filter((u) => u.count > 0)
    .map((u) =>
      phraseIn(locale, [
        `adminRules.taxonomies.uses.${u.kind}${u.count === 1 ? "One" : "Many"}`,
        { n: u.count.toLocaleString(INTL_LOCALE[locale]) },
      ]),
    );
  const last = parts.pop();
  return parts.length
    ? phraseIn(locale, ["adminRules.taxonomies.andList", { first: parts.join(", "), last: last ?? "" }])
    : last;
};

/**
 * Why an item cannot be deleted, in `locale`, or null when nothing uses it: the sentence of the
 * server's refusal (the page says the same before anyone tries).
 */
export function inUseMessage(
  label: string,
  uses: Use[],
  instead: MessageKey = DEACTIVATE_INSTEAD,
  locale: Locale = DEFAULT_LOCALE,
): string | null {
  if (uses.every((u) => u.count === 0)) return null;
  return phraseIn(locale, [
    "adminRules.taxonomies.inUse",
    { name: label, uses: phrase(uses, locale) ?? "", instead: phraseIn(locale, instead) },
  ]);
}
