import "server-only";
import type { z } from "zod";
import { defineOperation, type MutationResult, type Operation } from "@/lib/operations";
import { operationAction } from "@/lib/operations/action";
import type { MutationContext, MutationSpec } from "./mutation";

export { revalidatePaths } from "@/lib/operations/action";

/** A server action opened by hand, not yet an operation of its feature; runs on the operations kernel. */
export function action<S extends z.ZodType, R>(
  spec: MutationSpec<S>,
  work: (ctx: MutationContext<z.output<S>>) => Promise<R>,
): (input: z.input<S>) => Promise<MutationResult<R>> {
  return operationAction(
    defineOperation({ name: "unregistered", permission: spec.permission, input: spec.schema, work }),
  );
}

/** An operation as a server action; `refresh` runs after the commit, only on success. */
export function mutationAction<S extends z.ZodType, R>(
  operation: Operation<S, R>,
  refresh: (input: z.output<S>, data: R) => void,
): (input: z.input<S>) => Promise<MutationResult<R>> {
  return operationAction(operation, { refresh });
}
