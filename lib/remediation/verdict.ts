import type { Locale } from "@/lib/i18n/locales";
import { figuresIn, type MessageKey, type Phrase } from "@/lib/i18n/say";
import { storedPhrase, storedPhraseOf } from "@/lib/imports/stored-words";

/**
 * An effectiveness check's verdict is kept as what it says, its message key and figures (as a job's
 * message is, see lib/imports/stored-words), not as words: the same check is read by a Swedish reviewer
 * and an English admin, each in their own language with the figures written their way. A check stored
 * before, as an English sentence, is read as it was written.
 */

/** Which way the check came out, for the badge and for programs reading the API. */
export type VerdictKind = "fewer" | "no_change" | "more" | "not_enough_after" | "not_enough_before" | "withheld";

/** How a verdict is kept in the check's `verdict` column. */
export const storedVerdict = (said: Phrase): string => storedPhrase(said);

/** The verdict a role that sees aggregates only reads in place of one that gives back a small count. */
export const WITHHELD_VERDICT = storedVerdict("remediationRules.verdict.withheld");

const KIND_OF_KEY: Partial<Record<MessageKey, VerdictKind>> = {
  "remediationRules.verdict.fewer": "fewer",
  "remediationRules.verdict.more": "more",
  "remediationRules.verdict.noChangeFell": "no_change",
  "remediationRules.verdict.noChangeRose": "no_change",
  "remediationRules.verdict.notEnoughAfter": "not_enough_after",
  "remediationRules.verdict.notEnoughBefore": "not_enough_before",
  "remediationRules.verdict.withheld": "withheld",
};

// The first words of the English sentences checks were stored as before (longest first).
const LEGACY_STARTS: [string, VerdictKind][] = [
  ["Fewer complaints after shipping", "fewer"],
  ["More complaints after shipping", "more"],
  ["No clear change", "no_change"],
  ["Not enough data yet", "not_enough_after"],
  ["Not enough data", "not_enough_before"],
];

/** The kind of a stored verdict; null for text that is neither a verdict's phrase nor an old verdict's sentence. */
export function verdictKindOf(stored: string): VerdictKind | null {
  const said = storedPhraseOf(stored);
  if (!said) return LEGACY_STARTS.find(([start]) => stored.startsWith(start))?.[1] ?? null;
  // A corrected verdict wraps the one it corrects.
  const inner = typeof said !== "string" && said[0] === "remediationRules.verdict.corrected" ? said[1]?.verdict : said;
  const key = Array.isArray(inner) ? inner[0] : inner;
  return typeof key === "string" ? (KIND_OF_KEY[key as MessageKey] ?? null) : null;
}

/** A stored verdict in `locale`, its percentages written the reader's way; an old sentence as it was written. */
export function verdictIn(stored: string, locale: Locale): string {
  const said = storedPhraseOf(stored);
  try {
    return said ? figuresIn(locale, said) : stored;
  } catch {
    // Not a phrase after all: read as written.
    return stored;
  }
}

/** A check as its reader reads it: the verdict in their words, with its kind. */
export function readVerdict<T extends { verdict: string }>(check: T, locale: Locale): T & { kind: VerdictKind | null } {
  return { ...check, verdict: verdictIn(check.verdict, locale), kind: verdictKindOf(check.verdict) };
}
