// The server Playwright tests run against: a fresh database (a new PostgreSQL database on the
// TEST_DATABASE_URL server, or a fresh PGlite folder), migrated and seeded with demo data, and the
// production build in its own folder. The database is dropped when the server stops, unless
// E2E_KEEP_DATABASE=1: then a database left by an earlier start on this port is served again and
// kept (a spec that restarts its own server; it drops the database itself).
// Migrating and seeding takes minutes on two shared cores, so the suite's server keeps a copy of its
// freshly seeded database as a template (dropped with it) and a spec's own server (E2E_TEMPLATE_PORT,
// the suite server's port) starts from a copy of that instead of seeding again.
import { cpSync, existsSync, rmSync } from "node:fs";
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
  const templatePort = process.env.E2E_TEMPLATE_PORT;
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    assertLocalDatabase(serverUrl);
    // Named after the test database, so CI can drop it with its own and a crashed run's copy is replaced.
    const base = new URL(serverUrl).pathname.slice(1).replace(/[^a-zA-Z0-9_]/g, "_") || "test";
    const name = `${base}_e2e_${port}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    const template = `${base}_e2e_${port}_template`;
    const from = templatePort ? `${base}_e2e_${templatePort}_template` : null;
    const [existing] = await admin`select 1 from pg_database where datname = ${name}`;
    const [seeded] = from ? await admin`select 1 from pg_database where datname = ${from}` : [];
    if (!(keep && existing)) {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.unsafe(seeded ? `create database "${name}" template "${from}"` : `create database "${name}"`);
    }
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    cleanup = async () => {
      if (keep) return;
      const again = postgres(serverUrl, { max: 1, onnotice: () => {} });
      for (const db of [name, template])
        await again.unsafe(`drop database if exists "${db}" with (force)`).catch(() => {});
      await again.end();
    };
    await prepareDatabase({ url: env.DATABASE_URL, seed: "if-empty" });
    if (!keep) {
      await admin.unsafe(`drop database if exists "${template}" with (force)`);
      await admin.unsafe(`create database "${template}" template "${name}"`);
    }
    await admin.end();
  } else {
    const dir = path.join(ROOT, ".data", `e2e-${port}`);
    const template = `${dir}-template`;
    const from = templatePort ? path.join(ROOT, ".data", `e2e-${templatePort}-template`) : null;
    if (!keep) rmSync(dir, { recursive: true, force: true });
    if (from && existsSync(from) && !existsSync(dir)) cpSync(from, dir, { recursive: true });
    env.PGLITE_DIR = dir;
    cleanup = async () => {
      if (keep) return;
      for (const d of [dir, template]) rmSync(d, { recursive: true, force: true });
    };
    await prepareDatabase({ dir, seed: "if-empty" });
    if (!keep) {
      rmSync(template, { recursive: true, force: true });
      cpSync(dir, template, { recursive: true });
    }
  }

  if (process.env.E2E_SKIP_BUILD !== "1") await run(process.execPath, [NEXT_BIN, "build"], env);
  serve(port, env, cleanup);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
