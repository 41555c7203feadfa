/** What PostgreSQL said about a failed statement: its SQLSTATE and, for a constraint, the constraint's name. */
export type PostgresError = { code: string; constraint: string | null };

/**
 * The PostgreSQL error behind `error`, looking through wrappers (drizzle puts the driver's error in
 * `cause`); postgres.js names the constraint `constraint_name`, PGlite `constraint`. Null when none.
 */
export function postgresError(error: unknown): PostgresError | null {
  for (
    let e = error as { code?: unknown; constraint_name?: string; constraint?: string; cause?: unknown } | null;
    e;
  ) {
    if (typeof e.code === "string") return { code: e.code, constraint: e.constraint_name ?? e.constraint ?? null };
    e = e.cause as typeof e;
  }
  return null;
}
