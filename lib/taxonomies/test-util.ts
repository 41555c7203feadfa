// Helpers for the taxonomy integration tests (not a test file itself).
import type { z } from "zod";
import { type Actor, CLI_ACTOR } from "@/lib/auth/actor";
import { type Operation, perform } from "@/lib/operations";

export const REVIEWER: Actor = { userId: null, role: "reviewer", name: "Anna", email: null, label: "test" };

/** Runs a mutation as the admin and returns its data, failing the test on an error. */
export async function ok<S extends z.ZodType, R>(mutation: Operation<S, R>, input: z.input<S>): Promise<R> {
  const result = await perform(CLI_ACTOR, mutation, input);
  if ("error" in result) throw new Error(`${result.error.message} ${JSON.stringify(result.fieldErrors ?? {})}`);
  return result.data;
}

/** Runs a mutation as the admin and returns its error (undefined when it succeeded). */
export async function refusal<S extends z.ZodType, R>(
  mutation: Operation<S, R>,
  input: unknown,
  actor: Actor = CLI_ACTOR,
) {
  const result = await perform(actor, mutation, input);
  return "error" in result ? { ...result.error, fieldErrors: result.fieldErrors } : undefined;
}
