import type { z } from "zod";
import { type Db, db, type Tx } from "@/db";
import { type AuditEntry, writeAudit } from "@/lib/audit/log";
import type { Actor } from "@/lib/auth/actor";
import { can, type Permission } from "@/lib/auth/roles";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { fieldErrorsOf, parseIn } from "@/lib/validation";
import {
  forbiddenFailure,
  hostileInputError,
  invalidFields,
  type MutationResult,
  mutationErrorOf,
  type OperationFailure,
  unauthenticated,
} from "./result";
import { forgetSharedReads, sharedRead } from "./shared-reads";

export type WriteContext<T> = {
  actor: Actor;
  input: T;
  tx: Tx;
  audit: (entry: AuditEntry | AuditEntry[]) => Promise<void>;
};
export type ReadContext<T> = { actor: Actor; input: T; db: Db };

type Definition<S extends z.ZodType> = {
  /** Unique across the registry: `feature.verbNoun`. */
  readonly name: string;
  /** Who may run it; required, so an operation without one does not compile. */
  readonly permission: Permission;
  readonly input: S;
};

/** A write: one transaction, its audit entries in that same transaction. */
export type Operation<S extends z.ZodType, R> = Definition<S> & {
  readonly kind: "write";
  // Method syntax: an Operation<S, R> is usable wherever any operation is (the registry, the adapters).
  work(ctx: WriteContext<z.output<S>>): Promise<R>;
};

/** A read: no transaction, never a change; what it returns is what the actor may see. */
export type ReadOperation<S extends z.ZodType, R> = Definition<S> & {
  readonly kind: "read";
  /**
   * Its answer depends on the reader's role, language and input alone, never on who they are: readers
   * may share it for a few seconds (see shared-reads.ts).
   */
  readonly shared?: boolean;
  read(ctx: ReadContext<z.output<S>>): Promise<R>;
};

/**
 * A write that commits batch by batch on its own (retention, a customer's erasure), so a long run keeps
 * what it has done: no enclosing transaction, and it writes its own audit entry.
 */
export type BatchOperation<S extends z.ZodType, R> = Definition<S> & {
  readonly kind: "batch";
  work(ctx: ReadContext<z.output<S>>): Promise<R>;
};

export type AnyOperation =
  | Operation<z.ZodType, unknown>
  | ReadOperation<z.ZodType, unknown>
  | BatchOperation<z.ZodType, unknown>;
export type SomeOperation<S extends z.ZodType, R> = Operation<S, R> | ReadOperation<S, R> | BatchOperation<S, R>;

export function defineOperation<S extends z.ZodType, R>(
  definition: Definition<S> & { work: (ctx: WriteContext<z.output<S>>) => Promise<R> },
): Operation<S, R> {
  return { kind: "write", ...definition };
}

export function defineRead<S extends z.ZodType, R>(
  definition: Definition<S> & { shared?: boolean; read: (ctx: ReadContext<z.output<S>>) => Promise<R> },
): ReadOperation<S, R> {
  return { kind: "read", ...definition };
}

export function defineBatchOperation<S extends z.ZodType, R>(
  definition: Definition<S> & { work: (ctx: ReadContext<z.output<S>>) => Promise<R> },
): BatchOperation<S, R> {
  return { kind: "batch", ...definition };
}

export function isOperation(value: unknown): value is AnyOperation {
  if (!value || typeof value !== "object") return false;
  const op = value as { kind?: unknown; name?: unknown; input?: unknown; work?: unknown; read?: unknown };
  return (
    (op.kind === "write" || op.kind === "read" || op.kind === "batch") &&
    typeof op.name === "string" &&
    typeof op.input === "object" &&
    typeof (op.kind === "read" ? op.read : op.work) === "function"
  );
}

type Admitted<T> = { actor: Actor; input: T } | OperationFailure;

/**
 * The door every operation passes: signed in → permitted → input the database can hold → the schema.
 * Its refusals, and the schema's field messages where the schema says nothing itself, are in `locale`.
 */
function admit<S extends z.ZodType>(
  actor: Actor | null,
  op: { permission: Permission; input: S },
  rawInput: unknown,
  locale: Locale,
): Admitted<z.output<S>> {
  if (!actor) return unauthenticated(locale);
  if (!can(actor.role, op.permission)) return forbiddenFailure(locale);
  const hostile = hostileInputError(rawInput, locale);
  if (hostile) return hostile;
  const parsed = parseIn(op.input, rawInput, locale);
  if (!parsed.success) return invalidFields(fieldErrorsOf(parsed.error), locale);
  return { actor, input: parsed.data };
}

/**
 * `run`, also handing back the parsed input, for adapters that refresh pages by it after the commit.
 * `locale` is the reader's when there is no actor to carry it (a signed-out visitor is told to sign in
 * in their language).
 */
export async function execute<S extends z.ZodType, R>(
  actor: Actor | null,
  op: SomeOperation<S, R>,
  rawInput: unknown,
  locale: Locale = actor?.locale ?? DEFAULT_LOCALE,
): Promise<{ result: MutationResult<R>; input?: z.output<S> }> {
  const admitted = admit(actor, op, rawInput, locale);
  if ("error" in admitted) return { result: admitted };
  const { input } = admitted;
  try {
    const { actor: reader } = admitted;
    if (op.kind === "read") {
      const read = () => op.read({ actor: reader, input, db });
      const data = op.shared
        ? await sharedRead(`${op.name}|${reader.role}|${reader.locale}|${JSON.stringify(input)}`, read)
        : await read();
      return { result: { data }, input };
    }
    if (op.kind === "batch") {
      try {
        return { result: { data: await op.work({ actor: reader, input, db }) }, input };
      } finally {
        // A batch commits as it goes: even one that failed half-way may have changed what is summed.
        forgetSharedReads();
      }
    }
    const data = await db.transaction((tx) =>
      op.work({ actor: reader, input, tx, audit: (entry) => writeAudit(tx, reader, entry) }),
    );
    forgetSharedReads();
    return { result: { data }, input };
  } catch (error) {
    return { result: mutationErrorOf(error, op.kind === "read" ? "read" : "write", locale) };
  }
}

/**
 * The one road for every read and write: permission → validated input → the work (a write in one
 * transaction with its audit entries). Failures come back as values, never thrown.
 */
export async function run<S extends z.ZodType, R>(
  actor: Actor | null,
  op: SomeOperation<S, R>,
  rawInput: unknown,
  locale: Locale = actor?.locale ?? DEFAULT_LOCALE,
): Promise<MutationResult<R>> {
  return (await execute(actor, op, rawInput, locale)).result;
}
