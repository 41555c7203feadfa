/**
 * Input no schema should ever have to think about: text PostgreSQL cannot store (NUL) or that is
 * not Unicode (a lone surrogate), and structures nested past any form's shape. Checked once at
 * every door (the mutation road, the API's JSON reader, query strings) so each answers 400 naming
 * the field instead of failing in the driver with a 500.
 */
export const MAX_NESTING = 16;

export type HostileProblem = { path: string; message: string };

export const NUL_MESSAGE = "Text may not contain the NUL character";
export const SURROGATE_MESSAGE = "Text is not valid Unicode (an unpaired surrogate)";
export const NESTING_MESSAGE = `Nested deeper than ${MAX_NESTING} levels`;

const pathOf = (path: (string | number)[]) => (path.length ? path.map(String).join(".") : "_");

export function textProblem(text: string): string | null {
  if (text.includes("\u0000")) return NUL_MESSAGE;
  if (!text.isWellFormed()) return SURROGATE_MESSAGE;
  return null;
}

/** The first hostile value in `value` with its dotted path, or null. Iterative: a deep body cannot blow the stack. */
export function hostileProblem(value: unknown): HostileProblem | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length) {
    const item = stack.pop() as { value: unknown; path: (string | number)[] };
    const { value: v, path } = item;
    if (typeof v === "string") {
      const problem = textProblem(v);
      if (problem) return { path: pathOf(path), message: problem };
    } else if (v && typeof v === "object") {
      if (path.length >= MAX_NESTING) return { path: pathOf(path), message: NESTING_MESSAGE };
      // Dates and bytes (an uploaded file) are not text: nothing in them is walked.
      if (v instanceof Date || ArrayBuffer.isView(v)) continue;
      const entries: [string | number, unknown][] =
        typeof (v as FormData).entries === "function" && !Array.isArray(v)
          ? [...(v as FormData).entries()]
          : Array.isArray(v)
            ? v.map((x, i) => [i, x])
            : Object.entries(v);
      for (const [key, child] of entries) {
        if (typeof key === "string") {
          const problem = textProblem(key);
          if (problem) return { path: pathOf([...path, key]), message: problem };
        }
        stack.push({ value: child, path: [...path, key] });
      }
    }
  }
  return null;
}

/** Query-string parameters, by name. */
export function hostileParam(params: URLSearchParams): HostileProblem | null {
  for (const [key, value] of params) {
    const problem = textProblem(key) ?? textProblem(value);
    if (problem) return { path: key, message: problem };
  }
  return null;
}
