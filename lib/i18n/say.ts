import { AppError, type ErrorCode, type FieldErrors } from "@/lib/errors";
import { formatNumber } from "@/lib/format";
import { documentLocale } from "@/lib/validation/error-map";
import type { Locale } from "./locales";
import { fillMessage, type Messages, messagesFor } from "./messages";

/** Every message's dotted key ("complaintRules.summaryRequired"): a typo is a type error. */
type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<Messages>;

/**
 * The values for a message's {placeholders}: text and numbers as they are, or a phrase of its own (as
 * `[key, values]`), said in the same language: "The file cannot be read: {reason}" with the reason a
 * message too.
 */
export type Values = { readonly [name: string]: string | number | NestedPhrase };
export type NestedPhrase = readonly [MessageKey, Values];
/** A message by its key, with the values for its {placeholders} where it has any. */
export type Phrase = MessageKey | NestedPhrase;

/** The message `phrase` names, in `locale`. */
export function phraseIn(locale: Locale, phrase: Phrase): string {
  const [key, values] = typeof phrase === "string" ? [phrase, undefined] : phrase;
  let node: unknown = messagesFor(locale);
  for (const step of key.split(".")) node = (node as Record<string, unknown> | undefined)?.[step];
  return typeof node === "string" ? fillMessage(node, values && valuesIn(locale, values)) : key;
}

function valuesIn(locale: Locale, values: Values): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, isNested(value) ? phraseIn(locale, value) : value]),
  );
}

const isNested = (value: Values[string]): value is NestedPhrase => Array.isArray(value);

/**
 * The message `phrase` names, in `locale`, with its numbers (and its nested phrases' numbers) written
 * as the reader writes figures: "0,5" and "1 234" in Swedish. For phrases whose numbers are figures;
 * a line number or a count in a sentence for the logs is said with `phraseIn`, as it is.
 */
export function figuresIn(locale: Locale, phrase: Phrase): string {
  return phraseIn(locale, withFigures(locale, phrase));
}

function withFigures(locale: Locale, phrase: Phrase): Phrase {
  if (typeof phrase === "string") return phrase;
  const [key, values] = phrase;
  const written = Object.entries(values).map(([name, value]): [string, Values[string]] => [
    name,
    typeof value === "number"
      ? formatNumber(value, locale)
      : typeof value === "string"
        ? value
        : withFigures(locale, value),
  ]);
  return [key, Object.fromEntries(written)];
}

// The locale of the parse running now. Parses are synchronous, so one value at a time is enough: the
// server's operation door sets it around each parse (`parsingIn`); in the browser it is the page's.
let parseLocale: Locale | null = null;

/** Runs `parse` with the schemas' own messages (`rule`, `ruleText`) in `locale`. */
export function parsingIn<T>(locale: Locale, parse: () => T): T {
  const before = parseLocale;
  parseLocale = locale;
  try {
    return parse();
  } finally {
    parseLocale = before;
  }
}

function currentLocale(): Locale {
  return parseLocale ?? documentLocale();
}

/**
 * A schema's own message, said in the language of whoever the parse is for:
 * `z.string().min(1, rule("complaintRules.summaryRequired"))`.
 */
export function rule(phrase: Phrase): { error: () => string } {
  return { error: () => phraseIn(currentLocale(), phrase) };
}

/** The same, as text, inside a refinement: `ctx.addIssue({ code: "custom", message: ruleText(…) })`. */
export function ruleText(phrase: Phrase): string {
  return phraseIn(currentLocale(), phrase);
}

/**
 * A refusal said in the reader's language: its message and, for `invalid`, each field's message.
 * `refuse("invalid", "complaintRules.externalIdUsed", { externalId: "complaintRules.externalIdUsedField" })`.
 */
export function refuse(
  code: ErrorCode,
  message: Phrase,
  fields?: Record<string, Phrase | readonly Phrase[]>,
): AppError {
  return new AppError(code, (locale) => ({
    message: phraseIn(locale, message),
    ...(fields && {
      details: Object.fromEntries(
        Object.entries(fields).map(([field, said]) => [
          field,
          isPhraseList(said) ? said.map((p) => phraseIn(locale, p)) : [phraseIn(locale, said)],
        ]),
      ) satisfies FieldErrors,
    }),
  }));
}

function isPhraseList(value: Phrase | readonly Phrase[]): value is readonly Phrase[] {
  if (!Array.isArray(value)) return false;
  const [first, second] = value as unknown[];
  const onePhrase = value.length === 2 && typeof first === "string" && isValues(second);
  return !onePhrase;
}

function isValues(value: unknown): value is Values {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
