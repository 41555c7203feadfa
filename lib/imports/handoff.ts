import { readFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import { db } from "@/db";
import { importJobs, jobRunners } from "@/db/schema";
import { createJob, type JobOptions, STALE_AFTER_MS } from "./jobs";
import { enqueueImport } from "./runner";
import { storedIn } from "./stored-words";
import type { MappingConfig } from "./validations";

/** Whether a job runner (a web process or a worker) is up on this database to take a job. */
export async function runnerIsUp(): Promise<boolean> {
  const [row] = await db
    .select({ id: jobRunners.id })
    .from(jobRunners)
    .where(gt(jobRunners.seenAt, sql`now() - ${(2 * STALE_AFTER_MS) / 1000} * interval '1 second'`))
    .limit(1);
  return !!row;
}

/** The command line's claim on a job it runs itself. */
export const cliWorkerId = () => `cli@${hostname()}:${process.pid}`;

/** Queues a file's import for the runner: the file is stored on the job, so any runner can run or resume it. */
export async function handOffImport(
  filePath: string,
  options: {
    mapping: MappingConfig | null;
    mappingId: string | null;
    mappingName: string | null;
    dryRun: boolean;
    skipInvalid: boolean;
    batchSize?: number;
  },
): Promise<string> {
  const jobOptions: JobOptions = {
    mapping: options.mapping,
    mappingName: options.mappingName,
    phase: "queued",
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
  };
  const jobId = await createJob({
    fileName: path.basename(filePath),
    createdBy: null,
    mappingId: options.mappingId,
    dryRun: options.dryRun,
    skipInvalid: options.skipInvalid,
    file: readFileSync(filePath),
    options: jobOptions,
  });
  await db.update(importJobs).set({ heartbeatAt: sql`now()` }).where(eq(importJobs.id, jobId));
  await enqueueImport(jobId);
  return jobId;
}

/** Asks a job to stop: a queued one is cancelled at once, a running one after its current batch. */
export async function requestCancel(jobId: string): Promise<boolean> {
  const rows = await db
    .update(importJobs)
    .set({
      cancelRequested: true,
      status: sql`case when ${importJobs.status} = 'queued' then 'cancelled'::import_status else ${importJobs.status} end`,
    })
    .where(and(eq(importJobs.id, jobId), inArray(importJobs.status, ["queued", "running"])))
    .returning({ id: importJobs.id });
  return rows.length > 0;
}

export type FollowedJob = {
  status: string;
  message: string | null;
  rowsRead: number;
  rowsWritten: number;
  rowsRejected: number;
  totalRows: number | null;
  worker: string | null;
  attempts: number;
  options: JobOptions;
};

/** Reads the job's row until it has ended, reporting each change of its progress. */
export async function followJob(jobId: string, onChange: (job: FollowedJob) => void): Promise<FollowedJob> {
  let last = "";
  for (;;) {
    const [job] = await db
      .select({
        status: importJobs.status,
        message: importJobs.message,
        rowsRead: importJobs.rowsRead,
        rowsWritten: importJobs.rowsWritten,
        rowsRejected: importJobs.rowsRejected,
        totalRows: importJobs.totalRows,
        worker: importJobs.worker,
        attempts: importJobs.attempts,
        options: importJobs.options,
      })
      .from(importJobs)
      .where(eq(importJobs.id, jobId));
    if (!job) throw new Error(`Import job ${jobId} is gone`);
    // The command line reads English; a message kept as what it says is worded here.
    const followed = {
      ...job,
      message: job.message && storedIn(job.message, "en"),
      options: job.options as JobOptions,
    };
    const key = `${job.status}:${job.rowsRead}:${job.rowsWritten}:${job.worker}:${job.attempts}`;
    if (key !== last) {
      last = key;
      onChange(followed);
    }
    if (!["queued", "running"].includes(job.status)) return followed;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
