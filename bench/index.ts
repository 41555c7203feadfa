// `npm run bench [-- --scale N]`: performance as users meet it. Creates a database, loads BENCH_ROWS
// complaints with realistic text through the product's own import, starts the production server
// (`npm start`) and measures it over HTTP under BENCH_CLIENTS concurrent clients with a bearer token
// and a session cookie. Results: bench/results/bench-<rows>.{json,md}. See README, "Performance".
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDemoData } from "@/db/seed";
import { SEED_NOW } from "@/db/seed/dates";
import { DEMO_PASSWORD } from "@/db/seed/users";
import { createApiToken } from "@/lib/auth/tokens";
import { first } from "@/lib/must";
import { linkFamiliesAndDuplicates, readReference, writeComplaintsCsv, writePurchasesCsv } from "./dataset";
import { type Measured, measure } from "./http";
import { copyIntoIdenticalTable, runCli } from "./import";
import { type Intake, loadIntake } from "./intake";
import { type BenchResult, writeResults } from "./report";
import { buildScenarios } from "./scenarios";
import { build, buildIsStale, parentPid, signIn, startServer, treeCpuMs } from "./server";
import { readCfpb } from "./text";

const { values: args } = parseArgs({
  options: {
    scale: { type: "string" },
    reuse: { type: "boolean" },
    "load-only": { type: "boolean" },
    only: { type: "string" },
  },
});
const ROWS = Number(args.scale ?? process.env.BENCH_ROWS ?? 1_000_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3999);
const SERVER_URL = process.env.BENCH_DATABASE_SERVER ?? "postgres://postgres@127.0.0.1:5432";
const DATABASE = `complaints_bench_${ROWS}`;
const URL_ = `${SERVER_URL}/${DATABASE}`;
const DIST_DIR = process.env.BENCH_DIST_DIR ?? ".next-bench";
// COPY of a million rows with their text index takes as long as the import: the first N rows stand in.
const COPY_ROWS = Number(process.env.BENCH_COPY_ROWS ?? Math.min(ROWS, 200_000));
const REVIEWER = "reviewer@demo.example";
// A day's new complaints, imported while the server runs, whose complaint pages are opened first.
const INTAKE = Number(process.env.BENCH_INTAKE ?? 600);
const INTAKE_SCENARIO = "complaint page, today's intake";

const log = (m: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${m}`);

async function main() {
  if (!Number.isInteger(ROWS) || ROWS < 1000) throw new Error("--scale / BENCH_ROWS must be a whole number ≥ 1000");
  const admin = postgres(`${SERVER_URL}/postgres`, { max: 1, onnotice: () => {} });
  const [exists] = await admin`select 1 from pg_database where datname = ${DATABASE}`;
  // --reuse keeps a loaded database (for iterating on the reads); otherwise every run loads afresh.
  const reuse = Boolean(args.reuse && exists);
  if (!reuse) {
    log(`Creating database ${DATABASE}…`);
    await admin.unsafe(`drop database if exists "${DATABASE}" with (force)`);
    await admin.unsafe(`create database "${DATABASE}"`);
  }
  await admin.end();

  const handle = openDatabase({ url: URL_, max: 4 });
  const sql = handle.sql!;
  const corpus = readCfpb();
  const tmp = path.join(os.tmpdir(), `bench-${process.pid}`);
  const csv = `${tmp}-complaints.csv`;
  let dataset: BenchResult["dataset"];
  let imported: BenchResult["import"];
  let copy: BenchResult["copy"] = null;
  if (!reuse) {
    log("Migrating and seeding reference data and demo accounts…");
    await migrateDatabase(handle);
    // The benchmark reads 2016–2019: its demo part stays on the bank's original 2018–2019 dates.
    await seedDemoData(handle.db, { now: SEED_NOW });
    const reference = await readReference(sql);
    log(`Writing ${ROWS.toLocaleString("en")} complaints to ${csv}…`);
    dataset = await writeComplaintsCsv(csv, ROWS, reference, corpus);
    log(`  ${(dataset.bytes / 1e6).toFixed(0)} MB; median narrative ${dataset.narrativeChars.p50} characters`);
    await writePurchasesCsv(`${tmp}-purchases.csv`, reference, ROWS);
    await runCli(URL_, ["import", "purchases", `${tmp}-purchases.csv`], log);
    await sql`checkpoint`.catch(() => {});
    log("Importing the complaints through `npm run cli -- import complaints`…");
    imported = await runCli(URL_, ["import", "complaints", csv], log);
    log(`  ${imported.inserted.toLocaleString("en")} rows, ${imported.rowsPerSecond.toLocaleString("en")} rows/s`);
    await linkFamiliesAndDuplicates(sql);
    log("COPY of the same rows into an identical table…");
    copy = await copyIntoIdenticalTable(URL_, `${tmp}-copy.bin`, COPY_ROWS, log);
    log(`  ${copy.rowsPerSecond.toLocaleString("en")} rows/s`);
    log("Vacuum and analyze…");
    await sql`vacuum analyze`;
    await sql`insert into bench_meta values (${JSON.stringify({ dataset, imported, copy })})`.catch(async () => {
      await sql`create table bench_meta (v jsonb)`;
      await sql`insert into bench_meta values (${JSON.stringify({ dataset, imported, copy })})`;
    });
  } else {
    log(`Reusing the loaded ${DATABASE}`);
    await migrateDatabase(handle);
    const meta = first(await sql<{ v: string }[]>`select v::text from bench_meta limit 1`, "bench_meta");
    ({ dataset, imported, copy } = JSON.parse(meta.v) as Pick<BenchResult, "dataset" | "import" | "copy"> & {
      imported: BenchResult["import"];
    });
  }
  if (args["load-only"]) {
    log("Loaded (--load-only): measure with --reuse");
    await handle.close();
    return;
  }
  const { n: complaints } = first(await sql<{ n: number }[]>`select count(*)::int as n from complaints`, "count");
  const reviewer = first(await sql<{ id: string }[]>`select id from users where email = ${REVIEWER}`, "reviewer user");
  const { token } = await createApiToken(handle.db, reviewer.id, "bench");
  const scenarios = await buildScenarios(sql, corpus);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: URL_,
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-secret-bench-secret-bench-secret",
    // The per-caller rate limit would turn a load test into a test of the rate limit.
    API_RATE_LIMIT_PER_MINUTE: "100000000",
    DB_TIMING_LOG: `${tmp}-sql.log`,
  };
  if (buildIsStale(DIST_DIR)) {
    log(`Building the production server into ${DIST_DIR}…`);
    await build(env);
  }
  log(`Starting the server on port ${PORT}…`);
  const server = await startServer(PORT, env);
  const results: Measured[] = [];
  const postmaster = await postmasterPid(sql);
  const cpu = {
    server: () => treeCpuMs(server.child.pid!),
    database: () => (postmaster === null ? null : treeCpuMs(postmaster)),
  };
  let intake: Intake | undefined;
  try {
    const cookie = await signIn(server.url, REVIEWER, DEMO_PASSWORD);
    const only = (args.only ?? "").split(",").filter(Boolean);
    if (INTAKE > 0 && (!only.length || only.some((w) => INTAKE_SCENARIO.includes(w)))) {
      intake = await loadIntake(URL_, sql, handle.db, corpus, INTAKE, tmp, log);
      scenarios.push({
        // Opened for the first time, each by one client, after the job runner found their similar complaints.
        name: INTAKE_SCENARIO,
        target: 400,
        auth: "cookie",
        firstViews: true,
        paths: intake.ids.map((id) => `/complaints/${id}`),
      });
    }
    for (const scenario of scenarios.filter((s) => !only.length || only.some((w) => s.name.includes(w)))) {
      const headers: Record<string, string> =
        scenario.auth === "token" ? { authorization: `Bearer ${token}` } : { cookie };
      const m = await measure(server.url, scenario, headers, {
        clients: CLIENTS,
        seconds: SECONDS,
        timingLog: env.DB_TIMING_LOG!,
        cpu,
      });
      results.push(m);
      log(
        `${m.name}: p50 ${m.load.p50} p95 ${m.load.p95} p99 ${m.load.p99} ms, ${m.load.rps} req/s, ` +
          `${m.load.errors + m.load.non2xx} errors; 1 client ${m.single.p50.toFixed(1)} ms of which SQL ${m.single.sqlP50.toFixed(1)} ms` +
          `${m.pass === false ? " MISSED" : ""}`,
      );
    }
  } finally {
    await server.stop();
  }
  // --only re-measures some request kinds: the others are kept from the last run at this scale.
  let scenariosOut = results;
  const previousFile = path.join(process.cwd(), "bench", "results", `bench-${ROWS}.json`);
  if (args.only && existsSync(previousFile)) {
    const previous = JSON.parse(readFileSync(previousFile, "utf8")) as BenchResult;
    const fresh = new Map(results.map((r) => [r.name, { ...r, remeasuredAt: new Date().toISOString() }]));
    scenariosOut = previous.scenarios.map((s) => fresh.get(s.name) ?? s);
    for (const r of fresh.values()) if (!previous.scenarios.some((s) => s.name === r.name)) scenariosOut.push(r);
  }
  const md = writeResults({
    at: new Date().toISOString(),
    rows: ROWS,
    complaints,
    clients: CLIENTS,
    seconds: SECONDS,
    machine: `${os.cpus().length} cores (shared), ${Math.round(os.totalmem() / 2 ** 30)} GB, PostgreSQL ${first(await sql`show server_version`, "server version").server_version} (${await settingsOf(sql)})`,
    dataset,
    import: imported,
    copy,
    serverPeakMemoryMb: server.peakMemoryMb(),
    sizes: await sizesOf(sql),
    ...(intake ? { intake: withoutIds(intake) } : {}),
    scenarios: scenariosOut,
  });
  console.log(md);
  await handle.close();
}

/** The intake as the results keep it: its figures, not its complaints' ids. */
const withoutIds = ({ ids: _ids, ...figures }: Intake) => figures;

/** What the data takes on disk, in MB: the database, the complaints table with its TOAST and indexes, the text index. */
async function sizesOf(sql: postgres.Sql): Promise<NonNullable<BenchResult["sizes"]>> {
  const mb = (bytes: string | number) => Math.round(Number(bytes) / 2 ** 20);
  const row = first(
    await sql<{ database: string; complaints: string; search: string }[]>`
      select pg_database_size(current_database()) as database, pg_total_relation_size('complaints') as complaints,
             pg_relation_size('complaints_search_idx') as search`,
    "sizes",
  );
  return { databaseMb: mb(row.database), complaintsMb: mb(row.complaints), searchIndexMb: mb(row.search) };
}

/** The PostgreSQL server's postmaster, when it runs on this machine (its processes' CPU is then readable). */
async function postmasterPid(sql: postgres.Sql): Promise<number | null> {
  const { pid } = first(await sql<{ pid: number }[]>`select pg_backend_pid() as pid`, "backend pid");
  try {
    return parentPid(pid);
  } catch {
    return null;
  }
}

/** The server settings a reader needs to compare runs: memory, planner costs, autovacuum. */
async function settingsOf(sql: postgres.Sql): Promise<string> {
  const names = ["shared_buffers", "effective_cache_size", "work_mem", "random_page_cost", "autovacuum"];
  const rows = await sql<{ name: string; setting: string }[]>`
    select name, current_setting(name) as setting from pg_settings where name = any(${names})`;
  return names.map((n) => `${n} ${rows.find((r) => r.name === n)?.setting ?? "?"}`).join(", ");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
