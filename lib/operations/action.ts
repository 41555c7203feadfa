import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { actorOf, getCurrentUser } from "@/lib/auth/session";
import { readerLocale } from "@/lib/i18n/reader";
import { type AnyOperation, execute, type SomeOperation } from "./operation";
import type { MutationResult } from "./result";

const operations = new WeakMap<object, AnyOperation>();

/** The operation a server action runs, for the authorisation test to read its permission from. */
export function operationOf(serverAction: unknown): AnyOperation | undefined {
  return typeof serverAction === "function" ? operations.get(serverAction) : undefined;
}

/**
 * An operation as a server action for the signed-in user. `refresh` revalidates the pages that show
 * what it changed (or hands the result on, e.g. to the job runner); it runs once the transaction has
 * committed, and only when it succeeded.
 */
export function operationAction<S extends z.ZodType, R>(
  op: SomeOperation<S, R>,
  options: { refresh?: (input: z.output<S>, data: R) => void | Promise<void> } = {},
): (input: z.input<S>) => Promise<MutationResult<R>> {
  const serverAction = async (rawInput: z.input<S>) => {
    const [user, locale] = await Promise.all([getCurrentUser(), readerLocale()]);
    const { result, input } = await execute(user ? actorOf(user, "web", locale) : null, op, rawInput, locale);
    if ("data" in result && options.refresh) await options.refresh(input as z.output<S>, result.data);
    return result;
  };
  operations.set(serverAction, op as AnyOperation);
  return serverAction;
}

/** Revalidates each page; for a `refresh` that names its paths. */
export function revalidatePaths(paths: string[]) {
  for (const path of paths) revalidatePath(path);
}
