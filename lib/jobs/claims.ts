import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { rowsOf } from "@/db/rows";
import { importJobs } from "@/db/schema";
import { STALE_AFTER_MS } from "@/lib/imports/jobs";
import { storedPhrase } from "@/lib/imports/stored-words";
import { BOSS_SCHEMA, QUEUES } from "./boss";

const staleBefore = (ms = STALE_AFTER_MS) => sql`now() - ${ms / 1000} * interval '1 second'`;

/**
 * Takes an import job for this runner, in one statement: only a queued job, or a running one whose
 * runner has stopped touching it for longer than the claim timeout, can be taken, so two runners
 * (or two deliveries of one pg-boss job) never run it together. Answers the attempt, or null.
 */
export async function claimImportJob(jobId: string, worker: string): Promise<number | null> {
  const [row] = await db
    .update(importJobs)
    .set({
      status: "running",
      worker,
      attempts: sql`${importJobs.attempts} + 1`,
      heartbeatAt: sql`now()`,
    })
    .where(
      and(
        eq(importJobs.id, jobId),
        eq(importJobs.cancelRequested, false),
        sql`${importJobs.file} is not null`,
        sql`(${importJobs.status} = 'queued' or (${importJobs.status} = 'running' and ${importJobs.heartbeatAt} < ${staleBefore()}))`,
      ),
    )
    .returning({ attempts: importJobs.attempts });
  return row?.attempts ?? null;
}

/** Takes a job this process created and runs itself (a command-line import), under the same rules. */
export async function holdNewImportJob(jobId: string, worker: string): Promise<void> {
  await db
    .update(importJobs)
    .set({ status: "running", worker, attempts: 1, heartbeatAt: sql`now()` })
    .where(eq(importJobs.id, jobId));
}

/** Gives back the jobs this runner holds (it is stopping): another runner resumes them at once. */
export async function releaseImportJobs(worker: string): Promise<string[]> {
  const rows = await db
    .update(importJobs)
    .set({ status: "queued", worker: null, heartbeatAt: sql`now() - interval '1 day'` })
    .where(and(eq(importJobs.worker, worker), eq(importJobs.status, "running")))
    .returning({ id: importJobs.id });
  return rows.map((r) => r.id);
}

export type Sweep = { resume: string[]; failed: number; cancelled: number };

/**
 * Looks for import jobs no runner is looking after: running ones whose runner went silent past the
 * claim timeout (killed, crashed, deployed) go back to the queue to be resumed; a cancelled one is
 * closed; one run by a command line that died (its file is not stored) fails, to be run again; and
 * a queued one whose pg-boss job went missing is sent again. One statement each, so with several
 * runners sweeping, each job is picked up by one. `orphanedAfterMs` 0: every running job is
 * orphaned (PGlite at start, where this process is the only one).
 */
export async function sweepImportJobs(orphanedAfterMs = STALE_AFTER_MS, self?: string): Promise<Sweep> {
  // A runner knows its own jobs are alive, however late their heartbeat (a busy event loop).
  const stale = and(
    sql`${importJobs.heartbeatAt} < ${staleBefore(orphanedAfterMs)}`,
    self ? sql`${importJobs.worker} is distinct from ${self}` : undefined,
  );
  const cancelled = await db
    .update(importJobs)
    .set({
      status: "cancelled",
      worker: null,
      finishedAt: sql`now()`,
      message: storedPhrase("importRules.cancelledRunnerStopped"),
    })
    .where(and(eq(importJobs.status, "running"), eq(importJobs.cancelRequested, true), stale))
    .returning({ id: importJobs.id });
  const failed = await db
    .update(importJobs)
    .set({
      status: "failed",
      worker: null,
      finishedAt: sql`now()`,
      // Kept as what it says: the job's page words it in its reader's language.
      message: storedPhrase("importRules.commandLineStopped"),
    })
    .where(and(eq(importJobs.status, "running"), sql`${importJobs.file} is null`, stale))
    .returning({ id: importJobs.id });
  const orphaned = await db
    .update(importJobs)
    .set({ status: "queued", worker: null, heartbeatAt: sql`now()` })
    .where(and(eq(importJobs.status, "running"), sql`${importJobs.file} is not null`, stale))
    .returning({ id: importJobs.id });
  // A queued job with nothing waiting to run it (its sender stopped before sending, say).
  const unsent = rowsOf<{ id: string }>(
    await db.execute(sql`
      update import_jobs j set heartbeat_at = now()
      where j.status = 'queued' and j.file is not null and not j.cancel_requested
        and coalesce(j.heartbeat_at, j.created_at) < ${staleBefore()}
        and (j.options ->> 'phase') = 'queued'
        and not exists (
          select 1 from ${sql.identifier(BOSS_SCHEMA)}.job b
          where b.name = ${QUEUES.import} and b.state in ('created', 'retry', 'active')
            and b.data ->> 'importJobId' = j.id::text
        )
      returning j.id::text as id`),
  );
  return {
    resume: [...orphaned.map((r) => r.id), ...unsent.map((r) => r.id)],
    failed: failed.length,
    cancelled: cancelled.length,
  };
}
