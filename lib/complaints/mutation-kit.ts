import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { type MutationContext, type MutationResult, type MutationSpec, runMutation } from "@/lib/auth/mutation";

/** A write defined once, run by server actions (as the signed-in user), the API and tests alike. */
export type Mutation<S extends z.ZodType, R> = MutationSpec<S> & {
  work: (ctx: MutationContext<z.output<S>>) => Promise<R>;
};

export function defineMutation<S extends z.ZodType, R>(
  spec: MutationSpec<S>,
  work: (ctx: MutationContext<z.output<S>>) => Promise<R>,
): Mutation<S, R> {
  return { ...spec, work };
}

export function perform<S extends z.ZodType, R>(
  actor: Actor | null,
  mutation: Mutation<S, R>,
  input: unknown,
): Promise<MutationResult<R>> {
  return runMutation(actor, mutation, input, mutation.work);
}
