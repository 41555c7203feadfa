import "server-only";
import type { z } from "zod";
import { runMutation, type MutationContext, type MutationResult, type MutationSpec } from "./mutation";
import { actorOf, getCurrentUser } from "./session";

/** Wraps a server action in the mutation road, acting as the signed-in user. */
export function action<S extends z.ZodType, R>(
  spec: MutationSpec<S>,
  work: (ctx: MutationContext<z.output<S>>) => Promise<R>,
): (input: z.input<S>) => Promise<MutationResult<R>> {
  return async (input) => {
    const user = await getCurrentUser();
    return runMutation(user ? actorOf(user) : null, spec, input, work);
  };
}
