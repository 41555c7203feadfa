import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { MIGRATIONS_DIR } from "@/db/migrate";
import { rowsOf } from "@/db/rows";
import { scratchDir } from "@/lib/imports/fixtures/files";
import { writeCanonicalFile } from "@/lib/imports/fixtures/generate";
import { seedReferenceData } from "@/lib/imports/fixtures/reference-data";
import { createJob } from "@/lib/imports/jobs";
import { getBoss, QUEUES, stopBoss } from "@/lib/jobs/boss";
import { type TestDatabase, useTestDatabase } from "@/test/db";

// Several processes on one PostgreSQL database: what the job runner and the migration lock promise.
// PostgreSQL only: PGlite's folder belongs to one process.
const onPostgres = !!process.env.TEST_DATABASE_URL;
const scratch = scratchDir();
const TOTAL = 8000;
const BATCH = 500;
const CLAIM_TIMEOUT_SECONDS = 8;

let database: TestDatabase;
let url: string;
const children: ChildProcess[] = [];

type Proc = { child: ChildProcess; output: string[] };

function start(script: string, env: Record<string, string> = {}, args: string[] = []): Proc {
  // node with tsx as a loader, not the tsx wrapper: a SIGKILL must reach the process doing the work.
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      NEXT_TELEMETRY_DISABLED: "1",
      IMPORT_CLAIM_TIMEOUT_SECONDS: String(CLAIM_TIMEOUT_SECONDS),
      JOBS_POLL_SECONDS: "0.5",
      JOBS_CRON_CHECK_SECONDS: "5",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  children.push(child);
  return { child, output };
}

/** Waits until `probe` answers something, failing at once if one of `procs` ends meanwhile. */
async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, procs: Proc[] = []) {
  return vi.waitUntil(
    async () => {
      const value = await probe();
      if (value) return value;
      for (const p of procs)
        if (p.child.exitCode !== null)
          throw new Error(`A process ended while waiting for ${what}: ${p.output.join("")}`);
      return false;
    },
    { timeout: 240_000, interval: 100 },
  ) as Promise<T>;
}

async function startWorker(): Promise<Proc & { id: string }> {
  const proc = start("scripts/worker.ts");
  const line = await until("the worker to start", async () => proc.output.join("").match(/Job runner (\S+) started/), [
    proc,
  ]);
  return { ...proc, id: line[1]! };
}

async function stopWorker(proc: Proc) {
  if (proc.child.exitCode !== null) return;
  const exited = once(proc.child, "exit");
  proc.child.kill("SIGTERM");
  await exited;
}

const query = async <T>(text: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(text));

async function jobRow(id: string) {
  const [row] = await query<{
    status: string;
    attempts: number;
    worker: string | null;
    rows_written: number;
    counts: unknown;
  }>(
    sql`select status, attempts, worker, rows_written, options -> 'counts' as counts from import_jobs where id = ${id}`,
  );
  return row;
}

async function queuedJob(fileName: string, file: string, batchSize: number) {
  return createJob({
    fileName,
    createdBy: null,
    dryRun: false,
    skipInvalid: false,
    file: readFileSync(file),
    options: { phase: "queued", batchSize },
  });
}

describe.runIf(onPostgres)("several instances on one PostgreSQL database", () => {
  beforeAll(async () => {
    database = await useTestDatabase();
    const databaseUrl = new URL(process.env.TEST_DATABASE_URL!);
    databaseUrl.pathname = `/${database.sql!.options.database}`;
    url = databaseUrl.toString();
    await seedReferenceData(database.db);
  });

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
    await stopBoss();
    await database.drop();
    scratch.cleanup();
  });

  it("migrate once when two start together", async () => {
    const admin = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
    const name = `${database.sql!.options.database}_fresh`;
    await admin.unsafe(`create database "${name}"`);
    try {
      const fresh = new URL(url);
      fresh.pathname = `/${name}`;
      const both = [
        start("scripts/migrate.ts", { DATABASE_URL: fresh.toString() }),
        start("scripts/migrate.ts", { DATABASE_URL: fresh.toString() }),
      ];
      const codes = await Promise.all(both.map(async (p) => (await once(p.child, "exit"))[0]));
      expect(codes, both.map((p) => p.output.join("")).join("\n")).toEqual([0, 0]);
      const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, "meta", "_journal.json"), "utf8"));
      const check = postgres(fresh.toString(), { max: 1, onnotice: () => {} });
      const [applied] =
        await check`select count(*)::int as n, count(distinct hash)::int as hashes from drizzle.__drizzle_migrations`;
      await check.end();
      expect(applied).toEqual({ n: journal.entries.length, hashes: journal.entries.length });
    } finally {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  }, 120_000);

  it("run a job once when two workers race for it, and resume a job whose worker is killed", async () => {
    const boss = await getBoss();
    const [a, b] = await Promise.all([startWorker(), startWorker()]);

    // Two deliveries of one job (a double click, a resend) to two live workers: it runs once.
    const small = path.join(scratch.dir, "race.csv");
    await writeCanonicalFile(small, 1000, "RACE");
    const raced = await queuedJob("race.csv", small, 200);
    await Promise.all([
      boss.send(QUEUES.import, { importJobId: raced }),
      boss.send(QUEUES.import, { importJobId: raced }),
    ]);
    const auditedRuns = async () =>
      (
        await query<{ n: number }>(
          sql`select count(*)::int as n from audit_log where action = 'import.run' and entity_id = ${raced}`,
        )
      )[0]?.n ?? 0;
    // The run's audit entry is written just after the job row says it ended: wait for both.
    await until(
      "the raced job to end",
      async () => ["completed", "failed"].includes((await jobRow(raced))!.status) && (await auditedRuns()) > 0,
      [a, b],
    );
    expect(await jobRow(raced)).toMatchObject({ status: "completed", attempts: 1, rows_written: 1000 });
    expect(await auditedRuns()).toBe(1);

    // A worker killed mid-import: its claim lapses and the other worker resumes the job by itself.
    const big = path.join(scratch.dir, "kill.csv");
    await writeCanonicalFile(big, TOTAL, "KILL");
    const killed = await queuedJob("kill.csv", big, BATCH);
    await boss.send(QUEUES.import, { importJobId: killed });
    const holder = await until("some batches to commit", async () => {
      const row = await jobRow(killed);
      return row!.status === "running" && row!.rows_written >= 2 * BATCH && row!.rows_written < TOTAL && row!.worker;
    }, [a, b]);
    const [victim, survivor] = holder === a.id ? [a, b] : [b, a];
    const died = once(victim.child, "exit");
    victim.child.kill("SIGKILL");
    await died;
    await until(
      "the job to be resumed and end",
      async () => ["completed", "failed", "cancelled"].includes((await jobRow(killed))!.status),
      [survivor],
    );
    const done = await jobRow(killed);
    expect(done).toMatchObject({ status: "completed", attempts: 2, worker: survivor.id, rows_written: TOTAL });
    // Every row once; the rows the killed attempt had added count as added.
    expect(done!.counts).toEqual({ inserted: TOTAL, updated: 0, unchanged: 0 });
    const [rows] = await query<{ n: number; ids: number }>(
      sql`select count(*)::int as n, count(distinct external_id)::int as ids from complaints where external_id like 'KILL-%'`,
    );
    expect(rows).toEqual({ n: TOTAL, ids: TOTAL });
    // The monthly counts the triggers keep match the complaints counted directly.
    const drift = await query<{ market: string }>(sql`
      with direct as (
        select market, to_char(received_on, 'YYYY-MM') as month, channel::text as channel, authority_id, product_id,
               journey_stage::text as stage, app_user, excluded_reason is not null as excluded, count(*)::int as count
        from complaints group by 1, 2, 3, 4, 5, 6, 7, 8),
      rollup as (
        select market, month, channel::text as channel, authority_id, product_id, journey_stage::text as stage, app_user,
               excluded, count from complaint_month_counts where count <> 0)
      (select market from direct except all select market from rollup)
      union all (select market from rollup except all select market from direct)`);
    expect(drift).toEqual([]);

    // A command-line import while a runner is up is handed to it and followed; Ctrl-C cancels it there.
    const handed = path.join(scratch.dir, "handoff.csv");
    await writeCanonicalFile(handed, 6000, "HAND");
    const cliArgs = ["import", "complaints", handed, "--batch-size", "200"];
    const interrupted = start("cli/index.ts", {}, cliArgs);
    await until("the handed-off import to write", async () => {
      const [row] = await query<{ rows_written: number }>(
        sql`select rows_written from import_jobs where file_name = 'handoff.csv' order by created_at desc limit 1`,
      );
      return (row?.rows_written ?? 0) > 0;
    }, [interrupted]);
    expect(interrupted.output.join("")).toContain("is queued there");
    const [code] = (await (async () => {
      const exited = once(interrupted.child, "exit");
      interrupted.child.kill("SIGINT");
      return exited;
    })()) as [number];
    expect(code, interrupted.output.join("")).toBe(1);
    const [cancelled] = await query<{ status: string; worker: string }>(
      sql`select status, worker from import_jobs where file_name = 'handoff.csv' order by created_at desc limit 1`,
    );
    expect(cancelled).toEqual({ status: "cancelled", worker: survivor.id });
    const again = start("cli/index.ts", {}, cliArgs);
    const [againCode] = (await once(again.child, "exit")) as [number];
    expect(againCode, again.output.join("")).toBe(0);
    expect(again.output.join("")).toContain(`"worker":"${survivor.id}"`);
    const [handedRows] = await query<{ n: number }>(
      sql`select count(*)::int as n from complaints where external_id like 'HAND-%'`,
    );
    expect(handedRows!.n).toBe(6000);
    await stopWorker(survivor);
  }, 300_000);

  it("fire a retention schedule once per time with two instances running", async () => {
    const workers = await Promise.all([startWorker(), startWorker()]);
    const boss = await getBoss();
    // Every minute, so the test sees two firings; each must run once, not once per instance.
    await db.execute(sql`insert into job_schedules (name, cron) values ('retention', '* * * * *')
      on conflict (name) do update set cron = excluded.cron`);
    await boss.schedule(QUEUES.retention, "* * * * *", {}, { tz: "UTC" });
    const perMinute = () =>
      query<{ minute: string; runs: number }>(sql`
        select to_char(date_trunc('minute', at), 'HH24:MI') as minute, count(*)::int as runs from audit_log
        where action = 'retention.run' and actor_label = 'schedule' group by 1 order by 1`);
    await until("two scheduled runs", async () => (await perMinute()).length >= 2, workers);
    const fired = await perMinute();
    expect(
      fired.every((m) => m.runs === 1),
      JSON.stringify(fired),
    ).toBe(true);
    await Promise.all(workers.map(stopWorker));
  }, 300_000);
});
