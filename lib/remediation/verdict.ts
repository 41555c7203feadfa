import type { Locale } from "@/lib/i18n/locales";
import { figuresIn, type MessageKey, type NestedPhrase, type Phrase } from "@/lib/i18n/say";
import { storedPhrase, storedPhraseOf } from "@/lib/imports/stored-words";

/**
 * An effectiveness check's verdict is kept as what it says, its message key and figures (as a job's
 * message is, see lib/imports/stored-words), not as words: the same check is read by a Swedish reviewer
 * and an English admin, each in their own language with the figures written their way. A check stored
 * before as an English sentence is read back into its phrase (legacyPhrase) and worded the same way.
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

// The English sentences checks were stored as before their verdicts were kept as phrases: the same words
// as the English messages, so each is read back into its phrase and worded for any reader.
const N = "(\\d[\\d,]*)";
const SIGNED = "([+−]?\\d[\\d,]*)";
const CORRECTED =
  /^(.*)\. One window had no complaints, so ([\d.]+) was added to both counts \(continuity correction\)$/s;
const LEGACY_SENTENCES: [RegExp, (m: RegExpMatchArray) => NestedPhrase | MessageKey][] = [
  [
    new RegExp(`^Fewer complaints after shipping: the rate fell ${N} % \\(95 % CI ${N}–${N} %\\)$`),
    (m) => ["remediationRules.verdict.fewer", { change: num(m[1]), low: num(m[2]), high: num(m[3]) }],
  ],
  [
    new RegExp(`^More complaints after shipping: the rate rose ${N} % \\(95 % CI ${N}–${N} %\\)$`),
    (m) => ["remediationRules.verdict.more", { change: num(m[1]), low: num(m[2]), high: num(m[3]) }],
  ],
  [
    new RegExp(`^No clear change: the rate (fell|rose) ${N} %, but the 95 % CI runs from ${SIGNED} to ${SIGNED} %$`),
    (m) => [
      m[1] === "fell" ? "remediationRules.verdict.noChangeFell" : "remediationRules.verdict.noChangeRose",
      { change: num(m[2]), low: signedOf(m[3] ?? "0"), high: signedOf(m[4] ?? "0") },
    ],
  ],
  [/^Not enough data yet \(/, () => "remediationRules.verdict.notEnoughAfter"],
  [/^Not enough data \(/, () => "remediationRules.verdict.notEnoughBefore"],
];

/** A number as an English sentence wrote it (digits, perhaps grouped with commas). */
const num = (text: string | undefined) => Number((text ?? "0").replaceAll(",", ""));

function signedOf(text: string): number | NestedPhrase {
  if (text.startsWith("+")) return ["remediationRules.verdict.plus", { n: num(text.slice(1)) }];
  if (text.startsWith("−")) return ["remediationRules.verdict.minus", { n: num(text.slice(1)) }];
  return num(text);
}

/** An old English sentence read back into the phrase it says; null for text that is no verdict's sentence. */
export function legacyPhrase(sentence: string): Phrase | null {
  const corrected = CORRECTED.exec(sentence);
  const body = corrected ? (corrected[1] ?? "") : sentence;
  for (const [pattern, phrase] of LEGACY_SENTENCES) {
    const m = body.match(pattern);
    if (!m) continue;
    const said = phrase(m);
    return corrected ? ["remediationRules.verdict.corrected", { verdict: said, added: Number(corrected[2]) }] : said;
  }
  return null;
}

/** A stored verdict in `locale`, its percentages written the reader's way (an old English sentence too, read back). */
export function verdictIn(stored: string, locale: Locale): string {
  const said = storedPhraseOf(stored) ?? legacyPhrase(stored);
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
