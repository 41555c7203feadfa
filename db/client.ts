import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gin } from "@electric-sql/pglite/contrib/btree_gin";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { releasePglite, takePglite } from "./pglite-owner";
import * as schema from "./schema";
import { recordQueryTimes } from "./sql-timing";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export type DbHandle = {
  db: Db;
  kind: "postgres" | "pglite";
  /** postgres.js client, when on real PostgreSQL (used for COPY and raw streaming). */
  sql?: postgres.Sql;
  /** The PostgreSQL URL it was opened with (for connections of its own: locks, the job runner). */
  url?: string;
  pglite?: PGlite;
  close: () => Promise<void>;
};

export const DEFAULT_PGLITE_DIR = path.join(process.cwd(), ".data", "pglite");

export function pgliteDir(): string {
  return process.env.PGLITE_DIR || DEFAULT_PGLITE_DIR;
}

/**
 * No request waits on the database for ever: connecting gives up after DATABASE_CONNECT_TIMEOUT seconds
 * (default 5) and, in the web server, a statement after DATABASE_STATEMENT_TIMEOUT_MS (default 30 s);
 * the command line keeps no statement limit unless one is set, since a large import may run long.
 */
function statementTimeout(): { statement_timeout?: number } {
  const statement = process.env.DATABASE_STATEMENT_TIMEOUT_MS ?? (process.env.NEXT_RUNTIME ? "30000" : "");
  return statement ? { statement_timeout: Number(statement) } : {};
}

/** Opens the configured database: PostgreSQL when a URL is given, else PGlite in a folder (or `memory://`). */
export function openDatabase(
  options: {
    url?: string;
    dir?: string;
    max?: number /** PGlite: start from this dumped data directory. */;
    loadDataDir?: Blob;
  } = {},
): DbHandle {
  if (options.url) {
    const sql = postgres(options.url, {
      max: options.max ?? Number(process.env.DATABASE_POOL_MAX ?? 10),
      onnotice: () => {},
      connect_timeout: Number(process.env.DATABASE_CONNECT_TIMEOUT ?? 5),
      connection: {
        // A search's bitmap of matches must stay exact: past work_mem PostgreSQL keeps only the pages
        // ("lossy") and rechecks every row on them, reading (and detoasting) each row's search vector.
        // 4 MB (the default) holds about 100,000 pages, less than a million complaints fill. (Until now the
        // web server's statement timeout replaced this setting instead of joining it.)
        work_mem: process.env.DATABASE_WORK_MEM ?? "32MB",
        // Compiling a report's query (JIT) cost more than it saved: 48 functions for a 0.4 s matrix query.
        jit: "off",
        ...statementTimeout(),
      },
    });
    if (process.env.DB_TIMING_LOG) recordQueryTimes(process.env.DB_TIMING_LOG);
    const db = drizzlePostgres(sql, { schema }) as unknown as Db;
    return { db, kind: "postgres", sql, url: options.url, close: () => sql.end({ timeout: 5 }) };
  }
  const dir = options.dir ?? pgliteDir();
  const folder = !dir.startsWith("memory://");
  if (folder) {
    mkdirSync(dir, { recursive: true });
    takePglite(dir);
  }
  const pglite = new PGlite(dir, { extensions: { btree_gin, pg_trgm }, loadDataDir: options.loadDataDir });
  const db = drizzlePglite(pglite, { schema }) as unknown as Db;
  const close = async () => {
    await pglite.close();
    if (folder) releasePglite(dir);
  };
  return { db, kind: "pglite", pglite, close };
}
