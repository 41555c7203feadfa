// The server Playwright tests run against: a fresh database (a new PostgreSQL database on the
// TEST_DATABASE_URL server, or a fresh PGlite folder), migrated and seeded with demo data, and the
// production build in its own folder. The database is dropped when the server stops, unless
// E2E_KEEP_DATABASE=1: then a database left by an earlier start on this port is served again and
// kept (a spec that restarts its own server; it drops the database itself).
import { rmSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { assertLocalDatabase } from "@/test/db";
import { ensureAuthSecret, NEXT_BIN, prepareDatabase, ROOT, run, serve } from "./runtime";

async function main() {
  const port = process.env.E2E_PORT ?? "3100";
  const distDir = process.env.NEXT_DIST_DIR ?? ".next-e2e";
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: distDir, PORT: port };
  env.AUTH_SECRET = ensureAuthSecret(env);
  // One demo market holds over 4,000 complaints: past 2,000 an export runs as a job, so a journey can export
  // a "large" list (one market) while the other journeys' exports (a month, a half-year) stay immediate.
  env.EXPORT_JOB_THRESHOLD ??= "2000";
  delete env.DATABASE_URL;

  let cleanup = async () => {};
  const keep = process.env.E2E_KEEP_DATABASE === "1";
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    assertLocalDatabase(serverUrl);
    // Named after the test database, so CI can drop it with its own and a crashed run's copy is replaced.
    const base = new URL(serverUrl).pathname.slice(1).replace(/[^a-zA-Z0-9_]/g, "_") || "test";
    const name = `${base}_e2e_${port}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    const [existing] = await admin`select 1 from pg_database where datname = ${name}`;
    if (!(keep && existing)) {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.unsafe(`create database "${name}"`);
    }
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    cleanup = async () => {
      if (keep) return;
      const again = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await again.unsafe(`drop database if exists "${name}" with (force)`).catch(() => {});
      await again.end();
    };
    await prepareDatabase({ url: env.DATABASE_URL, seed: "if-empty" });
  } else {
    const dir = path.join(ROOT, ".data", `e2e-${port}`);
    if (!keep) rmSync(dir, { recursive: true, force: true });
    env.PGLITE_DIR = dir;
    cleanup = async () => {
      if (!keep) rmSync(dir, { recursive: true, force: true });
    };
    await prepareDatabase({ dir, seed: "if-empty" });
  }

  if (process.env.E2E_SKIP_BUILD !== "1") await run(process.execPath, [NEXT_BIN, "build"], env);
  serve(port, env, cleanup);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
