import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { first } from "@/lib/must";
import type { DbHandle } from "./client";
import { rowsOf } from "./rows";

export const MIGRATIONS_DIR = path.join(process.cwd(), "db", "migrations");

// Any fixed number: the session lock every instance takes around its migrations.
export const MIGRATION_LOCK = 7_264_130_015;

/**
 * Applies the pending migrations. On PostgreSQL under a session advisory lock, held on a connection
 * of its own: instances starting together queue on it, the first migrates, and the others then
 * find nothing pending. (PGlite has one process on its folder, so nothing races there.)
 */
export async function migrateDatabase(handle: DbHandle): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_DIR };
  if (handle.kind === "postgres" && handle.url) {
    const lock = postgres(handle.url, { max: 1, onnotice: () => {} });
    try {
      await lock`select pg_advisory_lock(${MIGRATION_LOCK})`;
      await migratePostgres(handle.db as unknown as PostgresJsDatabase, config);
    } finally {
      // Closing the session releases the lock too, should the unlock not get through.
      await lock`select pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => {});
      await lock.end({ timeout: 5 });
    }
  } else {
    await migratePglite(handle.db as unknown as PgliteDatabase, config);
  }
}

/** How many committed migrations the database has not applied yet. */
export async function pendingMigrationCount(handle: DbHandle): Promise<number> {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, "meta", "_journal.json"), "utf8")) as {
    entries: unknown[];
  };
  try {
    const result = await handle.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    const { n } = first(rowsOf<{ n: number }>(result), "count");
    return Math.max(0, journal.entries.length - Number(n));
  } catch {
    return journal.entries.length;
  }
}
