// Checked access for values the type system cannot prove present (noUncheckedIndexedAccess):
// where an invariant really holds, say why and fail loudly instead of carrying `undefined` on.

/** The value, or an Error naming the broken invariant. */
export function must<T>(value: T | null | undefined, why: string): T {
  if (value === undefined || value === null) throw new Error(`Invariant failed: ${why}`);
  return value;
}

type Tuple<T, N extends number, R extends T[] = []> = R["length"] extends N ? R : Tuple<T, N, [...R, T]>;

/** The rows as a tuple of exactly `n` (e.g. an insert's `returning()`), or an Error. */
export function exactly<T, N extends number>(rows: readonly T[], n: N, what: string): Tuple<T, N> {
  if (rows.length !== n) throw new Error(`Invariant failed: expected ${n} ${what}, got ${rows.length}`);
  return rows as unknown as Tuple<T, N>;
}

/** The first of rows there must be at least one of (an insert's `returning()`, an aggregate), or an Error. */
export function first<T>(rows: readonly T[], what: string): T {
  const row = rows[0];
  if (row === undefined) throw new Error(`Invariant failed: no ${what} row`);
  return row;
}
