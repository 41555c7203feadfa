import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { type MessageKey, phraseIn } from "@/lib/i18n/say";

/** Failure kinds shared by server actions, the HTTP API and the CLI. */
export type ErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "invalid"
  | "not_found"
  | "conflict"
  | "too_large"
  | "rate_limited"
  | "unavailable"
  | "internal";

export const HTTP_STATUS: Record<ErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  invalid: 400,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/** Field path (dotted) → messages, as zod reports them and forms consume them. */
export type FieldErrors = Record<string, string[]>;

/** What a refusal says, in one language: its message and (for `invalid`) the field messages. */
export type Said = { message: string; details?: unknown };

/**
 * A refusal worded for whoever reads it: code deep in an operation (a workflow rule, a bulk handler)
 * does not know the reader, so it hands over how to say it in any language, and the operation's door
 * (`mutationErrorOf`) says it in the actor's.
 */
export type Saying = (locale: Locale) => Said;

export class AppError extends Error {
  readonly details?: unknown;
  readonly #saying?: Saying;

  /** `message` is English text, or a Saying (the error's own message and details are then its English). */
  constructor(
    readonly code: ErrorCode,
    message: string | Saying,
    details?: unknown,
  ) {
    const english: Said = typeof message === "function" ? message(DEFAULT_LOCALE) : { message, details };
    super(english.message);
    this.name = "AppError";
    this.details = english.details;
    if (typeof message === "function") this.#saying = message;
  }

  /** The message and details in `locale` (an error given plain text says it in English to everyone). */
  in(locale: Locale): Said {
    return this.#saying ? this.#saying(locale) : { message: this.message, details: this.details };
  }
}

/** Whether `text` names a message ("adminRules.notFound.user") rather than being one. */
const isMessageKey = (text: string): text is MessageKey => phraseIn(DEFAULT_LOCALE, text as MessageKey) !== text;

/**
 * Nothing there: `notFound("adminRules.notFound.user")` says the message in the reader's language; a
 * plain noun (`notFound("Complaint")`) still reads "Complaint not found", in English to everyone.
 */
export const notFound = (what: MessageKey | (string & {})) =>
  isMessageKey(what)
    ? new AppError("not_found", (locale) => ({ message: phraseIn(locale, what) }))
    : new AppError("not_found", `${what} not found`);

/** Not allowed: by default "You do not have permission to do this" in the reader's language. */
export const forbidden = (message: MessageKey | (string & {}) = "errors.forbidden") =>
  isMessageKey(message)
    ? new AppError("forbidden", (locale) => ({ message: phraseIn(locale, message) }))
    : new AppError("forbidden", message);
