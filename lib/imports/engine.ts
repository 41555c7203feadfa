import { createReadStream, statSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { and, eq, inArray, sql } from "drizzle-orm";
import { db, getDatabase } from "@/db";
import { postgresError } from "@/db/errors";
import { complaints } from "@/db/schema";
import type { ImportStatus } from "@/db/schema/enums";
import { writeAudit } from "@/lib/audit/log";
import type { Actor } from "@/lib/auth/actor";
import { isExternalIdConflict } from "@/lib/complaints/references-check";
import { detectFormat, type ByteSource, type DetectedFormat } from "./detect";
import { REQUIRED_FIELDS } from "./fields";
import { beginJob, createJob, finishJob, reportBatch, reportProgress, saveErrors, type JobCounts, type JobOptions } from "./jobs";
import { ensureReferences, loadLookups, mergeCreated } from "./lookups";
import { canonicalMapping, mappedFields } from "./mapping";
import { WritePipeline } from "./pipeline";
import { CsvFormatError, readRecords } from "./reader";
import { RowResolver, type ResolvedRow, type RowError } from "./resolve";
import type { MappingConfig } from "./validations";
import { writeBatch } from "./writer";

export type ImportOptions = {
  actor: Actor;
  fileName?: string;
  /** A saved mapping's config; without one the file must be in the canonical format. */
  mapping?: MappingConfig | null;
  mappingId?: string | null;
  mappingName?: string | null;
  skipInvalid?: boolean;
  dryRun?: boolean;
  batchSize?: number;
  /** Batches written at once (default 2 on PostgreSQL, 1 on PGlite, which runs one statement at a time). */
  concurrency?: number;
  /** Report into this existing job (the web upload's); otherwise a job row is created. */
  jobId?: string;
  onProgress?: (event: ProgressEvent) => void;
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
  /** Time spent reading and checking the file before the first write (0 when it never got there). */
  checkedMs: number;
  rowsPerSecond: number;
};

const DEFAULT_BATCH = 2000;
const DEADLOCK = "40P01";
// A batch also ends at this many characters, so files of long narratives do not build huge statements.
const BATCH_CHARS = 4_000_000;
const ERRORS_KEPT = 200;
// Files up to this size are read once; bigger ones are read again for the write pass.
const CACHE_ROWS = 250_000;
const CACHE_CHARS = 150_000_000;

const rowChars = (row: ResolvedRow) => (row.narrative?.length ?? 0) + row.summary.length + 200;

async function* validRows(records: AsyncIterable<{ line: number; values: string[] }>, resolver: RowResolver) {
  for await (const record of records) {
    const outcome = resolver.resolve(record.line, record.values);
    if ("row" in outcome) yield outcome.row;
  }
}

function defaultConcurrency(): number {
  return getDatabase().kind === "postgres" ? 2 : 1;
}

export function fileSource(filePath: string): ByteSource {
  return { open: () => createReadStream(filePath, { highWaterMark: 256 * 1024 }), size: statSync(filePath).size };
}

export function bufferSource(bytes: Buffer): ByteSource {
  return { open: () => Readable.from([bytes]), size: bytes.length };
}

/** The entry point for the CLI and the benchmark: imports a complaint CSV file from disk. */
export async function importComplaintsFile(filePath: string, options: ImportOptions): Promise<ImportResult> {
  return runImport(fileSource(filePath), { fileName: path.basename(filePath), ...options });
}

/**
 * Imports complaints from a CSV source: detect → validate every row (first pass) → write in
 * batches (second pass). All or nothing unless `skipInvalid`: one invalid row and nothing is
 * written. Each batch commits with the job's progress, and rows are keyed by (source,
 * external_id), so an import killed half-way completes when run again.
 */
export async function runImport(source: ByteSource, options: ImportOptions): Promise<ImportResult> {
  const started = Date.now();
  const jobId =
    options.jobId ??
    (await createJob({
      fileName: options.fileName ?? "import.csv",
      createdBy: options.actor.userId,
      mappingId: options.mappingId,
      dryRun: !!options.dryRun,
      skipInvalid: !!options.skipInvalid,
    }));
  const counts: JobCounts = { inserted: 0, updated: 0, unchanged: 0 };
  const state = { rowsRead: 0, rejected: 0, written: 0, total: null as number | null, checkedMs: 0 };
  const kept: RowError[] = [];
  let format: DetectedFormat | null = null;
  let ignoredColumns: string[] = [];
  const rate = () => {
    const seconds = (Date.now() - started) / 1000;
    return seconds > 0 ? Math.round(state.written / seconds) : 0;
  };
  const result = (status: ImportStatus, message: string): ImportResult => ({
    jobId,
    status,
    message,
    format,
    ignoredColumns,
    ...counts,
    rowsRead: state.rowsRead,
    rejected: state.rejected,
    errors: kept,
    elapsedMs: Date.now() - started,
    checkedMs: state.checkedMs,
    rowsPerSecond: rate(),
  });
  const progress = () => ({
    rowsRead: state.rowsRead,
    rowsWritten: state.written,
    rowsRejected: state.rejected,
    totalRows: state.total,
  });
  const finish = async (status: ImportStatus, message: string) => {
    const elapsedMs = Date.now() - started;
    await finishJob(jobId, status, message, { ...progress(), options: { phase: "done", counts, elapsedMs } });
    await writeAudit(db, options.actor, {
      action: options.dryRun ? "import.dry_run" : "import.run",
      entityType: "import_job",
      entityId: jobId,
      after: { status, message, ...counts, rowsRead: state.rowsRead, rejected: state.rejected },
      meta: { fileName: options.fileName, mapping: options.mappingName ?? null, skipInvalid: !!options.skipInvalid },
    });
    return result(status, message);
  };

  await beginJob(jobId, { phase: "validating", mappingName: options.mappingName ?? null, counts });
  try {
    const expected = options.mapping ? Object.keys(options.mapping.columns) : [];
    format = await detectFormat(source, expected);
    const config = options.mapping ?? canonicalMapping(format.headers);
    ignoredColumns = format.headers.filter((h) => !config.columns[h]);
    const fields = mappedFields(config, format.headers);
    const missing = REQUIRED_FIELDS.filter((f) => !fields.has(f));
    if (missing.length) {
      const error = { line: format.headerLine, column: null, reason: `No column for ${missing.join(", ")}` };
      kept.push(error);
      await saveErrors(jobId, [error]);
      return await finish("failed", `The file has no column for ${missing.join(", ")} (header on line ${format.headerLine})`);
    }
    await reportProgress(jobId, {
      options: {
        format: { encoding: format.encoding, delimiter: format.delimiter, headerLine: format.headerLine, bom: format.bom },
        ignoredColumns,
      },
    });

    const lookups = await loadLookups(db);
    const resolver = new RowResolver(config, format.headers, lookups);
    const pending: RowError[] = [];
    const flushErrors = async () => {
      await saveErrors(jobId, pending.splice(0));
    };

    // Pass 1: every row checked before anything is written. The resolved rows of a file that fits
    // the cache are kept, so the write pass need not read and resolve the file a second time.
    let lastReport = Date.now();
    let cache: ResolvedRow[] | null = [];
    let cacheChars = 0;
    for await (const record of readRecords(source, format)) {
      state.rowsRead++;
      const outcome = resolver.resolve(record.line, record.values);
      if (cache && "row" in outcome) {
        cache.push(outcome.row);
        cacheChars += rowChars(outcome.row);
        if (cache.length > CACHE_ROWS || cacheChars > CACHE_CHARS) cache = null;
      }
      if ("errors" in outcome) {
        state.rejected++;
        pending.push(...outcome.errors);
        for (const e of outcome.errors) if (kept.length < ERRORS_KEPT) kept.push(e);
        if (pending.length >= 1000) await flushErrors();
      }
      if (Date.now() - lastReport > 1000) {
        lastReport = Date.now();
        await flushErrors();
        if (await reportProgress(jobId, progress())) return await finish("cancelled", "Cancelled while checking rows; nothing was written");
        options.onProgress?.({ phase: "validating", ...progress(), rowsPerSecond: 0 });
      }
    }
    await flushErrors();
    state.total = state.rowsRead;
    state.checkedMs = Date.now() - started;
    const valid = state.rowsRead - state.rejected;
    options.onProgress?.({ phase: "validating", ...progress(), rowsPerSecond: 0 });

    if (state.rejected > 0 && !options.skipInvalid) {
      return await finish("failed", `${state.rejected} of ${state.rowsRead} rows have problems; nothing was written`);
    }
    if (options.dryRun) {
      return await finish("completed", `Dry run: ${valid} rows would be written, ${state.rejected} rejected; nothing was written`);
    }
    await reportProgress(jobId, { ...progress(), options: { phase: "writing" } });

    // Pass 2: write the valid rows in batches, each committed with the job's progress.
    resolver.reset();
    const batchSize = options.batchSize ?? DEFAULT_BATCH;
    const sample: JobOptions["sample"] = [];
    let sampleTaken = false;
    let batch: ResolvedRow[] = [];
    let chars = 0;
    const meta = { importJobId: jobId, fileName: options.fileName };
    const writeOnce = (rows: ResolvedRow[], guarded: boolean) =>
      db.transaction(async (tx) => {
        // A batch lost in a crash is written again by the next run (rows are keyed by external_id and
        // the job's progress commits with them), so the commit need not wait for the disk.
        await tx.execute(sql`set local synchronous_commit = off`);
        const refs = await ensureReferences(tx, rows, lookups, config, options.actor, meta);
        const written = await writeBatch(tx, { rows, ...refs, fields, guarded, userId: options.actor.userId });
        const cancel = await reportBatch(tx, jobId, rows.length, {
          inserted: counts.inserted + written.inserted,
          updated: counts.updated + written.updated,
          unchanged: counts.unchanged + written.unchanged,
        });
        return { cancel, created: refs.created, written };
      });
    const pipeline = new WritePipeline<ResolvedRow[]>(options.concurrency ?? defaultConcurrency(), async (rows) => {
      const { cancel, created, written } = await writeOnce(rows, false).catch((error: unknown) => {
        // Another import wrote some of these rows since the lookup, or two batches deadlocked on the
        // monthly counts: the batch rolled back whole, and runs again against what is there now.
        if (isExternalIdConflict(error) || postgresError(error)?.code === DEADLOCK) return writeOnce(rows, true);
        throw error;
      });
      // Counted only once the batch has committed.
      counts.inserted += written.inserted;
      counts.updated += written.updated;
      counts.unchanged += written.unchanged;
      state.written += rows.length;
      mergeCreated(lookups, created);
      if (!sampleTaken) {
        sampleTaken = true;
        sample.push(...(await sampleOf(rows.slice(0, 5))));
        await reportProgress(jobId, { options: { sample } });
      }
      options.onProgress?.({ phase: "writing", ...progress(), rowsPerSecond: rate() });
      return cancel;
    });
    for await (const row of cache ?? validRows(readRecords(source, format), resolver)) {
      batch.push(row);
      chars += rowChars(row);
      if (batch.length >= batchSize || chars >= BATCH_CHARS) {
        await pipeline.push(batch);
        batch = [];
        chars = 0;
        if (pipeline.cancelled) break;
      }
    }
    if (batch.length && !pipeline.cancelled) await pipeline.push(batch);
    await pipeline.drain();
    if (pipeline.cancelled) {
      return await finish("cancelled", `Cancelled after ${state.written} of ${valid} rows; run it again to complete it`);
    }
    const parts = [`${counts.inserted} added`, `${counts.updated} updated`, `${counts.unchanged} unchanged`];
    if (state.rejected) parts.push(`${state.rejected} rejected`);
    return await finish("completed", `Imported ${state.written} rows: ${parts.join(", ")}`);
  } catch (error) {
    const line = error instanceof CsvFormatError ? error.line : null;
    const reason = error instanceof Error ? error.message : String(error);
    if (line !== null) {
      const entry = { line, column: null, reason: `The file cannot be read here: ${reason}` };
      kept.push(entry);
      await saveErrors(jobId, [entry]).catch(() => {});
    } else {
      console.error(error);
    }
    return await finish("failed", line !== null ? `The file cannot be read at line ${line}: ${reason}` : `The import failed: ${reason}`);
  }
}

/** The stored complaints of the first written rows, for the job page to link to. */
async function sampleOf(rows: ResolvedRow[]): Promise<{ id: string; reference: string }[]> {
  if (rows.length === 0) return [];
  const found = await db
    .select({ id: complaints.id, reference: complaints.reference, externalId: complaints.externalId })
    .from(complaints)
    .where(and(eq(complaints.source, rows[0].source), inArray(complaints.externalId, rows.map((r) => r.externalId))));
  return rows.flatMap((r) => found.filter((f) => f.externalId === r.externalId).map(({ id, reference }) => ({ id, reference })));
}
