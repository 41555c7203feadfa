import { createReadStream, statSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { db, getDatabase } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import type { ImportStatus } from "@/lib/domain/values";
import type { CreatedItems } from "@/lib/taxonomies/create-missing";
import { type Checked, cancelledAfter, checkRows } from "./check-pass";
import type { ByteSource, DetectedFormat } from "./detect";
import { ImportRun } from "./import-run";
import { type JobCounts, reportProgress } from "./jobs";
import { type ImportPlan, planImport } from "./plan";
import { type ResumePoint, resumePoint } from "./positions";
import { readRecords } from "./reader";
import type { RowError } from "./resolve-types";
import type { MappingConfig } from "./validations";
import { validRows, writeRows } from "./write-pass";

export type ImportOptions = {
  actor: Actor;
  fileName?: string;
  /** A saved mapping's config; without one the file must be in the canonical format. */
  mapping?: MappingConfig | null;
  mappingId?: string | null;
  mappingName?: string | null;
  skipInvalid?: boolean;
  dryRun?: boolean;
  /** Create unknown markets (valid ISO codes), products, categories and root causes instead of refusing their rows. */
  createMissing?: boolean;
  batchSize?: number;
  /** Batches written at once (default 2 on PostgreSQL, 1 on PGlite, which runs one statement at a time). */
  concurrency?: number;
  /**
   * Write the first batches while the file is still being checked, committing them only once it
   * has all checked out (see SpeculativeWrite). Default: on PostgreSQL, for files up to 64 MB.
   */
  speculate?: boolean;
  /** Report into this existing job (the web upload's); otherwise a job row is created. */
  jobId?: string;
  /**
   * The runner's claim on the job (its worker id, set on the row when it took the job): every write
   * to the job checks it, and a heartbeat keeps it while the import runs.
   */
  claim?: string;
  onProgress?: (event: ProgressEvent) => void;
  /**
   * A runner's later attempt at the job: when batches of an earlier attempt have committed, it starts
   * where they end (the check they passed is not run again).
   */
  resume?: boolean;
};

export type ProgressEvent = {
  phase: "validating" | "writing";
  rowsRead: number;
  rowsWritten: number;
  totalRows: number | null;
  rowsRejected: number;
  rowsPerSecond: number;
};

export type ImportResult = JobCounts & {
  jobId: string;
  status: ImportStatus;
  message: string;
  format: DetectedFormat | null;
  ignoredColumns: string[];
  rowsRead: number;
  rejected: number;
  /** The first problems (all of them are in import_errors). */
  errors: RowError[];
  elapsedMs: number;
  /** Time spent reading and checking the file before the write pass (0 when it never got there). */
  checkedMs: number;
  /** Rows written while the file was being checked (committed once it had checked out). */
  writtenWhileChecking: number;
  rowsPerSecond: number;
  /** What `createMissing` created, by kind. */
  created: CreatedItems;
};

// Files that check within a few seconds are written while they are checked (the rows' locks are
// held until the check ends).
const SPECULATE_MAX_BYTES = 64 * 1024 * 1024;

/** PGlite runs in this process's thread, so checking and writing cannot overlap there. */
function defaultSpeculate(source: ByteSource): boolean {
  return getDatabase().kind === "postgres" && source.size !== undefined && source.size <= SPECULATE_MAX_BYTES;
}

export function fileSource(filePath: string): ByteSource {
  const highWaterMark = 256 * 1024;
  return {
    open: () => createReadStream(filePath, { highWaterMark }),
    openAt: (start) => createReadStream(filePath, { highWaterMark, start }),
    size: statSync(filePath).size,
  };
}

export function bufferSource(bytes: Buffer): ByteSource {
  return {
    open: () => Readable.from([bytes]),
    openAt: (start) => Readable.from([bytes.subarray(start)]),
    size: bytes.length,
  };
}

/** The entry point for the CLI and the benchmark: imports a complaint CSV file from disk. */
export async function importComplaintsFile(filePath: string, options: ImportOptions): Promise<ImportResult> {
  return runImport(fileSource(filePath), { fileName: path.basename(filePath), ...options });
}

/**
 * Imports complaints from a CSV source: detect → validate every row (first pass) → write in
 * batches (second pass). All or nothing unless `skipInvalid`: one invalid row and nothing is
 * written. Each batch commits with the job's progress and its position in the file, and rows are
 * keyed by (source, external_id): a job resumed by a runner starts where its committed batches end,
 * and an import run again as a new job finds the rows already written and leaves them as they are.
 */
export async function runImport(source: ByteSource, options: ImportOptions): Promise<ImportResult> {
  const run = await ImportRun.open(options);
  const point = options.resume ? await resumePoint(run.jobId) : null;
  if (point) await run.resume();
  else await run.begin();
  try {
    const plan = await planImport(run, source);
    if ("result" in plan) return plan.result;
    if (point) return await writeRest(run, plan, source, point);
    const checked = await checkRows(
      run,
      plan,
      source,
      !options.dryRun && (options.speculate ?? defaultSpeculate(source)),
    );
    if ("result" in checked) return checked.result;
    return await writeChecked(run, plan, source, checked);
  } catch (error) {
    return await run.fail(error);
  }
}

/** Pass 2 after the check: the rows kept (or read again), after those committed while checking. */
async function writeChecked(run: ImportRun, plan: ImportPlan, source: ByteSource, checked: Checked) {
  const { cache, early, nextLine } = checked;
  await reportProgress(run.jobId, { ...run.progress(), options: { phase: "writing" } }, db, run.claim);
  plan.resolver.reset();
  const rows = cache
    ? cache.slice(early)
    : validRows(readRecords(source, plan.format), plan.resolver, undefined, { rows: early, nextLine });
  const { cancelled } = await writeRows(run, plan, rows, { firstBatch: early > 0 ? 1 : 0 });
  return completed(run, cancelled);
}

/** A resumed job: the rows after the position its committed batches end at, read from there. */
async function writeRest(run: ImportRun, plan: ImportPlan, source: ByteSource, point: ResumePoint) {
  if (point.done) return completed(run, false);
  const records = readRecords(source, plan.format, point.fromLine === null ? undefined : { line: point.fromLine });
  const rows = validRows(records, plan.resolver, { rejectedLines: point.rejectedLines });
  const { cancelled } = await writeRows(run, plan, rows, { firstBatch: point.nextBatch, committed: point.committed });
  return completed(run, cancelled);
}

async function completed(run: ImportRun, cancelled: boolean): Promise<ImportResult> {
  const { state } = run;
  const valid = state.rowsRead - state.rejected;
  // A cancel seen only once every row had been written has nothing left to stop.
  if (cancelled && state.written < valid) return run.finish("cancelled", cancelledAfter(run, valid));
  const total = run.overall();
  const counts = {
    written: state.written,
    added: total.inserted,
    updated: total.updated,
    unchanged: total.unchanged,
    rejected: state.rejected,
  };
  return run.finish("completed", [
    state.rejected ? "importRules.outcome.completedRejected" : "importRules.outcome.completed",
    counts,
  ]);
}
