import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { complaints, importJobs } from "@/db/schema";
import { writeAudit } from "@/lib/audit/log";
import type { ImportStatus } from "@/lib/domain/values";
import type { Phrase } from "@/lib/i18n/say";
import { logError } from "@/lib/log";
import { addCreated, createdCount, noneCreated } from "@/lib/taxonomies/create-missing";
import type { DetectedFormat } from "./detect";
import type { ImportOptions, ImportResult } from "./engine";
import {
  beginJob,
  ClaimLostError,
  createJob,
  finishJob,
  type JobCounts,
  type JobOptions,
  reportProgress,
  STALE_AFTER_MS,
  saveErrors,
} from "./jobs";
import { type Created, mergeCreated } from "./lookups";
import { CsvFormatError } from "./reader";
import type { Lookups, ResolvedRow, RowError } from "./resolve-types";
import { outcomeIn, rowProblem, storedOutcome } from "./stored-words";
import { addCounts, type BatchCounts } from "./writer";

const ERRORS_KEPT = 200;

/**
 * One run of an import job: its counts and progress, the problems it keeps to show, its claim's
 * heartbeat, and how it ends (the job row closed, the audit entry written, the result answered).
 */
export class ImportRun {
  readonly started = Date.now();
  readonly counts: JobCounts = { inserted: 0, updated: 0, unchanged: 0 };
  readonly state = { rowsRead: 0, rejected: 0, written: 0, total: null as number | null, checkedMs: 0, speculated: 0 };
  readonly kept: RowError[] = [];
  readonly createdItems = noneCreated();
  format: DetectedFormat | null = null;
  ignoredColumns: string[] = [];
  /** Stored problems and progress of the check, in order. */
  bookkeeping: Promise<void> = Promise.resolve();
  /** Work to wind down before the job is closed after a failure (batches in flight, an early write). */
  private readonly windDowns: (() => Promise<unknown>)[] = [];
  /** Rows an earlier attempt of this job added or updated come out unchanged now: those counts carry over. */
  private before: JobOptions["before"];
  private heartbeat: NodeJS.Timeout | null = null;
  private sampleTaken = false;

  private constructor(
    readonly jobId: string,
    readonly options: ImportOptions,
  ) {}

  get claim(): string | undefined {
    return this.options.claim;
  }

  /** The run of the given job, or of a job created for it. */
  static async open(options: ImportOptions): Promise<ImportRun> {
    const jobId =
      options.jobId ??
      (await createJob({
        fileName: options.fileName ?? "import.csv",
        createdBy: options.actor.userId,
        mappingId: options.mappingId,
        dryRun: !!options.dryRun,
        skipInvalid: !!options.skipInvalid,
      }));
    return new ImportRun(jobId, options);
  }

  /** Marks the job running from its first row. */
  async begin(): Promise<void> {
    const startOptions: JobOptions = {
      phase: "validating",
      mappingName: this.options.mappingName ?? null,
      counts: this.counts,
    };
    await beginJob(this.jobId, startOptions, this.claim);
    this.before = startOptions.before;
    this.keepClaim();
  }

  /**
   * Takes the job up where its committed batches end: the check it passed and what it has written
   * so far (its counts, its problems) stay as stored.
   */
  async resume(): Promise<void> {
    const [job] = await db
      .select({
        rowsRead: importJobs.rowsRead,
        rowsRejected: importJobs.rowsRejected,
        rowsWritten: importJobs.rowsWritten,
        totalRows: importJobs.totalRows,
        options: importJobs.options,
      })
      .from(importJobs)
      .where(
        this.claim
          ? and(eq(importJobs.id, this.jobId), eq(importJobs.worker, this.claim))
          : eq(importJobs.id, this.jobId),
      );
    if (!job) throw new ClaimLostError(this.jobId);
    const stored = job.options as JobOptions;
    Object.assign(this.counts, stored.counts ?? {});
    Object.assign(this.state, {
      rowsRead: job.rowsRead,
      rejected: job.rowsRejected,
      written: job.rowsWritten,
      total: job.totalRows ?? job.rowsRead,
    });
    this.sampleTaken = (stored.sample?.length ?? 0) > 0;
    await reportProgress(this.jobId, { options: { phase: "writing", resumedAt: this.state.written } }, db, this.claim);
    this.keepClaim();
  }

  /** Between batches (a long check, a slow batch), the claim is kept alive on its own. */
  private keepClaim() {
    const claim = this.claim;
    if (!claim) return;
    this.heartbeat = setInterval(
      () => void reportProgress(this.jobId, {}, db, claim).catch(() => {}),
      Math.max(1000, STALE_AFTER_MS / 4),
    );
    this.heartbeat.unref();
  }

  onFailure(windDown: () => Promise<unknown>) {
    this.windDowns.push(windDown);
  }

  rate(): number {
    const seconds = (Date.now() - this.started) / 1000;
    return seconds > 0 ? Math.round(this.state.written / seconds) : 0;
  }

  progress() {
    return {
      rowsRead: this.state.rowsRead,
      rowsWritten: this.state.written,
      rowsRejected: this.state.rejected,
      totalRows: this.state.total,
    };
  }

  overall(): JobCounts {
    const before = this.before;
    if (!before) return this.counts;
    const inserted = before.inserted + this.counts.inserted;
    const updated = before.updated + this.counts.updated;
    return { inserted, updated, unchanged: Math.max(0, this.state.written - inserted - updated) };
  }

  /** A problem with a row: counted, stored later, and kept to show among the first ones. */
  keep(errors: RowError[]) {
    for (const e of errors) if (this.kept.length < ERRORS_KEPT) this.kept.push(e);
  }

  /**
   * Rows that have committed (`count` of them, `first` the first ones): counted, what they created
   * remembered, and the first ones shown on the job page.
   */
  async committed(count: number, first: ResolvedRow[], written: BatchCounts, created: Created[], lookups: Lookups) {
    Object.assign(this.counts, addCounts(this.counts, written));
    this.state.written += count;
    for (const c of created) {
      mergeCreated(lookups, c);
      addCreated(this.createdItems, c.items);
    }
    if (!this.sampleTaken) {
      this.sampleTaken = true;
      const sample = await sampleOf(first.slice(0, 5));
      await reportProgress(this.jobId, { options: { sample } }, db, this.claim);
    }
    this.options.onProgress?.({ phase: "writing", ...this.progress(), rowsPerSecond: this.rate() });
  }

  result(status: ImportStatus, message: string): ImportResult {
    return {
      jobId: this.jobId,
      status,
      message,
      format: this.format,
      ignoredColumns: this.ignoredColumns,
      ...this.overall(),
      rowsRead: this.state.rowsRead,
      rejected: this.state.rejected,
      errors: this.kept,
      elapsedMs: Date.now() - this.started,
      checkedMs: this.state.checkedMs,
      writtenWhileChecking: this.state.speculated,
      rowsPerSecond: this.rate(),
      created: this.createdItems,
    };
  }

  /** Closes the job with its outcome and audits the run. */
  async finish(status: ImportStatus, outcome: Phrase): Promise<ImportResult> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    await this.bookkeeping.catch(() => {});
    const { options, state } = this;
    const elapsedMs = Date.now() - this.started;
    const created = createdCount(this.createdItems) ? this.createdItems : undefined;
    // The job keeps the outcome as words to be said in each reader's language; the command line, the
    // audit and the logs read it in English.
    const ended = { outcome, created };
    const message = outcomeIn(ended, "en");
    await finishJob(
      this.jobId,
      status,
      storedOutcome(ended),
      {
        ...this.progress(),
        options: { phase: "done", counts: this.overall(), elapsedMs, ...(created ? { created } : {}) },
      },
      this.claim,
    );
    await writeAudit(db, options.actor, {
      action: options.dryRun ? "import.dry_run" : "import.run",
      entityType: "import_job",
      entityId: this.jobId,
      after: { status, message, ...this.overall(), rowsRead: state.rowsRead, rejected: state.rejected, created },
      meta: {
        fileName: options.fileName,
        mapping: options.mappingName ?? null,
        skipInvalid: !!options.skipInvalid,
        createMissing: !!options.createMissing,
      },
    });
    return this.result(status, message);
  }

  /**
   * Ends the run on an error: what is in flight is wound down (a batch that commits is counted), and
   * the job fails with the line the file cannot be read at, or the error's kind, never its statement.
   * A run that lost its claim rethrows: the job is another runner's to report on.
   */
  async fail(error: unknown): Promise<ImportResult> {
    for (const windDown of this.windDowns) await windDown().catch(() => {});
    if (error instanceof ClaimLostError) {
      if (this.heartbeat) clearInterval(this.heartbeat);
      throw error;
    }
    if (!(error instanceof CsvFormatError)) {
      // What went wrong inside is for the log; the job says that it failed, in its reader's language.
      logError("Import failed", error, { jobId: this.jobId });
      return this.finish("failed", "importRules.outcome.failedInside");
    }
    const { line, reason } = error;
    const entry = rowProblem(line, null, ["importRules.row.unreadableHere", { reason }]);
    this.kept.push(entry);
    await saveErrors(this.jobId, [entry]).catch(() => {});
    return this.finish("failed", ["importRules.outcome.unreadableAt", { line, reason }]);
  }
}

/** The stored complaints of the first written rows, for the job page to link to. */
async function sampleOf(rows: ResolvedRow[]): Promise<{ id: string; reference: string }[]> {
  const first = rows[0];
  if (!first) return [];
  const found = await db
    .select({ id: complaints.id, reference: complaints.reference, externalId: complaints.externalId })
    .from(complaints)
    .where(
      and(
        eq(complaints.source, first.source),
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
