import { closeDatabase, getDatabase } from "@/db";
import { migrateDatabase, pendingMigrationCount } from "@/db/migrate";
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
