import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { rowsOf } from "@/db/rows";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { claimImportJob } from "@/lib/jobs/claims";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { bufferSource, runImport } from "./engine";
import { scratchDir } from "./fixtures/files";
import { canonicalCsv, canonicalRecord, writeCanonicalFile } from "./fixtures/generate";
import { seedReferenceData } from "./fixtures/reference-data";
import { ClaimLostError, createJob, saveErrors } from "./jobs";
import { RejectedLines, SEGMENT_BATCHES } from "./positions";
import { runImportJob } from "./runner";
import { rowProblem } from "./stored-words";

const BATCH = 100;
const scratch = scratchDir();
let database: TestDatabase;

beforeAll(async () => {
  database = await useTestDatabase();
  await seedReferenceData(database.db);
});

afterAll(async () => {
  await database.drop();
  scratch.cleanup();
});

const query = async <T>(text: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(text));

async function storedJob(fileName: string, file: Buffer, skipInvalid = false) {
  return createJob({
    fileName,
    createdBy: null,
    dryRun: false,
    skipInvalid,
    file,
    options: { phase: "queued", batchSize: BATCH },
  });
}

/**
 * The first attempt: a runner that holds the job and dies (its claim is lost) once `batches` batches
 * have committed, leaving the job running with them.
 */
async function dieAfter(jobId: string, file: Buffer, batches: number, skipInvalid = false) {
  expect(await claimImportJob(jobId, "first")).toBe(1);
  let seen = 0;
  await expect(
    runImport(bufferSource(file), {
      actor: CLI_ACTOR,
      jobId,
      claim: "first",
      batchSize: BATCH,
      concurrency: 1,
      speculate: false,
      skipInvalid,
      onProgress: (event) => {
        if (event.phase === "writing" && ++seen === batches) throw new ClaimLostError(jobId);
      },
    }),
  ).rejects.toThrow(ClaimLostError);
  // Its heartbeat goes stale: the claim lapses and another runner may take the job.
  await db.execute(sql`update import_jobs set heartbeat_at = now() - interval '1 day' where id = ${jobId}`);
}

async function committedBatches(jobId: string) {
  return query<{ batch: number; rows: number; segment_end: boolean; next_line: number | null }>(
    sql`select batch, rows, segment_end, next_line from import_job_batches where job_id = ${jobId} order by batch`,
  );
}

describe("a resumed import job", () => {
  it("starts where its committed batches end, leaves out the ones after that committed, and ends with each row once", async () => {
    const total = 3000;
    const file = path.join(scratch.dir, "position.csv");
    await writeCanonicalFile(file, total, "POS");
    const bytes = readFileSync(file);
    const jobId = await storedJob("position.csv", bytes);
    const segment = BATCH * SEGMENT_BATCHES;
    // One whole segment and four batches of the next commit before the runner dies.
    await dieAfter(jobId, bytes, SEGMENT_BATCHES + 4);
    const before = await committedBatches(jobId);
    expect(before.map((b) => b.batch)).toEqual([...Array(SEGMENT_BATCHES + 4).keys()]);
    // The segment's last batch says where the next segment starts: the line of its first row
    // (a header line, then two physical lines per row).
    expect(before[SEGMENT_BATCHES - 1]).toMatchObject({ segment_end: true, next_line: 2 + 2 * segment });
    expect(before.filter((b) => b.segment_end)).toHaveLength(1);

    const result = await runImportJob(jobId, "second");
    expect(result).toMatchObject({ status: "completed", inserted: total, updated: 0, unchanged: 0 });
    // The check it had passed is not run again.
    expect(result!.checkedMs).toBe(0);
    const [job] = await query<{
      status: string;
      attempts: number;
      rows_written: number;
      options: { resumedAt?: number; counts?: unknown };
    }>(sql`select status, attempts, rows_written, options from import_jobs where id = ${jobId}`);
    expect(job).toMatchObject({ status: "completed", attempts: 2, rows_written: total });
    expect(job?.options.resumedAt).toBe(segment + 4 * BATCH);
    expect(job?.options.counts).toEqual({ inserted: total, updated: 0, unchanged: 0 });
    // Each batch committed once (a second commit of one would break its key and fail the job).
    const after = await committedBatches(jobId);
    expect(after.map((b) => b.batch)).toEqual([...Array(total / BATCH).keys()]);
    expect(after.reduce((n, b) => n + b.rows, 0)).toBe(total);
    expect(after.at(-1)).toMatchObject({ segment_end: true, next_line: null });
    const [rows] = await query<{ n: number; ids: number }>(
      sql`select count(*)::int as n, count(distinct external_id)::int as ids from complaints where external_id like 'POS-%'`,
    );
    expect(rows).toEqual({ n: total, ids: total });
  });

  it("leaves out the rows its check rejected (skip-invalid) when it starts part-way", async () => {
    const records = Array.from({ length: 2400 }, (_, i) => canonicalRecord(i, "SKIP"));
    // Two rows the check rejects, one on each side of where the resumed attempt starts.
    records[10] = { ...records[10]!, market: "not a market" };
    records[2000] = { ...records[2000]!, received_on: "yesterday" };
    const bytes = Buffer.from(canonicalCsv(records));
    const jobId = await storedJob("skip.csv", bytes, true);
    await dieAfter(jobId, bytes, SEGMENT_BATCHES + 1, true);
    const result = await runImportJob(jobId, "second");
    expect(result).toMatchObject({ status: "completed", inserted: 2398, rejected: 2 });
    const [rows] = await query<{ n: number }>(
      sql`select count(*)::int as n from complaints where external_id like 'SKIP-%'`,
    );
    expect(rows?.n).toBe(2398);
    const [errors] = await query<{ n: number }>(
      sql`select count(*)::int as n from import_errors where job_id = ${jobId}`,
    );
    expect(errors?.n).toBe(2);
  });

  it("checks the file from the first row when the earlier attempt never got past the check", async () => {
    const bytes = Buffer.from(canonicalCsv(Array.from({ length: 300 }, (_, i) => canonicalRecord(i, "EARLY"))));
    const jobId = await storedJob("early.csv", bytes);
    expect(await claimImportJob(jobId, "first")).toBe(1);
    await db.execute(sql`update import_jobs set heartbeat_at = now() - interval '1 day' where id = ${jobId}`);
    const result = await runImportJob(jobId, "second");
    expect(result).toMatchObject({ status: "completed", inserted: 300 });
    expect(result!.checkedMs).toBeGreaterThan(0);
  });

  it("reads a job's rejected lines a page at a time, in order, from the line it starts after", async () => {
    const jobId = await storedJob("rejected-pages.csv", Buffer.from(canonicalCsv([canonicalRecord(1)])), true);
    const rejected = [3, 4, 9, 10, 11, 40, 41, 77];
    // A line with two problems is stored twice, and rejected once.
    await saveErrors(
      jobId,
      [...rejected, 10].map((line) => rowProblem(line, "market", "importRules.row.required")),
    );
    const lines = new RejectedLines(jobId, 3, 2);
    const found: number[] = [];
    let mostHeld = 0;
    for (let line = 4; line <= 100; line++) {
      if (await lines.has(line)) found.push(line);
      mostHeld = Math.max(mostHeld, lines.held);
    }
    expect(found).toEqual(rejected.filter((l) => l > 3));
    expect(mostHeld).toBeLessThanOrEqual(2);
  });
});
