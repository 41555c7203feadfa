import "server-only";
import { asc, desc, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { importErrors, importJobs, importMappings, users } from "@/db/schema";
import type { ImportStatus } from "@/lib/domain/values";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { type CreatedItems, noneCreated } from "@/lib/taxonomies/create-missing";
import { type JobOptions, STALE_AFTER_MS } from "./jobs";
import { storedIn } from "./stored-words";

export type JobView = {
  id: string;
  fileName: string;
  status: ImportStatus;
  /** Running but silent for too long: its process died; it can be restarted. */
  stale: boolean;
  phase: NonNullable<JobOptions["phase"]>;
  dryRun: boolean;
  skipInvalid: boolean;
  mappingName: string | null;
  createdBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  totalRows: number | null;
  rowsRead: number;
  rowsWritten: number;
  rowsRejected: number;
  counts: { inserted: number; updated: number; unchanged: number };
  rowsPerSecond: number | null;
  secondsLeft: number | null;
  /** 0–100 while writing; null while the rows are being checked and their number is unknown. */
  percent: number | null;
  message: string | null;
  ignoredColumns: string[];
  sample: { id: string; reference: string }[];
  /** Asked to create unknown markets, products, categories and root causes. */
  createMissing: boolean;
  /** What it created, by kind (empty lists when nothing). */
  created: CreatedItems;
  cancelRequested: boolean;
  hasFile: boolean;
  /** The runner holding (or that last held) the job, and how many times one has taken it. */
  worker: string | null;
  attempts: number;
  /** Taken over by a runner after an earlier attempt stopped (its process died, a restart). */
  resumed: boolean;
};

const jobColumns = {
  id: importJobs.id,
  fileName: importJobs.fileName,
  status: importJobs.status,
  options: importJobs.options,
  dryRun: importJobs.dryRun,
  skipInvalid: importJobs.skipInvalid,
  mappingName: importMappings.name,
  createdBy: users.name,
  createdAt: importJobs.createdAt,
  startedAt: importJobs.startedAt,
  heartbeatAt: importJobs.heartbeatAt,
  finishedAt: importJobs.finishedAt,
  totalRows: importJobs.totalRows,
  rowsRead: importJobs.rowsRead,
  rowsWritten: importJobs.rowsWritten,
  rowsRejected: importJobs.rowsRejected,
  message: importJobs.message,
  cancelRequested: importJobs.cancelRequested,
  worker: importJobs.worker,
  attempts: importJobs.attempts,
};

type JobRow = { [K in keyof typeof jobColumns]: unknown } & Record<string, unknown>;

function toView(row: JobRow & { hasFile: boolean }, locale: Locale, now = Date.now()): JobView {
  const options = (row.options ?? {}) as JobOptions;
  const started = row.startedAt as Date | null;
  const heartbeat = row.heartbeatAt as Date | null;
  const status = row.status as ImportStatus;
  const total = row.totalRows as number | null;
  const rejected = row.rowsRejected as number;
  const written = row.rowsWritten as number;
  const phase = options.phase ?? (status === "queued" ? "queued" : "validating");
  const toWrite = total === null ? null : total - (row.skipInvalid || phase === "writing" ? rejected : 0);
  const end = (row.finishedAt as Date | null)?.getTime() ?? now;
  const seconds = started ? (end - started.getTime()) / 1000 : 0;
  const rate = started && seconds > 0 && written > 0 ? written / seconds : null;
  const percent =
    status === "completed"
      ? 100
      : phase === "writing" && toWrite
        ? Math.min(100, Math.floor((written / toWrite) * 100))
        : null;
  return {
    id: row.id as string,
    fileName: row.fileName as string,
    status,
    // A started job ("queued" for its runner, or running) that has not reported for a while has lost its process.
    stale:
      (status === "running" || (status === "queued" && phase === "queued")) &&
      now - (heartbeat ?? (row.createdAt as Date)).getTime() > STALE_AFTER_MS,
    phase,
    dryRun: row.dryRun as boolean,
    skipInvalid: row.skipInvalid as boolean,
    mappingName: (row.mappingName as string | null) ?? options.mappingName ?? null,
    createdBy: (row.createdBy as string | null) ?? null,
    createdAt: (row.createdAt as Date).toISOString(),
    startedAt: started?.toISOString() ?? null,
    finishedAt: (row.finishedAt as Date | null)?.toISOString() ?? null,
    totalRows: total,
    rowsRead: row.rowsRead as number,
    rowsWritten: written,
    rowsRejected: rejected,
    counts: options.counts ?? { inserted: 0, updated: 0, unchanged: 0 },
    createMissing: !!options.createMissing,
    created: options.created ?? noneCreated(),
    rowsPerSecond: rate === null ? null : Math.round(rate),
    secondsLeft: rate && toWrite !== null && status === "running" ? Math.ceil((toWrite - written) / rate) : null,
    percent,
    message: row.message ? storedIn(row.message as string, locale) : null,
    ignoredColumns: options.ignoredColumns ?? [],
    sample: options.sample ?? [],
    cancelRequested: row.cancelRequested as boolean,
    hasFile: row.hasFile,
    worker: (row.worker as string | null) ?? null,
    attempts: row.attempts as number,
    resumed: (row.attempts as number) > 1,
  };
}

/** The latest jobs, their messages in `locale`. */
export async function listJobs(limit = 50, locale: Locale = DEFAULT_LOCALE): Promise<JobView[]> {
  const rows = await db
    .select({ ...jobColumns, hasFile: sql<boolean>`${importJobs.file} is not null` })
    .from(importJobs)
    .leftJoin(users, eq(users.id, importJobs.createdBy))
    .leftJoin(importMappings, eq(importMappings.id, importJobs.mappingId))
    .orderBy(desc(importJobs.createdAt))
    .limit(limit);
  return rows.map((r) => toView({ ...r, hasFile: !!r.hasFile }, locale));
}

/** One job, its message in `locale`. */
export async function getJob(id: string, locale: Locale = DEFAULT_LOCALE): Promise<JobView | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db
    .select({ ...jobColumns, hasFile: sql<boolean>`${importJobs.file} is not null` })
    .from(importJobs)
    .leftJoin(users, eq(users.id, importJobs.createdBy))
    .leftJoin(importMappings, eq(importMappings.id, importJobs.mappingId))
    .where(eq(importJobs.id, id));
  return row ? toView({ ...row, hasFile: !!row.hasFile }, locale) : null;
}

export async function getJobFile(
  id: string,
): Promise<{ file: Buffer | null; options: JobOptions; mappingId: string | null } | null> {
  const [row] = await db
    .select({ file: importJobs.file, options: importJobs.options, mappingId: importJobs.mappingId })
    .from(importJobs)
    .where(eq(importJobs.id, id));
  return row ? { file: row.file, options: row.options as JobOptions, mappingId: row.mappingId } : null;
}

/** The job's row problems, each worded now in `locale` (they are kept as what they say, not as words). */
export async function getJobErrors(id: string, locale: Locale = DEFAULT_LOCALE) {
  const rows = await db
    .select({ line: importErrors.line, column: importErrors.column, reason: importErrors.reason })
    .from(importErrors)
    .where(eq(importErrors.jobId, id))
    .orderBy(asc(importErrors.line), asc(importErrors.id));
  return rows.map((r) => ({ ...r, reason: storedIn(r.reason, locale) }));
}
