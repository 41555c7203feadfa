import type { Locale } from "@/lib/i18n/locales";
import { type Phrase, phraseIn } from "@/lib/i18n/say";
import { redactText } from "@/lib/privacy/redact";
import type { RowError } from "./resolve-types";

/**
 * A row's problem or a job's message is kept with the job as its key and values, not as words: the
 * same job is read by a Swedish reviewer and an English admin, each in their own language. Text kept
 * before (or by a path that words it itself) is read as it was written.
 */
const MARK = '{"phrase":';

/** The phrase with every value a file or a person wrote through the redaction, as it is to be kept. */
export function redactedPhrase(phrase: Phrase): Phrase {
  if (typeof phrase === "string") return phrase;
  const [key, values] = phrase;
  const masked = Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, typeof value === "string" ? redactText(value) : value]),
  );
  return [key, masked];
}

/** How a phrase is stored in a text column. */
export function storedPhrase(phrase: Phrase): string {
  return `${MARK}${JSON.stringify(phrase)}}`;
}

/** A stored problem or message in `locale`: a stored phrase is worded now, plain text is left as it is. */
export function storedIn(text: string, locale: Locale): string {
  if (!text.startsWith(MARK)) return text;
  try {
    const { phrase } = JSON.parse(text) as { phrase: Phrase };
    return phraseIn(locale, phrase);
  } catch {
    return text;
  }
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
