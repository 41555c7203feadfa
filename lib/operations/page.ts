import "server-only";
import { notFound } from "next/navigation";
import type { z } from "zod";
import { actorOf, getCurrentUser } from "@/lib/auth/session";
import { readerLocale } from "@/lib/i18n/reader";
import { logError } from "@/lib/log";
import { type ReadOperation, run, type SomeOperation } from "./operation";
import type { MutationResult } from "./result";

/** An operation as the signed-in user, its result as a value (for a page that shows refusals inline). */
export async function readAsUser<S extends z.ZodType, R>(
  op: SomeOperation<S, R>,
  input: unknown,
): Promise<MutationResult<R>> {
  const [user, locale] = await Promise.all([getCurrentUser(), readerLocale()]);
  return run(user ? actorOf(user, "web", locale) : null, op, input, locale);
}

/**
 * A read operation as the signed-in user, for a page: its data, Next's not-found page when there is
 * nothing, and otherwise an error for the segment's error page (which never shows the raw message).
 */
export async function readForPage<S extends z.ZodType, R>(op: ReadOperation<S, R>, input: unknown): Promise<R> {
  const result = await readAsUser(op, input);
  if ("data" in result) return result.data;
  if (result.error.code === "not_found") notFound();
  throw new Error(`${op.name}: ${result.error.code}`);
}

/**
 * A read operation for a page that says so itself when the database fails: its data, Next's not-found
 * page when there is nothing, `{ failed }` (logged) when the read failed (database away, or an error
 * inside), and otherwise (a refusal the page's own guard should have made) an error for the error page.
 */
export async function readForPageOrFailure<S extends z.ZodType, R>(
  op: ReadOperation<S, R>,
  input: unknown,
): Promise<{ data: R } | { failed: "unavailable" | "internal" }> {
  const result = await readAsUser(op, input);
  if ("data" in result) return result;
  const { code, message } = result.error;
  if (code === "not_found") notFound();
  if (code === "unavailable" || code === "internal") {
    logError(`${op.name} failed to load for a page`, new Error(`${code}: ${message}`));
    return { failed: code };
  }
  throw new Error(`${op.name}: ${code}`);
}
