import { AppError, type ErrorCode, type FieldErrors } from "@/lib/errors";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { fillMessage, messagesFor } from "@/lib/i18n/messages";
import { logError } from "@/lib/log";
import { type HostileProblem, hostileProblem, MAX_NESTING, NESTING_MESSAGE, NUL_MESSAGE } from "@/lib/security/hostile";
import { isUnavailable } from "@/lib/security/outage";

export type MutationError = { code: ErrorCode; message: string; details?: unknown };
/** What every operation answers, to a form, a route handler, a page or the command line alike. */
export type MutationResult<R> = { data: R } | { error: MutationError; fieldErrors?: FieldErrors };
export type OperationFailure = { error: MutationError; fieldErrors?: FieldErrors };

// Every failure the door itself makes is said in the reader's language (the actor's; English by default).
const words = (locale: Locale) => messagesFor(locale).errors;

export const unauthenticated = (locale: Locale = DEFAULT_LOCALE): OperationFailure => ({
  error: { code: "unauthenticated", message: words(locale).unauthenticated },
});
export const forbiddenFailure = (locale: Locale = DEFAULT_LOCALE): OperationFailure => ({
  error: { code: "forbidden", message: words(locale).forbidden },
});
export const UNAUTHENTICATED: OperationFailure = unauthenticated();
export const FORBIDDEN: OperationFailure = forbiddenFailure();

/** Field errors refused as a whole: "Some fields need attention", each field naming its own problem. */
export function invalidFields(fieldErrors: FieldErrors, locale: Locale = DEFAULT_LOCALE) {
  return {
    error: { code: "invalid" as const, message: words(locale).fieldsNeedAttention, details: fieldErrors },
    fieldErrors,
  };
}

/** What is wrong with hostile input, in `locale`. */
export function hostileMessage(problem: HostileProblem, locale: Locale): string {
  const m = words(locale);
  if (problem.message === NUL_MESSAGE) return m.hostileNul;
  if (problem.message === NESTING_MESSAGE) return fillMessage(m.hostileNesting, { max: MAX_NESTING });
  return m.hostileSurrogate;
}

/**
 * Text the database cannot hold (NUL, lone surrogates) and absurd nesting, refused by name before any
 * schema sees them.
 */
export function hostileInputError(
  rawInput: unknown,
  locale: Locale = DEFAULT_LOCALE,
): { error: MutationError; fieldErrors: FieldErrors } | null {
  const hostile = hostileProblem(rawInput);
  if (!hostile) return null;
  return invalidFields({ [hostile.path]: [hostileMessage(hostile, locale)] }, locale);
}

/**
 * A thrown error as a value, in the reader's language: its own code for an AppError, `unavailable` for
 * an outage, else `internal`.
 */
export function mutationErrorOf(
  error: unknown,
  kind: "write" | "read" = "write",
  locale: Locale = DEFAULT_LOCALE,
): OperationFailure {
  if (error instanceof AppError) {
    const { message, details } = error.in(locale);
    const fieldErrors =
      error.code === "invalid" && details && typeof details === "object" && !Array.isArray(details)
        ? (details as FieldErrors)
        : undefined;
    return { error: { code: error.code, message, details }, fieldErrors };
  }
  const m = words(locale);
  if (isUnavailable(error)) {
    return { error: { code: "unavailable", message: kind === "write" ? m.unavailableNothingSaved : m.unavailable } };
  }
  logError(kind === "write" ? "Mutation failed" : "Read failed", error);
  return { error: { code: "internal", message: kind === "write" ? m.internalNothingSaved : m.internal } };
}
