import type { z } from "zod";
import { db, type Tx } from "@/db";
import { type AuditEntry, writeAudit } from "@/lib/audit/log";
import { AppError, type ErrorCode, type FieldErrors } from "@/lib/errors";
import { logError } from "@/lib/log";
import { hostileProblem } from "@/lib/security/hostile";
import { isUnavailable } from "@/lib/security/outage";
import { fieldErrorsOf } from "@/lib/validation";
import type { Actor } from "./actor";
import { can, type Permission } from "./roles";

export type MutationError = { code: ErrorCode; message: string; details?: unknown };
export type MutationResult<R> = { data: R } | { error: MutationError; fieldErrors?: FieldErrors };

export type MutationSpec<S extends z.ZodType> = { permission: Permission; schema: S };

export type MutationContext<T> = {
  actor: Actor;
  input: T;
  tx: Tx;
  audit: (entry: AuditEntry | AuditEntry[]) => Promise<void>;
};

/**
 * The one road for every write: permission → validated input → the work in one transaction,
 * with its audit entries in that same transaction. Failures come back as values, never thrown.
 */
export async function runMutation<S extends z.ZodType, R>(
  actor: Actor | null,
  spec: MutationSpec<S>,
  rawInput: unknown,
  work: (ctx: MutationContext<z.output<S>>) => Promise<R>,
): Promise<MutationResult<R>> {
  if (!actor) return { error: { code: "unauthenticated", message: "Sign in to continue" } };
  if (!can(actor.role, spec.permission)) {
    return { error: { code: "forbidden", message: "You do not have permission to do this" } };
  }
  const hostile = hostileInputError(rawInput);
  if (hostile) return hostile;
  const parsed = spec.schema.safeParse(rawInput);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    return { error: { code: "invalid", message: "Some fields need attention", details: fieldErrors }, fieldErrors };
  }
  try {
    const data = await db.transaction((tx) =>
      work({ actor, input: parsed.data, tx, audit: (entry) => writeAudit(tx, actor, entry) }),
    );
    return { data };
  } catch (error) {
    return mutationErrorOf(error);
  }
}

/**
 * Text the database cannot hold (NUL, lone surrogates) and absurd nesting, refused by name before any
 * schema sees them; for the hand-written actions too.
 */
export function hostileInputError(rawInput: unknown): { error: MutationError; fieldErrors: FieldErrors } | null {
  const hostile = hostileProblem(rawInput);
  if (!hostile) return null;
  const fieldErrors = { [hostile.path]: [hostile.message] };
  return { error: { code: "invalid", message: "Some fields need attention", details: fieldErrors }, fieldErrors };
}

export function mutationErrorOf(error: unknown): { error: MutationError; fieldErrors?: FieldErrors } {
  if (error instanceof AppError) {
    const fieldErrors =
      error.code === "invalid" && error.details && typeof error.details === "object"
        ? (error.details as FieldErrors)
        : undefined;
    return { error: { code: error.code, message: error.message, details: error.details }, fieldErrors };
  }
  if (isUnavailable(error)) {
    return {
      error: { code: "unavailable", message: "The service cannot reach its database; nothing was saved. Try again." },
    };
  }
  logError("Mutation failed", error);
  return { error: { code: "internal", message: "Something went wrong; nothing was saved" } };
}
