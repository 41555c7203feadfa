import { AppError, type ErrorCode, type FieldErrors } from "@/lib/errors";
import { logError } from "@/lib/log";
import { hostileProblem } from "@/lib/security/hostile";
import { isUnavailable } from "@/lib/security/outage";

export type MutationError = { code: ErrorCode; message: string; details?: unknown };
/** What every operation answers, to a form, a route handler, a page or the command line alike. */
export type MutationResult<R> = { data: R } | { error: MutationError; fieldErrors?: FieldErrors };
export type OperationFailure = { error: MutationError; fieldErrors?: FieldErrors };

export const UNAUTHENTICATED: OperationFailure = { error: { code: "unauthenticated", message: "Sign in to continue" } };
export const FORBIDDEN: OperationFailure = {
  error: { code: "forbidden", message: "You do not have permission to do this" },
};

/**
 * Text the database cannot hold (NUL, lone surrogates) and absurd nesting, refused by name before any
 * schema sees them.
 */
export function hostileInputError(rawInput: unknown): { error: MutationError; fieldErrors: FieldErrors } | null {
  const hostile = hostileProblem(rawInput);
  if (!hostile) return null;
  const fieldErrors = { [hostile.path]: [hostile.message] };
  return { error: { code: "invalid", message: "Some fields need attention", details: fieldErrors }, fieldErrors };
}

/** A thrown error as a value: its own code for an AppError, `unavailable` for an outage, else `internal`. */
export function mutationErrorOf(error: unknown, kind: "write" | "read" = "write"): OperationFailure {
  if (error instanceof AppError) {
    const fieldErrors =
      error.code === "invalid" && error.details && typeof error.details === "object" && !Array.isArray(error.details)
        ? (error.details as FieldErrors)
        : undefined;
    return { error: { code: error.code, message: error.message, details: error.details }, fieldErrors };
  }
  const nothingSaved = kind === "write" ? "; nothing was saved" : "";
  if (isUnavailable(error)) {
    return {
      error: { code: "unavailable", message: `The service cannot reach its database${nothingSaved}. Try again.` },
    };
  }
  logError(kind === "write" ? "Mutation failed" : "Read failed", error);
  return { error: { code: "internal", message: `Something went wrong${nothingSaved}` } };
}
