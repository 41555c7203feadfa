// `npm run bench`: the performance targets of DESIGN.md, measured on real PostgreSQL at
// BENCH_ROWS complaints (default 1,000,000) under BENCH_CLIENTS concurrent clients (default 10).
// Each read is also run as the bare SQL it stands on, and the import is compared with COPY.
// The bench database (BENCH_DATABASE_URL, default complaints_bench on the local server) is
// created, migrated, seeded and topped up on first use and kept for later runs.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { type DbHandle, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDemoData } from "@/db/seed";
import { SEED_NOW } from "@/db/seed/dates";
import { generateComplaints } from "./generate";
import { importScenario } from "./import";
import { runLoad, type Stats } from "./load";
import { readScenarios } from "./scenarios";

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 10);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const IMPORT_RUNS = Math.max(1, Number(process.env.BENCH_IMPORT_RUNS ?? 3));
const URL_ = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/complaints_bench";

const log = (m: string) => console.error(m);

async function ensureDatabase(url: string) {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const server = new URL(url);
  server.pathname = "/postgres";
  const admin = postgres(server.toString(), { max: 1, onnotice: () => {} });
  const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
  if (!exists) {
    log(`Creating database ${name}…`);
    await admin.unsafe(`create database "${name}"`);
  }
  await admin.end();
}

type Row = { scenario: string; target: string; stats: Stats; bare?: Stats; pass: boolean };

function fmt(n: number | undefined) {
  return n === undefined || Number.isNaN(n) ? "-" : n.toFixed(1);
}

async function main() {
  await ensureDatabase(URL_);
  const handle: DbHandle = openDatabase({ url: URL_, max: CLIENTS + 2 });
  // The application's queries use the process database: point it at the bench database.
  (globalThis as unknown as { __complaintDb?: DbHandle }).__complaintDb = handle;
  const sql = handle.sql!;

  log("Migrating and seeding…");
  await migrateDatabase(handle);
  // Pinned to the demo's canonical dates: the scenarios query 2018–2019 beside the generated 2016–2019 rows.
  await seedDemoData(handle.db, { log, now: SEED_NOW });
  log(`Topping up to ${ROWS.toLocaleString("en")} complaints…`);
  await generateComplaints(handle.db, ROWS, log);
  // Index-only scans (the list's counts) need the visibility map of freshly inserted rows.
  log("Vacuum and analyze…");
  await sql`vacuum analyze`;

  const results: Row[] = [];
  // BENCH_SCENARIOS="list,search" measures only scenarios whose name contains one of the words.
  const only = (process.env.BENCH_SCENARIOS ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const chosen = (await readScenarios(handle)).filter((s) => !only.length || only.some((w) => s.name.includes(w)));
  for (const scenario of chosen) {
    log(`Measuring ${scenario.name}…`);
    const stats = await runLoad(scenario.run, { clients: CLIENTS, requests: REQUESTS, warmup: 10 });
    const bare = await runLoad(scenario.bare, { clients: CLIENTS, requests: REQUESTS, warmup: 10 });
    results.push({
      scenario: scenario.name,
      target: `p95 ≤ ${scenario.p95} ms`,
      stats,
      bare,
      pass: stats.p95 <= scenario.p95 && stats.errors === 0,
    });
    log(`  p50 ${fmt(stats.p50)} ms, p95 ${fmt(stats.p95)} ms (bare p95 ${fmt(bare.p95)} ms), ${stats.errors} errors`);
  }

  // BENCH_IMPORT_ROWS=0 skips the import, for quick iterations on the reads.
  let imported: Awaited<ReturnType<typeof importScenario>> | null = null;
  if (IMPORT_ROWS > 0) {
    log(`Importing ${IMPORT_ROWS.toLocaleString("en")} canonical rows, ${IMPORT_RUNS} times…`);
    imported = await importScenario(handle, URL_, IMPORT_ROWS, IMPORT_RUNS, log);
  }

  console.log(
    `\nBenchmark at ${ROWS.toLocaleString("en")} complaints, ${CLIENTS} concurrent clients, ${REQUESTS} requests each\n`,
  );
  console.log(
    "scenario".padEnd(28) +
      "p50 ms".padStart(9) +
      "p95 ms".padStart(9) +
      "bare p95".padStart(10) +
      "ratio".padStart(8) +
      "errors".padStart(8) +
      "  target",
  );
  for (const r of results) {
    const ratio = r.bare ? r.stats.p95 / r.bare.p95 : NaN;
    console.log(
      r.scenario.padEnd(28) +
        fmt(r.stats.p50).padStart(9) +
        fmt(r.stats.p95).padStart(9) +
        fmt(r.bare?.p95).padStart(10) +
        fmt(ratio).padStart(8) +
        String(r.stats.errors).padStart(8) +
        `  ${r.target} ${r.pass ? "PASS" : "MISS"}`,
    );
  }
  if (imported) {
    const importPass = imported.rowsPerSecond >= 20_000 && imported.rejected === 0;
    console.log(
      `\nCSV import from the CLI: ${imported.rowsPerSecond.toLocaleString("en")} rows/s, the median of ${imported.runs.length} runs ` +
        `(${imported.runs.map((r) => r.toLocaleString("en")).join(", ")}; ${imported.rows.toLocaleString("en")} rows each; ` +
        `in the median run reading and checking took ${fmt(imported.checkSeconds)} s, ` +
        `${imported.writtenWhileChecking.toLocaleString("en")} rows of them written meanwhile, the rest ${fmt(imported.seconds - imported.checkSeconds)} s; ` +
        `PostgreSQL's own COPY of the same rows into complaints, on one connection: ${Math.round(imported.databaseCopyRowsPerSecond).toLocaleString("en")} rows/s) ` +
        `target ≥ 20,000 rows/s ${importPass ? "PASS" : "MISS"}`,
    );
  } else {
    console.log("\nCSV import: skipped (BENCH_IMPORT_ROWS=0)");
  }

  const out = path.join(process.cwd(), "bench", "results");
  mkdirSync(out, { recursive: true });
  writeFileSync(
    path.join(out, "latest.json"),
    JSON.stringify(
      { at: new Date().toISOString(), rows: ROWS, clients: CLIENTS, requests: REQUESTS, results, import: imported },
      null,
      2,
    ),
  );
  await handle.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
