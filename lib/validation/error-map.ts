import { z } from "zod";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";
import { fillMessage as fill, messagesFor } from "@/lib/i18n/messages";

type Issue = z.core.$ZodRawIssue;
type FieldNames = Record<string, string>;

/** "receivedOn" / "received_on" → "Received on": a field without a name of its own still reads as words. */
function humanise(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replaceAll(/[_.-]+/g, " ")
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : key;
}

/** The field an issue is about, as people call it: the last named step of its path. */
export function fieldLabel(path: readonly PropertyKey[] | undefined, locale: Locale = DEFAULT_LOCALE): string {
  const words = messagesFor(locale);
  const key = [...(path ?? [])].reverse().find((step): step is string => typeof step === "string");
  if (!key) return words.validation.input;
  return (words.fieldNames as FieldNames)[key] ?? humanise(key);
}

// Days are stored as YYYY-MM-DD in fields named receivedOn, due_on, month…; a wrong type there is a wrong date.
const DATE_FIELD = /(On|_on|Date|_date|At|_at|^month|From|To|_from|_to)$/;

/**
 * Validation messages as sentences that name the field ("Received on must be a date"), never zod's
 * "Invalid input: expected number, received NaN". Schemas' own messages still win: this only speaks
 * where a schema said nothing.
 */
export function validationMessage(issue: Issue, locale: Locale = DEFAULT_LOCALE): string | undefined {
  const m = messagesFor(locale).validation;
  const field = fieldLabel(issue.path, locale);
  const say = (template: string, values: Record<string, string | number> = {}) => fill(template, { field, ...values });
  const lastKey = [...(issue.path ?? [])].reverse().find((s) => typeof s === "string") as string | undefined;
  switch (issue.code) {
    case "invalid_type": {
      if (issue.input === undefined || issue.input === null) return say(m.required);
      if (issue.expected === "number" || issue.expected === "int" || issue.expected === "bigint") return say(m.number);
      if (issue.expected === "date") return say(m.date);
      if (issue.expected === "boolean") return say(m.yesNo);
      if (issue.expected === "array") return say(m.list);
      if (issue.expected === "string" && lastKey && DATE_FIELD.test(lastKey)) return say(m.date);
      if (issue.expected === "string") return say(m.text);
      return say(m.invalid);
    }
    case "invalid_value":
      return say(m.choice, { options: issue.values.map(String).join(", ") });
    case "too_small":
      if (issue.origin === "string") {
        return Number(issue.minimum) <= 1 ? say(m.required) : say(m.tooShort, { minimum: Number(issue.minimum) });
      }
      return say(m.tooSmall, { minimum: String(issue.minimum) });
    case "too_big":
      if (issue.origin === "string") return say(m.tooLong, { maximum: Number(issue.maximum) });
      return say(m.tooBig, { maximum: String(issue.maximum) });
    case "invalid_format":
      if (issue.format === "email") return say(m.email);
      if (issue.format === "date" || issue.format === "datetime") return say(m.date);
      return say(m.format);
    case "not_multiple_of":
      return say(m.wholeNumber);
    case "unrecognized_keys":
      return fill(m.unknownKey, { field: issue.keys.join(", ") });
    default:
      return say(m.invalid);
  }
}

/** A per-parse error map in one locale: `schema.safeParse(value, { error: errorMapFor("sv") })`. */
export function errorMapFor(locale: Locale) {
  return (issue: Issue) => validationMessage(issue, locale);
}

let installed = false;
/**
 * The sentences everywhere a parse is not given a locale: once per process (server, in English: each
 * operation parses with its reader's map) or page (browser). `localeOf` is asked at each message, so a
 * page whose language changes speaks the new one from its next validation on.
 */
export function installErrorMap(localeOf: () => Locale = () => DEFAULT_LOCALE): void {
  if (installed) return;
  installed = true;
  z.config({ customError: (issue) => validationMessage(issue, localeOf()) });
}

/** The page's language as the root layout wrote it (`<html lang>`), for the browser's forms; else English. */
export function documentLocale(): Locale {
  const lang = typeof document === "undefined" ? undefined : document.documentElement.lang;
  return isLocale(lang) ? lang : DEFAULT_LOCALE;
}
