import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { FieldErrors } from "@/lib/errors";

/** Puts the server's field errors on the form's fields; returns false when there were none to show. */
export function applyFieldErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  fieldErrors: FieldErrors | undefined,
): boolean {
  if (!fieldErrors) return false;
  let shown = false;
  for (const [path, messages] of Object.entries(fieldErrors)) {
    if (path === "_") continue;
    setError(path as Path<T>, { type: "server", message: messages[0] });
    shown = true;
  }
  return shown;
}
