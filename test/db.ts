import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import postgres from "postgres";
import { type DbHandle, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

const globalForDb = globalThis as unknown as { __complaintDb?: DbHandle };

/** Refuses to touch anything but a database on this machine: tests create and drop databases. */
export function assertLocalDatabase(url: string): void {
  const host = new URL(url).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(host)) {
    throw new Error(`Refusing to run tests against a non-local database (${host})`);
  }
}

/** The migrated template the test run's global setup made (test/global-setup.ts), when running under vitest. */
async function migratedTemplate(kind: "pgTemplate" | "pgliteTemplate"): Promise<string | undefined> {
  try {
    const { inject } = await import("vitest");
    return inject(kind);
  } catch {
    return undefined;
  }
}

export type TestDatabase = DbHandle & { drop: () => Promise<void> };

/**
 * A fresh, migrated database for one test file, installed as the process's `db`:
 * a new PostgreSQL database when TEST_DATABASE_URL is set, otherwise in-memory PGlite.
 * Importing this module is what files a test in vitest's "database" project (test/projects.mts), the one
 * that runs on both databases; a test file without it runs once, where opening a database throws.
 */
export async function useTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  let handle: DbHandle;
  let dropDatabase = async () => {};
  if (serverUrl) {
    assertLocalDatabase(serverUrl);
    const name = `test_${Date.now()}_${randomBytes(4).toString("hex")}`;
    const template = await migratedTemplate("pgTemplate");
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"${template ? ` template "${template}"` : ""}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    handle = openDatabase({ url: url.toString(), max: 5 });
    dropDatabase = async () => {
      const again = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await again.unsafe(`drop database if exists "${name}" with (force)`);
      await again.end();
    };
  } else {
    const template = await migratedTemplate("pgliteTemplate");
    const loadDataDir = template ? new Blob([await readFile(template)]) : undefined;
    handle = openDatabase({ dir: "memory://", loadDataDir });
  }
  await migrateDatabase(handle);
  globalForDb.__complaintDb = handle;
  return {
    ...handle,
    drop: async () => {
      globalForDb.__complaintDb = undefined;
      await handle.close();
      await dropDatabase();
    },
  };
}
