import type { z } from "zod";
import type { FieldErrors } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { parsingIn } from "@/lib/i18n/say";
import { errorMapFor, installErrorMap } from "./error-map";

// Every server path that reports field errors comes through here, so the sentences are in force before any parse.
installErrorMap();

/** Flattens a zod error into dotted field paths (`items.0.name`), the shape forms and the API report. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** The first message of the first field with an error, for a form that shows one line. */
export function firstFieldError(fieldErrors: Record<string, string[]> | undefined): string | undefined {
  if (!fieldErrors) return undefined;
  const first = Object.values(fieldErrors)[0];
  return first?.[0];
}

/**
 * Parses `value` for a reader of `locale`: zod's own messages as sentences in that language, and the
 * schema's own messages (`rule`) in it too.
 */
export function parseIn<S extends z.ZodType>(schema: S, value: unknown, locale: Locale) {
  return parsingIn(locale, () => {
    const result = schema.safeParse(value, { error: errorMapFor(locale) });
    // zod words its issues when the error is first read: read it while the locale is in force.
    if (!result.success) void result.error.issues;
    return result;
  });
}
