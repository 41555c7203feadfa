import { and, eq, type SQL, sql } from "drizzle-orm";
import { type Db, db, type Tx } from "@/db";
import { importErrors, importJobs } from "@/db/schema";
import type { ImportStatus } from "@/lib/domain/values";
import { first } from "@/lib/must";
import { redactText } from "@/lib/privacy/redact";
import type { CreatedItems } from "@/lib/taxonomies/create-missing";
import { forgetBatches, type NumberedBatch, recordBatch } from "./positions";
import type { RowError } from "./resolve-types";
import { storedPhrase } from "./stored-words";

/** Where a batch falls in the file (see positions.ts). */
export type BatchMark = Omit<NumberedBatch, "rows">;

export type JobCounts = { inserted: number; updated: number; unchanged: number };
/** "uploaded": waiting for the wizard; "queued": started, waiting for the runner. */
export type JobPhase = "uploaded" | "queued" | "validating" | "writing" | "done";

/** What a job keeps in `import_jobs.options` besides its columns. */
export type JobOptions = {
  mapping?: unknown;
  mappingName?: string | null;
  phase?: JobPhase;
  counts?: JobCounts;
  format?: { encoding: string; delimiter: string; headerLine: number; bom: boolean };
  ignoredColumns?: string[];
  elapsedMs?: number;
  /** Rows per committed batch, when not the default (a command-line import handed to the runner). */
  batchSize?: number;
  /** What earlier attempts had committed when this one took over (a resumed job's counts add to them). */
  before?: { inserted: number; updated: number };
  /** The rows written when a runner resumed the job where its committed batches ended. */
  resumedAt?: number;
  /** Written complaints to open from the job page (the first few of the file). */
  sample?: { id: string; reference: string }[];
  /** Asked to create unknown markets, products, categories and root causes (`--create-missing`). */
  createMissing?: boolean;
  /** What it created, by kind. */
  created?: CreatedItems;
};

/**
 * A job left "running" whose heartbeat is older than this is taken to have died with its process:
 * its claim lapses and a runner resumes it (IMPORT_CLAIM_TIMEOUT_SECONDS, default a minute).
 */
export const STALE_AFTER_MS = Math.max(2, Number(process.env.IMPORT_CLAIM_TIMEOUT_SECONDS) || 60) * 1000;

/** The job's runner no longer holds it (its claim lapsed and another took it): this one stops, writing nothing more. */
export class ClaimLostError extends Error {
  constructor(jobId: string) {
    super(`Import job ${jobId} is no longer held by this runner`);
    this.name = "ClaimLostError";
  }
}

/** Only the runner holding the job (if it runs under a claim) may write to it. */
function held(jobId: string, claim: string | undefined): SQL | undefined {
  return claim ? and(eq(importJobs.id, jobId), eq(importJobs.worker, claim)) : eq(importJobs.id, jobId);
}

export async function createJob(
  values: {
    fileName: string;
    createdBy: string | null;
    mappingId?: string | null;
    dryRun: boolean;
    skipInvalid: boolean;
    file?: Buffer | null;
    options?: JobOptions;
  },
  q: Db | Tx = db,
) {
  const job = first(
    await q
      .insert(importJobs)
      .values({
        kind: "complaints",
        fileName: values.fileName,
        createdBy: values.createdBy,
        mappingId: values.mappingId ?? null,
        dryRun: values.dryRun,
        skipInvalid: values.skipInvalid,
        file: values.file ?? null,
        options: values.options ?? {},
      })
      .returning({ id: importJobs.id }),
    "inserted import jobs",
  );
  return job.id;
}

/** Marks a job running from the start: earlier counts and errors (of a died or re-run attempt) are cleared. */
export async function beginJob(jobId: string, options: JobOptions, claim?: string) {
  await db.transaction(async (tx) => {
    if (claim) {
      // A resumed attempt: what the earlier ones committed is kept aside, so the counts add up at the end.
      const [row] = await tx
        .select({ attempts: importJobs.attempts, rowsWritten: importJobs.rowsWritten, options: importJobs.options })
        .from(importJobs)
        .where(held(jobId, claim))
        .for("update");
      if (!row) throw new ClaimLostError(jobId);
      // Each row is added or updated by one attempt only (the next finds it stored): those add up; the
      // rest of the rows come out unchanged at the end.
      const earlier = (row.options as JobOptions).counts;
      const before = (row.options as JobOptions).before;
      if (row.attempts > 1) {
        options.before = {
          inserted: (before?.inserted ?? 0) + (earlier?.inserted ?? 0),
          updated: (before?.updated ?? 0) + (earlier?.updated ?? 0),
        };
      }
    }
    await tx.delete(importErrors).where(eq(importErrors.jobId, jobId));
    await forgetBatches(tx, jobId);
    await tx
      .update(importJobs)
      .set({
        status: "running",
        startedAt: sql`now()`,
        heartbeatAt: sql`now()`,
        finishedAt: null,
        rowsRead: 0,
        rowsWritten: 0,
        rowsRejected: 0,
        totalRows: null,
        cancelRequested: false,
        message: null,
        options: sql`${importJobs.options} || ${JSON.stringify(options)}::jsonb`,
      })
      .where(held(jobId, claim));
  });
}

export type Progress = {
  rowsRead?: number;
  rowsWritten?: number;
  rowsRejected?: number;
  totalRows?: number | null;
  options?: JobOptions;
};

/** Stores progress and a heartbeat; answers whether someone asked to cancel. */
export async function reportProgress(
  jobId: string,
  progress: Progress,
  tx: Tx | typeof db = db,
  claim?: string,
): Promise<boolean> {
  const [row] = await tx
    .update(importJobs)
    .set({
      rowsRead: progress.rowsRead,
      rowsWritten: progress.rowsWritten,
      rowsRejected: progress.rowsRejected,
      totalRows: progress.totalRows,
      heartbeatAt: sql`now()`,
      ...(progress.options
        ? { options: sql`${importJobs.options} || ${JSON.stringify(progress.options)}::jsonb` }
        : {}),
    })
    .where(held(jobId, claim))
    .returning({ cancel: importJobs.cancelRequested });
  if (!row && claim) throw new ClaimLostError(jobId);
  return row?.cancel ?? false;
}

/**
 * Closes a job. A completed import's upload is dropped: nothing runs it again, and it holds the
 * customers' personal data (a failed, cancelled or dry run keeps it, to run again).
 */
export async function finishJob(
  jobId: string,
  status: ImportStatus,
  message: string,
  progress: Progress,
  claim?: string,
) {
  await reportProgress(jobId, progress, db, claim);
  await db
    .update(importJobs)
    .set({
      status,
      message: redactText(message),
      finishedAt: sql`now()`,
      heartbeatAt: sql`now()`,
      file:
        status === "completed"
          ? sql`case when ${importJobs.dryRun} then ${importJobs.file} end`
          : sql`${importJobs.file}`,
    })
    .where(held(jobId, claim));
}

export async function saveErrors(jobId: string, errors: RowError[]) {
  for (let i = 0; i < errors.length; i += 1000) {
    await db.insert(importErrors).values(
      errors.slice(i, i + 1000).map((e) => ({
        jobId,
        line: e.line,
        column: e.column,
        // Kept as what it says, so each reader reads it in their language; its values are already redacted.
        reason: e.said ? storedPhrase(e.said) : redactText(e.reason),
      })),
    );
  }
}

/**
 * Inside a batch's transaction: adds the batch's rows and counts to the job's, so the stored figures
 * are exactly what has committed (batches in flight together each add their own). Under a claim,
 * a runner that no longer holds the job gets ClaimLostError, which rolls its batch back.
 */
export async function reportBatch(
  tx: Tx,
  jobId: string,
  rows: number,
  batch: JobCounts,
  claim: string | undefined,
  mark: BatchMark,
): Promise<boolean> {
  const add = (key: keyof JobCounts) =>
    sql`coalesce((${importJobs.options} -> 'counts' ->> ${key})::int, 0) + ${batch[key]}::int`;
  const [row] = await tx
    .update(importJobs)
    .set({
      rowsWritten: sql`${importJobs.rowsWritten} + ${rows}`,
      heartbeatAt: sql`now()`,
      options: sql`${importJobs.options} || jsonb_build_object('counts', jsonb_build_object('inserted', ${add("inserted")}, 'updated', ${add("updated")}, 'unchanged', ${add("unchanged")}))`,
    })
    .where(held(jobId, claim))
    .returning({ cancel: importJobs.cancelRequested });
  if (!row && claim) throw new ClaimLostError(jobId);
  await recordBatch(tx, jobId, mark, rows);
  return row?.cancel ?? false;
}
