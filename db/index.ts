import { type Db, type DbHandle, openDatabase } from "./client";

export type { Db, Tx } from "./client";

// One handle per process, kept on globalThis so dev hot reloads do not open PGlite twice.
const globalForDb = globalThis as unknown as { __complaintDb?: DbHandle };

export function getDatabase(): DbHandle {
  if (!globalForDb.__complaintDb) {
    globalForDb.__complaintDb = openDatabase({ url: process.env.DATABASE_URL || undefined });
  }
  return globalForDb.__complaintDb;
}

export async function closeDatabase(): Promise<void> {
  const handle = globalForDb.__complaintDb;
  globalForDb.__complaintDb = undefined;
  await handle?.close();
}

/** The process's database, opened on first use so that importing it costs nothing. */
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const real = getDatabase().db as unknown as Record<PropertyKey, unknown>;
    const value = real[property];
    return typeof value === "function" ? value.bind(real) : value;
  },
});
