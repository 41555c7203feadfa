import { AppError } from "@/lib/errors";

/** Turns a refused mutation into one CLI error that names each option at fault. */
export function failure(result: { error: { message: string }; fieldErrors?: Record<string, string[]> }): never {
  const fields = Object.entries(result.fieldErrors ?? {}).map(([f, m]) => `--${f}: ${m.join(", ")}`);
  throw new AppError("invalid", [result.error.message, ...fields].join("\n  "));
}
