import { createReadStream, statSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { and, eq, inArray } from "drizzle-orm";
import { db, getDatabase } from "@/db";
import { complaints } from "@/db/schema";
import type { ImportStatus } from "@/db/schema/enums";
import { writeAudit } from "@/lib/audit/log";
import type { Actor } from "@/lib/auth/actor";
import { describeError, logError, safeMessage } from "@/lib/log";
import {
  addCreated,
  type CreatedItems,
  createdCount,
  describeCreated,
  noneCreated,
} from "@/lib/taxonomies/create-missing";
import { BatchWriter } from "./batch-writer";
import { type ByteSource, type DetectedFormat, detectFormat } from "./detect";
import { REQUIRED_FIELDS } from "./fields";
import {
  beginJob,
  ClaimLostError,
  createJob,
  finishJob,
  type JobCounts,
  type JobOptions,
  reportBatch,
  reportProgress,
  STALE_AFTER_MS,
  saveErrors,
} from "./jobs";
import { type Created, loadLookups, mergeCreated } from "./lookups";
import { canonicalMapping, mappedFields } from "./mapping";
import { Batches, byMarketAndDay, rowChars, validRows, WritePipeline } from "./pipeline";
import { CsvFormatError, readRecords } from "./reader";
import { type ResolvedRow, type RowError, RowResolver } from "./resolve";
import { SpeculativeWrite } from "./speculative";
import { type MappingConfig, withCreateMissing } from "./validations";
import { addCounts, type BatchCounts } from "./writer";

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

const DEFAULT_BATCH = 2000;
const ERRORS_KEPT = 200;
// Files up to this size are read once; bigger ones are read again for the write pass.
const CACHE_ROWS = 250_000;
const CACHE_CHARS = 150_000_000;
// Files that check within a few seconds are written while they are checked (the rows' locks are
// held until the check ends).
const SPECULATE_MAX_BYTES = 64 * 1024 * 1024;

function defaultConcurrency(): number {
  return getDatabase().kind === "postgres" ? 2 : 1;
}

/** PGlite runs in this process's thread, so checking and writing cannot overlap there. */
function defaultSpeculate(source: ByteSource): boolean {
  return getDatabase().kind === "postgres" && source.size !== undefined && source.size <= SPECULATE_MAX_BYTES;
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
  const state = { rowsRead: 0, rejected: 0, written: 0, total: null as number | null, checkedMs: 0, speculated: 0 };
  const kept: RowError[] = [];
  const createdItems = noneCreated();
  // Stored problems and progress of the check, in order (see `store` below).
  let bookkeeping: Promise<void> = Promise.resolve();
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
    ...overall(),
    rowsRead: state.rowsRead,
    rejected: state.rejected,
    errors: kept,
    elapsedMs: Date.now() - started,
    checkedMs: state.checkedMs,
    writtenWhileChecking: state.speculated,
    rowsPerSecond: rate(),
    created: createdItems,
  });
  const progress = () => ({
    rowsRead: state.rowsRead,
    rowsWritten: state.written,
    rowsRejected: state.rejected,
    totalRows: state.total,
  });
  const claim = options.claim;
  // Rows an earlier attempt of this job added or updated come out unchanged now: those counts carry over.
  let before: JobOptions["before"];
  const overall = (): JobCounts => {
    if (!before) return counts;
    const inserted = before.inserted + counts.inserted;
    const updated = before.updated + counts.updated;
    return { inserted, updated, unchanged: Math.max(0, state.written - inserted - updated) };
  };
  let heartbeat: NodeJS.Timeout | null = null;
  const finish = async (status: ImportStatus, outcome: string) => {
    if (heartbeat) clearInterval(heartbeat);
    await bookkeeping.catch(() => {});
    const elapsedMs = Date.now() - started;
    const created = createdCount(createdItems) ? createdItems : undefined;
    const message = created ? `${outcome}; created ${describeCreated(created).join("; ")}` : outcome;
    await finishJob(
      jobId,
      status,
      message,
      { ...progress(), options: { phase: "done", counts: overall(), elapsedMs, ...(created ? { created } : {}) } },
      claim,
    );
    await writeAudit(db, options.actor, {
      action: options.dryRun ? "import.dry_run" : "import.run",
      entityType: "import_job",
      entityId: jobId,
      after: { status, message, ...overall(), rowsRead: state.rowsRead, rejected: state.rejected, created },
      meta: {
        fileName: options.fileName,
        mapping: options.mappingName ?? null,
        skipInvalid: !!options.skipInvalid,
        createMissing: !!options.createMissing,
      },
    });
    return result(status, message);
  };

  const startOptions: JobOptions = { phase: "validating", mappingName: options.mappingName ?? null, counts };
  await beginJob(jobId, startOptions, claim);
  before = startOptions.before;
  // Between batches (a long check, a slow batch), the claim is kept alive on its own.
  if (claim) {
    heartbeat = setInterval(
      () => void reportProgress(jobId, {}, db, claim).catch(() => {}),
      Math.max(1000, STALE_AFTER_MS / 4),
    );
    heartbeat.unref();
  }
  let speculative: SpeculativeWrite | null = null;
  // Settles once what was written while checking has committed (or rolled back) and is counted.
  let speculation: Promise<void> | null = null;
  let writing: WritePipeline<ResolvedRow[]> | null = null;
  try {
    const expected = options.mapping ? Object.keys(options.mapping.columns) : [];
    // The taxonomies load while the file's format is detected.
    const loading = loadLookups(db);
    loading.catch(() => {}); // awaited below, where a failure is reported
    format = await detectFormat(source, expected);
    const base = options.mapping ?? canonicalMapping(format.headers);
    const config = withCreateMissing(base, !!options.createMissing);
    ignoredColumns = format.headers.filter((h) => !config.columns[h]);
    const fields = mappedFields(config, format.headers);
    const missing = REQUIRED_FIELDS.filter((f) => !fields.has(f));
    if (missing.length) {
      const error = { line: format.headerLine, column: null, reason: `No column for ${missing.join(", ")}` };
      kept.push(error);
      await saveErrors(jobId, [error]);
      return await finish(
        "failed",
        `The file has no column for ${missing.join(", ")} (header on line ${format.headerLine})`,
      );
    }
    const [lookups] = await Promise.all([
      loading,
      reportProgress(
        jobId,
        {
          options: {
            format: {
              encoding: format.encoding,
              delimiter: format.delimiter,
              headerLine: format.headerLine,
              bom: format.bom,
            },
            ignoredColumns,
          },
        },
        db,
        claim,
      ),
    ]);
    const resolver = new RowResolver(config, format.headers, lookups);
    const batchSize = options.batchSize ?? DEFAULT_BATCH;
    const writer = new BatchWriter({
      jobId,
      actor: options.actor,
      config,
      lookups,
      fields,
      meta: { importJobId: jobId, fileName: options.fileName },
      claim,
    });
    const sample: JobOptions["sample"] = [];
    let sampleTaken = false;
    // Counted only once the rows have committed.
    const committed = async (rows: ResolvedRow[], written: BatchCounts, created: Created[]) => {
      Object.assign(counts, addCounts(counts, written));
      state.written += rows.length;
      for (const c of created) {
        mergeCreated(lookups, c);
        addCreated(createdItems, c.items);
      }
      if (!sampleTaken) {
        sampleTaken = true;
        sample.push(...(await sampleOf(rows.slice(0, 5))));
        await reportProgress(jobId, { options: { sample } }, db, claim);
      }
      options.onProgress?.({ phase: "writing", ...progress(), rowsPerSecond: rate() });
    };

    if (!options.dryRun && (options.speculate ?? defaultSpeculate(source))) {
      speculative = new SpeculativeWrite(
        (tx, rows) => writer.writeInShared(tx, rows),
        (tx, done) => reportBatch(tx, jobId, done.rows, done.written, claim),
      );
    }
    const giveUpSpeculating = async () => {
      await speculative?.abandon();
      speculative = null;
    };
    // Problems and progress are stored in order behind the check. While rows are being written
    // early, the check does not wait for them: the pool's connections may all be taken by sessions
    // waiting for the locks of those rows, which are released only once the check ends.
    const pending: RowError[] = [];
    let cancelAsked = false;
    const store = async (work: () => Promise<void>) => {
      bookkeeping = bookkeeping.then(work);
      bookkeeping.catch(() => {}); // awaited later, where a failure is reported
      if (!speculative?.open) await bookkeeping;
    };
    const storeErrors = () => {
      const errors = pending.splice(0);
      return store(() => saveErrors(jobId, errors));
    };

    // Pass 1: every row checked before anything is committed. The resolved rows of a file that fits
    // the cache are kept, so the write pass need not read and resolve the file a second time.
    let lastReport = Date.now();
    let cache: ResolvedRow[] | null = [];
    let cacheChars = 0;
    const earlyBatches = new Batches<ResolvedRow>(batchSize);
    for await (const record of readRecords(source, format)) {
      state.rowsRead++;
      const outcome = resolver.resolve(record.line, record.values);
      if ("row" in outcome) {
        if (cache) {
          cache.push(outcome.row);
          cacheChars += rowChars(outcome.row);
          if (cache.length > CACHE_ROWS || cacheChars > CACHE_CHARS) {
            cache = null;
            // What was written early is a prefix of the cache; a file read twice starts afresh.
            await giveUpSpeculating();
          }
        }
        if (speculative?.open) {
          const batch = earlyBatches.add(outcome.row);
          if (batch) speculative.push(batch);
          // Records already parsed come without a turn of the event loop; give the database's answers one.
          if (state.rowsRead % 256 === 0) await new Promise(setImmediate);
        } else if (claim && state.rowsRead % 1024 === 0) {
          // The claim's heartbeat is a timer: a long check gives it a turn of the event loop.
          await new Promise(setImmediate);
        }
      } else {
        state.rejected++;
        if (!options.skipInvalid) await giveUpSpeculating();
        pending.push(...outcome.errors);
        for (const e of outcome.errors) if (kept.length < ERRORS_KEPT) kept.push(e);
        if (pending.length >= 1000) await storeErrors();
      }
      if (Date.now() - lastReport > 1000) {
        lastReport = Date.now();
        await storeErrors();
        const snapshot = progress();
        await store(async () => {
          if (await reportProgress(jobId, snapshot, db, claim)) cancelAsked = true;
        });
        options.onProgress?.({ phase: "validating", ...progress(), rowsPerSecond: 0 });
      }
      if (cancelAsked) {
        await giveUpSpeculating();
        return await finish("cancelled", "Cancelled while checking rows; nothing was written");
      }
    }
    // The check passed: what was written meanwhile commits (the file's first valid rows), and the
    // write pass starts after them at once.
    const passed = (state.rejected === 0 || !!options.skipInvalid) && !options.dryRun;
    const start = passed && speculative && cache ? speculative.stop() : 0;
    await storeErrors();
    await bookkeeping;
    state.total = state.rowsRead;
    state.checkedMs = Date.now() - started;
    const valid = state.rowsRead - state.rejected;
    options.onProgress?.({ phase: "validating", ...progress(), rowsPerSecond: 0 });

    if (state.rejected > 0 && !options.skipInvalid) {
      return await finish("failed", `${state.rejected} of ${state.rowsRead} rows have problems; nothing was written`);
    }
    if (options.dryRun) {
      return await finish(
        "completed",
        `Dry run: ${valid} rows would be written, ${state.rejected} rejected; nothing was written`,
      );
    }

    // Pass 2: write the valid rows in batches, each committed with the job's progress.
    resolver.reset();
    const pipeline = new WritePipeline<ResolvedRow[]>(options.concurrency ?? defaultConcurrency(), async (rows) => {
      const { cancel, created, written } = await writer.commit(rows);
      await committed(rows, written, [created]);
      return cancel;
    });
    writing = pipeline;
    // The rows written while checking: counted once they have committed, written anew if they did not.
    const early = cache ? cache.slice(0, start) : [];
    if (speculative && start > 0) {
      speculation = speculative.outcome.then(async (outcome) => {
        if (outcome.rows === 0) return;
        state.speculated = outcome.rows;
        await committed(early, outcome.written, outcome.created);
        if (outcome.cancel) pipeline.cancelled = true;
      });
      speculation.catch(() => {}); // awaited after the write pass, where a failure is reported
    }
    await reportProgress(jobId, { ...progress(), options: { phase: "writing" } }, db, claim);

    const batches = new Batches<ResolvedRow>(batchSize);
    const write = async (rows: Iterable<ResolvedRow> | AsyncIterable<ResolvedRow>) => {
      for await (const row of rows) {
        const batch = batches.add(row);
        if (batch) {
          await pipeline.push(batch);
          if (pipeline.cancelled) return;
        }
      }
      const last = batches.rest();
      if (last.length && !pipeline.cancelled) await pipeline.push(last);
    };
    await write(cache ? byMarketAndDay(cache.slice(start)) : validRows(readRecords(source, format), resolver));
    if (speculation) {
      await speculation;
      // It rolled back (another import wrote some of the same rows, say): its rows are written now.
      if (early.length && state.speculated === 0 && !pipeline.cancelled) await write(early);
    }
    await pipeline.drain();
    // A cancel seen only once every row had been written has nothing left to stop.
    if (pipeline.cancelled && state.written < valid) {
      return await finish(
        "cancelled",
        `Cancelled after ${state.written} of ${valid} rows; run it again to complete it`,
      );
    }
    const total = overall();
    const parts = [`${total.inserted} added`, `${total.updated} updated`, `${total.unchanged} unchanged`];
    if (state.rejected) parts.push(`${state.rejected} rejected`);
    return await finish("completed", `Imported ${state.written} rows: ${parts.join(", ")}`);
  } catch (error) {
    await speculative?.abandon();
    await speculation?.catch(() => {});
    // A batch still in flight may commit: it is counted before the job is closed.
    await writing?.settle();
    // Another runner holds the job now: it is theirs to report on.
    if (error instanceof ClaimLostError) {
      if (heartbeat) clearInterval(heartbeat);
      throw error;
    }
    const line = error instanceof CsvFormatError ? error.line : null;
    // Never the failing statement or its parameters (the whole batch): the error's kind and code only.
    const reason = error instanceof CsvFormatError ? safeMessage(error.message) : describeError(error).message;
    if (line !== null) {
      const entry = { line, column: null, reason: `The file cannot be read here: ${reason}` };
      kept.push(entry);
      await saveErrors(jobId, [entry]).catch(() => {});
    } else {
      logError("Import failed", error, { jobId });
    }
    return await finish(
      "failed",
      line !== null ? `The file cannot be read at line ${line}: ${reason}` : `The import failed: ${reason}`,
    );
  }
}

/** The stored complaints of the first written rows, for the job page to link to. */
async function sampleOf(rows: ResolvedRow[]): Promise<{ id: string; reference: string }[]> {
  const [head] = rows;
  if (!head) return [];
  const found = await db
    .select({ id: complaints.id, reference: complaints.reference, externalId: complaints.externalId })
    .from(complaints)
    .where(
      and(
        eq(complaints.source, head.source),
        inArray(
          complaints.externalId,
          rows.map((r) => r.externalId),
        ),
      ),
    );
  return rows.flatMap((r) =>
    found.filter((f) => f.externalId === r.externalId).map(({ id, reference }) => ({ id, reference })),
  );
}
