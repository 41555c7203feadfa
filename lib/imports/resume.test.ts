import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { rowsOf } from "@/db/rows";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { importComplaintsFile } from "./engine";
import { scratchDir } from "./fixtures/files";
import { writeCanonicalFile } from "./fixtures/generate";
import { seedReferenceData } from "./fixtures/reference-data";

const TOTAL = 12_000;
const BATCH = 500;
const scratch = scratchDir();
const killFile = path.join(scratch.dir, "kill.csv");
const stopFile = path.join(scratch.dir, "stop.csv");
const onPostgres = !!process.env.TEST_DATABASE_URL;

let database: TestDatabase;

beforeAll(async () => {
  database = await useTestDatabase();
  await seedReferenceData(database.db);
  await writeCanonicalFile(killFile, TOTAL, "KILL");
  await writeCanonicalFile(stopFile, 3000, "STOP");
});

afterAll(async () => {
  await database.drop();
  scratch.cleanup();
});

async function counts(prefix: string) {
  const result = await db.execute(
    sql`select count(*)::int as n, count(distinct external_id)::int as ids from complaints where external_id like ${`${prefix}-%`}`,
  );
  return rowsOf<{ n: number; ids: number }>(result)[0];
}

async function jobsFor(fileName: string) {
  return rowsOf<{ status: string; rows_written: number }>(
    await db.execute(
      sql`select status, rows_written from import_jobs where file_name = ${fileName} order by created_at`,
    ),
  );
}

function runCli(env: NodeJS.ProcessEnv): { child: ChildProcess; stderr: string[] } {
  // node with tsx as a loader, not the tsx wrapper: killing a wrapper would leave its child importing.
  const args = ["--import", "tsx", "cli/index.ts", "import", "complaints", killFile, "--batch-size", String(BATCH)];
  const child = spawn(process.execPath, args, { env, stdio: ["ignore", "ignore", "pipe"] });
  const stderr: string[] = [];
  child.stderr!.on("data", (chunk: Buffer) => stderr.push(chunk.toString()));
  return { child, stderr };
}

// A killed process is only survivable on PostgreSQL: PGlite's folder is owned by one process and
// does not reliably reopen after that process is killed (an upstream PGlite limitation).
describe.runIf(onPostgres)("an import whose process is killed half-way", () => {
  it("completes with exactly the source's rows when run again", async () => {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${database.sql!.options.database}`;
    const env = { ...process.env, DATABASE_URL: url.toString(), NEXT_TELEMETRY_DISABLED: "1" };

    const first = runCli(env);
    const exited = once(first.child, "exit");
    // Progress is read from the database: kill once some batches have committed.
    let seen = 0;
    while (seen < 2 * BATCH) {
      if (first.child.exitCode !== null)
        throw new Error(`The import ended before it could be killed: ${first.stderr.join("")}`);
      seen = (await counts("KILL"))!.n;
      if (seen < 2 * BATCH) await new Promise((r) => setTimeout(r, 10));
    }
    first.child.kill("SIGKILL");
    await exited;

    const partial = await counts("KILL");
    expect(partial!.n).toBeGreaterThan(0);
    expect(partial!.n).toBeLessThan(TOTAL);
    expect(partial!.n % BATCH).toBe(0);

    const second = runCli(env);
    const [code] = (await once(second.child, "exit")) as [number];
    expect(code, second.stderr.join("")).toBe(0);
    expect(await counts("KILL")).toEqual({ n: TOTAL, ids: TOTAL });
    const jobs = await jobsFor("kill.csv");
    // The killed job is left "running" (its heartbeat goes stale); its count is what had committed.
    expect(jobs[0]).toEqual({ status: "running", rows_written: partial!.n });
    expect(jobs[1]).toEqual({ status: "completed", rows_written: TOTAL });
  }, 300_000);
});

describe("an import that stops half-way in-process", () => {
  it("keeps the committed batches and completes when run again", async () => {
    let batches = 0;
    // Batch by batch from the start (nothing written while checking), so the stop falls after the second.
    const stopped = await importComplaintsFile(stopFile, {
      actor: CLI_ACTOR,
      batchSize: BATCH,
      concurrency: 1,
      speculate: false,
      onProgress: (event) => {
        if (event.phase === "writing" && ++batches === 2) throw new Error("stopped by the test");
      },
    });
    expect(stopped.status).toBe("failed");
    expect((await counts("STOP"))!.n).toBe(2 * BATCH);

    const again = await importComplaintsFile(stopFile, { actor: CLI_ACTOR, batchSize: BATCH });
    expect(again).toMatchObject({ status: "completed", inserted: 3000 - 2 * BATCH, unchanged: 2 * BATCH });
    expect(await counts("STOP")).toEqual({ n: 3000, ids: 3000 });
  });
});

describe("cancelling a running import", () => {
  it("stops after the current batch, keeps what committed, and says how to complete it", async () => {
    const file = path.join(scratch.dir, "cancel.csv");
    await writeCanonicalFile(file, 2500, "CANCEL");
    let asked = false;
    const result = await importComplaintsFile(file, {
      actor: CLI_ACTOR,
      batchSize: BATCH,
      concurrency: 1,
      speculate: false,
      onProgress: (event) => {
        // What the Cancel button does: set the flag on the job row.
        if (event.phase === "writing" && !asked) {
          asked = true;
          // A drizzle query runs when it is awaited or then-ed.
          void db
            .execute(
              sql`update import_jobs set cancel_requested = true where file_name = 'cancel.csv' and status = 'running'`,
            )
            .then(() => undefined);
        }
      },
    });
    expect(result.status).toBe("cancelled");
    expect(result.message).toContain("run it again to complete it");
    const written = (await counts("CANCEL"))!.n;
    expect(written).toBeGreaterThanOrEqual(BATCH);
    expect(written).toBeLessThan(2500);
    const [job] = await jobsFor("cancel.csv");
    expect(job).toEqual({ status: "cancelled", rows_written: written });
  });
});
