import { closeDatabase, getDatabase } from "@/db";
import type { DbHandle } from "@/db/client";
import { migrateDatabase, pendingMigrationCount } from "@/db/migrate";
import type { PgliteOwner } from "@/db/pglite-owner";
import { seedDemoData } from "@/db/seed";

/**
 * The process's database as a whole, for the command line: how far its migrations are, applying them,
 * the demo data, closing it. Everything else the command line does goes through operations.
 */
export { closeDatabase };

export const pendingMigrations = () => pendingMigrationCount(getDatabase());

/** Applies the pending migrations; answers which engine they ran on ("pglite" or "postgres"). */
export async function migrate(): Promise<string> {
  const handle = getDatabase();
  await migrateDatabase(handle);
  return handle.kind;
}

export const seedDemo = (options: { log: (line: string) => void }) => seedDemoData(getDatabase().db, options);

export { DatabaseHeldError } from "@/db/pglite-owner";
/** The open database of this process: which engine, and its connection details for the job runner. */
export type ProcessDatabase = DbHandle;
/** The process that holds the embedded database's folder (the web server), as its owner file says. */
export type DatabaseOwner = PgliteOwner;

/** Opens the process's database; throws DatabaseHeldError when another process holds the embedded one. */
export const openProcessDatabase = (): ProcessDatabase => getDatabase();
