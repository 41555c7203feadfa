import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { Mutation } from "@/lib/complaints/mutation-kit";
import { type MutationContext, type MutationResult, type MutationSpec, runMutation } from "./mutation";
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

/**
 * A shared mutation (`defineMutation`) as a server action for the signed-in user; once it has
 * committed, `refresh` revalidates the pages that show what it changed.
 */
export function mutationAction<S extends z.ZodType, R>(
  mutation: Mutation<S, R>,
  refresh: (input: z.output<S>, data: R) => void,
): (input: z.input<S>) => Promise<MutationResult<R>> {
  return action(mutation, async (ctx) => {
    const data = await mutation.work(ctx);
    refresh(ctx.input, data);
    return data;
  });
}

/** Revalidates each page; for a `refresh` that names its paths. */
export function revalidatePaths(paths: string[]) {
  for (const path of paths) revalidatePath(path);
}
