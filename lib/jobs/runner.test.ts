import { readFileSync } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as healthCheck } from "@/app/api/health/route";
import { db } from "@/db";
import { rowsOf } from "@/db/rows";
import { importJobs } from "@/db/schema";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { scratchDir } from "@/lib/imports/fixtures/files";
import { canonicalCsv, canonicalRecord, writeCanonicalFile } from "@/lib/imports/fixtures/generate";
import { seedReferenceData } from "@/lib/imports/fixtures/reference-data";
import { createJob } from "@/lib/imports/jobs";
import { enqueueImport, runImportJob } from "@/lib/imports/runner";
import { perform } from "@/lib/operations";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { getBoss, QUEUES } from "./boss";
import { claimImportJob, sweepImportJobs } from "./claims";
import { currentRunner, startRunner, stopRunner } from "./runner";
import {
  EXPORT_CLEANUP_CRON,
  getRetentionCron,
  SIMILAR_POOLS_CRON,
  saveRetentionSchedule,
  syncSchedules,
} from "./schedules";

const scratch = scratchDir();
let database: TestDatabase;
let file: Buffer;

beforeAll(async () => {
  database = await useTestDatabase();
  await seedReferenceData(database.db);
  const csv = path.join(scratch.dir, "jobs.csv");
  await writeCanonicalFile(csv, 1200, "JOB");
  file = readFileSync(csv);
  // pg-boss's tables, which the sweep looks at.
  await getBoss();
});

afterAll(async () => {
  await stopRunner();
  await database.drop();
  scratch.cleanup();
});

const queued = (fileName: string, contents = file) =>
  createJob({
    fileName,
    createdBy: null,
    dryRun: false,
    skipInvalid: false,
    file: contents,
    options: { phase: "queued", batchSize: 200 },
  });

async function job(id: string) {
  const [row] = await db
    .select({
      status: importJobs.status,
      attempts: importJobs.attempts,
      worker: importJobs.worker,
      rowsWritten: importJobs.rowsWritten,
      options: importJobs.options,
    })
    .from(importJobs)
    .where(eq(importJobs.id, id));
  return row;
}

async function complaintsLike(prefix: string) {
  const [row] = rowsOf<{ n: number; ids: number }>(
    await db.execute(
      sql`select count(*)::int as n, count(distinct external_id)::int as ids from complaints where external_id like ${`${prefix}-%`}`,
    ),
  );
  return row;
}

describe("claiming an import job", () => {
  it("lets one of two runners racing for a queued job take it", async () => {
    const id = await queued("race.csv");
    const [a, b] = await Promise.all([claimImportJob(id, "runner-a"), claimImportJob(id, "runner-b")]);
    expect([a, b].filter((attempt) => attempt === 1)).toHaveLength(1);
    expect([a, b].filter((attempt) => attempt === null)).toHaveLength(1);
    // A second delivery of the same job, while its runner is alive, does nothing.
    expect(await runImportJob(id, "runner-c")).toBeNull();
    expect((await job(id))!.attempts).toBe(1);
  });

  it("sends a job whose runner went silent back to the queue, and the next attempt completes it", async () => {
    const id = await queued("silent.csv");
    expect(await claimImportJob(id, "gone")).toBe(1);
    // Its runner died: the heartbeat is old.
    await db.execute(sql`update import_jobs set heartbeat_at = now() - interval '1 hour' where id = ${id}`);
    const sweep = await sweepImportJobs();
    expect(sweep.resume).toContain(id);
    expect(await job(id)).toMatchObject({ status: "queued", worker: null });
    const result = await runImportJob(id, "next");
    expect(result).toMatchObject({ status: "completed", inserted: 1200 });
    expect(await job(id)).toMatchObject({ status: "completed", attempts: 2, worker: "next", rowsWritten: 1200 });
  });

  it("stops a runner that lost its claim without writing another batch", async () => {
    const id = await queued("lost.csv");
    expect(await claimImportJob(id, "first")).toBe(1);
    // Another runner took it over (this one's claim lapsed).
    await db.execute(sql`update import_jobs set worker = 'second' where id = ${id}`);
    const { runImport, bufferSource } = await import("@/lib/imports/engine");
    await expect(runImport(bufferSource(file), { actor: CLI_ACTOR, jobId: id, claim: "first" })).rejects.toThrow(
      /no longer held/,
    );
    expect((await job(id))!.worker).toBe("second");
  });
});

describe("the job runner in this process", () => {
  it("runs a queued import to the end and keeps the retention schedule", async () => {
    const { id: runnerId } = await startRunner("worker");
    expect(currentRunner()?.id).toBe(runnerId);
    // The health check reports it beside the database.
    const health = await (await healthCheck()).json();
    expect(health).toMatchObject({ database: "up", jobs: { ready: true, inThisProcess: true, runners: 1 } });
    await db.execute(sql`delete from complaints where external_id like 'JOB-%'`);
    const id = await queued("runner.csv");
    await enqueueImport(id);
    await vi.waitUntil(async () => ["completed", "failed"].includes((await job(id))!.status), {
      timeout: 60_000,
      interval: 200,
    });
    expect(await job(id)).toMatchObject({ status: "completed", worker: runnerId, rowsWritten: 1200 });
    expect(await complaintsLike("JOB")).toEqual({ n: 1200, ids: 1200 });

    // An import's end has the runner find the similar complaints of those it brought that are
    // being worked (open, received lately): today's intake here, not the history above.
    const today = new Date().toISOString().slice(0, 10);
    const intake = [1, 2, 3].map((i) => ({ ...canonicalRecord(i, "TODAY"), received_on: today }));
    const intakeId = await queued("intake.csv", Buffer.from(canonicalCsv(intake)));
    await enqueueImport(intakeId);
    const pools = async () =>
      rowsOf<{ n: number }>(
        await db.execute(sql`select count(*)::int as n from complaint_similar_pools p
          join complaints c on c.id = p.complaint_id where c.external_id like 'TODAY-%'`),
      )[0]?.n;
    await vi.waitUntil(async () => (await pools()) === 3, { timeout: 30_000, interval: 200 });
    expect(
      rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from complaint_similar_pools`))[0]?.n,
    ).toBe(3);

    // The nightly default, then what an admin sets, lands in pg-boss's schedule table.
    const boss = await getBoss();
    const schedules = async () => Object.fromEntries((await boss.getSchedules()).map((s) => [s.name, s.cron]));
    expect(await getRetentionCron()).toBe("0 2 * * *");
    // Beside it, the hourly removal of expired export files and the look over similar-complaint pools.
    const always = { [QUEUES.exportCleanup]: EXPORT_CLEANUP_CRON, [QUEUES.similarPools]: SIMILAR_POOLS_CRON };
    expect(await schedules()).toEqual({ [QUEUES.retention]: "0 2 * * *", ...always });
    const saved = await perform(CLI_ACTOR, saveRetentionSchedule, { frequency: "weekly", time: "03:30" });
    expect(saved).toEqual({ data: { cron: "30 3 * * 0" } });
    await syncSchedules(boss);
    expect((await schedules())[QUEUES.retention]).toBe("30 3 * * 0");
    const bad = await perform(CLI_ACTOR, saveRetentionSchedule, { frequency: "custom", cron: "every night" });
    expect(bad).toMatchObject({ error: { code: "invalid" }, fieldErrors: { cron: [expect.any(String)] } });
    await perform(CLI_ACTOR, saveRetentionSchedule, { frequency: "off" });
    await syncSchedules(boss);
    expect(await schedules()).toEqual(always);
  }, 60_000);
});
