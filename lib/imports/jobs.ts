import { eq, sql } from "drizzle-orm";
import { db, type Tx } from "@/db";
import { importErrors, importJobs } from "@/db/schema";
import type { ImportStatus } from "@/db/schema/enums";
import { redactText } from "@/lib/privacy/redact";
import type { CreatedItems } from "@/lib/taxonomies/create-missing";
import type { RowError } from "./resolve";

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
  /** Written complaints to open from the job page (the first few of the file). */
  sample?: { id: string; reference: string }[];
  /** Asked to create unknown markets, products, categories and root causes (`--create-missing`). */
  createMissing?: boolean;
  /** What it created, by kind. */
  created?: CreatedItems;
};

/** A job left "running" whose heartbeat is older than this is taken to have died with its process. */
export const STALE_AFTER_MS = 60_000;

export async function createJob(values: {
  fileName: string;
  createdBy: string | null;
  mappingId?: string | null;
  dryRun: boolean;
  skipInvalid: boolean;
  file?: Buffer | null;
  options?: JobOptions;
}) {
  const [job] = await db
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
    .returning({ id: importJobs.id });
  return job.id;
}

/** Marks a job running from the start: earlier counts and errors (of a died or re-run attempt) are cleared. */
export async function beginJob(jobId: string, options: JobOptions) {
  await db.transaction(async (tx) => {
    await tx.delete(importErrors).where(eq(importErrors.jobId, jobId));
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
      .where(eq(importJobs.id, jobId));
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
export async function reportProgress(jobId: string, progress: Progress, tx: Tx | typeof db = db): Promise<boolean> {
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
    .where(eq(importJobs.id, jobId))
    .returning({ cancel: importJobs.cancelRequested });
  return row?.cancel ?? false;
}

/**
 * Closes a job. A completed import's upload is dropped: nothing runs it again, and it holds the
 * customers' personal data (a failed, cancelled or dry run keeps it, to run again).
 */
export async function finishJob(jobId: string, status: ImportStatus, message: string, progress: Progress) {
  await reportProgress(jobId, progress);
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
    .where(eq(importJobs.id, jobId));
}

export async function saveErrors(jobId: string, errors: RowError[]) {
  for (let i = 0; i < errors.length; i += 1000) {
    await db
      .insert(importErrors)
      .values(
        errors.slice(i, i + 1000).map((e) => ({ jobId, line: e.line, column: e.column, reason: redactText(e.reason) })),
      );
  }
}

/** Inside a batch's transaction: adds the batch to the written count, so the stored count is exactly what has committed. */
export async function reportBatch(tx: Tx, jobId: string, rows: number, counts: JobCounts): Promise<boolean> {
  const [row] = await tx
    .update(importJobs)
    .set({
      rowsWritten: sql`${importJobs.rowsWritten} + ${rows}`,
      heartbeatAt: sql`now()`,
      options: sql`${importJobs.options} || ${JSON.stringify({ counts })}::jsonb`,
    })
    .where(eq(importJobs.id, jobId))
    .returning({ cancel: importJobs.cancelRequested });
  return row?.cancel ?? false;
}
