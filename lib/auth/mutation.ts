import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { defineOperation, run, type WriteContext } from "@/lib/operations";
import type { Permission } from "./roles";

export {
  hostileInputError,
  type MutationError,
  type MutationResult,
  mutationErrorOf,
} from "@/lib/operations";

export type MutationSpec<S extends z.ZodType> = { permission: Permission; schema: S };
export type MutationContext<T> = WriteContext<T>;

/** A write opened by hand, not yet an operation of its feature; runs on the operations kernel. */
export function runMutation<S extends z.ZodType, R>(
  actor: Actor | null,
  spec: MutationSpec<S>,
  rawInput: unknown,
  work: (ctx: MutationContext<z.output<S>>) => Promise<R>,
) {
  return run(
    actor,
    defineOperation({ name: "unregistered", permission: spec.permission, input: spec.schema, work }),
    rawInput,
  );
}
