import type { z } from "zod";
import type { FieldErrors } from "@/lib/errors";
import { installErrorMap } from "./error-map";

// Every server path that reports field errors comes through here, so the sentences are in force before any parse.
installErrorMap();

/** Flattens a zod error into dotted field paths (`items.0.name`), the shape forms and the API report. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** The first message of the first field with an error, for a form that shows one line. */
export function firstFieldError(fieldErrors: Record<string, string[]> | undefined): string | undefined {
  if (!fieldErrors) return undefined;
  const first = Object.values(fieldErrors)[0];
  return first?.[0];
}
