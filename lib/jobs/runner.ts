import { hostname } from "node:os";
import { lt, sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { db, getDatabase } from "@/db";
import { jobRunners } from "@/db/schema";
import { cleanupExports, runExportJob, sweepExports } from "@/lib/exports/jobs";
import { STALE_AFTER_MS } from "@/lib/imports/jobs";
import { type ImportJobData, runImportJob } from "@/lib/imports/runner";
import { must } from "@/lib/must";
import { forgetSharedReads } from "@/lib/operations/shared-reads";
import { refreshSimilarPools } from "@/lib/suggestions/pools";
import { getBoss, QUEUES, stopBoss } from "./boss";
import { releaseImportJobs, sweepImportJobs } from "./claims";
import { runScheduledRetention, syncSchedules } from "./schedules";

export type RunnerKind = "web" | "worker";
export type ExportJobData = { exportJobId: string };

type Runner = { id: string; kind: RunnerKind; timer?: NodeJS.Timeout; stopping: boolean };
const globalForRunner = globalThis as unknown as { __jobRunner?: Runner };

/** Whether this process runs jobs: a worker always; a web process unless JOBS_IN_WEB=false. */
export function runsJobsInWeb(): boolean {
  return process.env.JOBS_IN_WEB !== "false";
}

export function currentRunner(): { id: string; kind: RunnerKind } | null {
  const runner = globalForRunner.__jobRunner;
  return runner && !runner.stopping ? { id: runner.id, kind: runner.kind } : null;
}

const pollSeconds = () => Math.max(0.5, Number(process.env.JOBS_POLL_SECONDS) || 2);

async function touch(runner: Runner) {
  await db
    .insert(jobRunners)
    .values({ id: runner.id, kind: runner.kind, host: hostname(), pid: process.pid })
    .onConflictDoUpdate({ target: jobRunners.id, set: { seenAt: sql`now()` } });
  await db.delete(jobRunners).where(lt(jobRunners.seenAt, sql`now() - interval '10 minutes'`));
}

async function sweep(boss: PgBoss, self: string, orphanedAfterMs?: number) {
  const { resume } = await sweepImportJobs(orphanedAfterMs, self);
  for (const id of resume) await boss.send(QUEUES.import, { importJobId: id } satisfies ImportJobData);
  if (resume.length) console.log(`Job runner: resuming ${resume.length} import job(s) whose runner stopped`);
  const exports = await sweepExports();
  for (const id of exports) await boss.send(QUEUES.export, { exportJobId: id } satisfies ExportJobData);
  if (exports.length) console.log(`Job runner: sending ${exports.length} export job(s) again`);
}

/**
 * Starts this process's job runner: pg-boss with its maintenance and schedules, one import at a
 * time, the retention schedule, and every few seconds a touch of its row in job_runners and a
 * sweep for import jobs whose runner went silent.
 */
export async function startRunner(kind: RunnerKind): Promise<{ id: string }> {
  if (globalForRunner.__jobRunner) return { id: globalForRunner.__jobRunner.id };
  const id = `${kind}@${hostname()}:${process.pid}`;
  const boss = await getBoss({ supervise: true });
  const runner: Runner = { id, kind, stopping: false };
  globalForRunner.__jobRunner = runner;
  await touch(runner);
  await syncSchedules(boss);
  // PGlite's folder has one process: whatever it finds running was run by its own previous life.
  await sweep(boss, id, getDatabase().kind === "pglite" ? 0 : undefined);
  const options = { batchSize: 1, pollingIntervalSeconds: pollSeconds() };
  await boss.work<ImportJobData>(QUEUES.import, options, async ([job]) => {
    if (runner.stopping) throw new Error("The runner is stopping");
    try {
      await runImportJob(must(job, "a batch of one job").data.importJobId, id);
    } finally {
      forgetSharedReads();
    }
    // The complaints it brought that are being worked get their similar complaints found now.
    await boss.send(QUEUES.similarPools, {}).catch(() => {});
  });
  await boss.work(QUEUES.retention, options, async () => {
    try {
      await runScheduledRetention();
    } finally {
      forgetSharedReads();
    }
  });
  await boss.work<ExportJobData>(QUEUES.export, options, async ([job]) => {
    if (runner.stopping) throw new Error("The runner is stopping");
    if (job) await runExportJob(job.data.exportJobId, id);
  });
  await boss.work(QUEUES.exportCleanup, options, async () => {
    const removed = await cleanupExports();
    if (removed) console.log(`Job runner: removed ${removed} expired export file(s)`);
  });
  await boss.work(QUEUES.similarPools, options, async () => {
    if (runner.stopping) return;
    const { more } = await refreshSimilarPools(db, undefined, () => runner.stopping);
    if (more && !runner.stopping) await boss.send(QUEUES.similarPools, {});
  });
  runner.timer = setInterval(
    () => {
      if (runner.stopping) return;
      void touch(runner)
        .then(() => sweep(boss, id))
        .catch((error) => console.error("Job runner:", error instanceof Error ? error.message : error));
    },
    Math.max(1000, STALE_AFTER_MS / 3),
  );
  runner.timer.unref();
  return { id };
}

/** Stops taking jobs, gives back the import it holds (another runner resumes it at once) and closes pg-boss. */
export async function stopRunner(): Promise<void> {
  const runner = globalForRunner.__jobRunner;
  if (!runner) return stopBoss();
  runner.stopping = true;
  clearInterval(runner.timer);
  const boss = await getBoss();
  await boss.offWork(QUEUES.import).catch(() => {});
  await boss.offWork(QUEUES.retention).catch(() => {});
  await boss.offWork(QUEUES.export).catch(() => {});
  await boss.offWork(QUEUES.exportCleanup).catch(() => {});
  await boss.offWork(QUEUES.similarPools).catch(() => {});
  const released = await releaseImportJobs(runner.id).catch(() => [] as string[]);
  for (const jobId of released) await boss.send(QUEUES.import, { importJobId: jobId } satisfies ImportJobData);
  await db
    .delete(jobRunners)
    .where(sql`${jobRunners.id} = ${runner.id}`)
    .catch(() => {});
  globalForRunner.__jobRunner = undefined;
  await stopBoss();
}
