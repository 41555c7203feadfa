import type { Locale } from "@/lib/i18n/locales";
import { type Phrase, phraseIn, type Values } from "@/lib/i18n/say";
import { redactText } from "@/lib/privacy/redact";
import type { CreatedItems } from "@/lib/taxonomies/create-missing";
import type { RowError } from "./resolve-types";

/**
 * A row's problem or a job's message is kept with the job as its key and values, not as words: the
 * same job is read by a Swedish reviewer and an English admin, each in their own language. Text kept
 * before (or by a path that words it itself) is read as it was written.
 */
const MARK = '{"phrase":';

/** The phrase with every value a file or a person wrote through the redaction, as it is to be kept. */
export function redactedPhrase(phrase: Phrase): Phrase {
  return typeof phrase === "string" ? phrase : [phrase[0], maskedValues(phrase[1])];
}

function maskedValues(values: Values): Values {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name,
      typeof value === "string"
        ? redactText(value)
        : typeof value === "number"
          ? value
          : [value[0], maskedValues(value[1])],
    ]),
  );
}

/** How a phrase is stored in a text column. */
export function storedPhrase(phrase: Phrase): string {
  return `${MARK}${JSON.stringify(phrase)}}`;
}

/** How an import ended, as the job keeps it: the outcome, and what the import created (names are data). */
export type JobOutcome = { outcome: Phrase; created?: CreatedItems };
const OUTCOME_MARK = '{"outcome":';

/** How a job's outcome is stored in its message column. */
export function storedOutcome(outcome: JobOutcome): string {
  return JSON.stringify({ outcome: outcome.outcome, ...(outcome.created && { created: outcome.created }) });
}

const CREATED_KEYS = {
  markets: "importRules.outcome.createdMarkets",
  products: "importRules.outcome.createdProducts",
  categories: "importRules.outcome.createdCategories",
  rootCauses: "importRules.outcome.createdRootCauses",
} as const;

/** "Imported 3 rows: …; created markets: NO; products: Faktura", in `locale`. */
export function outcomeIn({ outcome, created }: JobOutcome, locale: Locale): string {
  const parts = created
    ? (Object.keys(CREATED_KEYS) as (keyof CreatedItems)[])
        .filter((kind) => created[kind].length)
        .map((kind) => phraseIn(locale, [CREATED_KEYS[kind], { names: created[kind].join(", ") }]))
    : [];
  const [first, ...rest] = parts;
  const said = phraseIn(locale, outcome);
  return first ? [said, phraseIn(locale, ["importRules.outcome.created", { first }]), ...rest].join("; ") : said;
}

/** The phrase a text column keeps (see `storedPhrase`), or null for text kept as words. */
export function storedPhraseOf(text: string): Phrase | null {
  if (!text.startsWith(MARK)) return null;
  try {
    return (JSON.parse(text) as { phrase?: Phrase }).phrase ?? null;
  } catch {
    // Not ours after all: read as written.
    return null;
  }
}

/** A stored problem or message in `locale`: a stored phrase is worded now, plain text is left as it is. */
export function storedIn(text: string, locale: Locale): string {
  try {
    const phrase = storedPhraseOf(text);
    if (phrase) return phraseIn(locale, phrase);
    if (text.startsWith(OUTCOME_MARK)) return outcomeIn(JSON.parse(text) as JobOutcome, locale);
  } catch {
    // Not ours after all: read as written.
  }
  return text;
}

/** A row's problem: kept as its phrase, with its English words for the command line and the logs. */
export function rowProblem(line: number, column: string | null, phrase: Phrase): RowError {
  const said = redactedPhrase(phrase);
  return { line, column, reason: phraseIn("en", said), said };
}

/** A row's problem in `locale`, as it is read where it was found (the preview). */
export function problemIn(problem: RowError, locale: Locale): string {
  return problem.said ? phraseIn(locale, problem.said) : problem.reason;
}
