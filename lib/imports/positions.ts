import { and, asc, eq, gt } from "drizzle-orm";
import { db, type Tx } from "@/db";
import { importErrors, importJobBatches } from "@/db/schema";
import { Batches, byMarketAndDay, rowChars } from "./pipeline";
import type { ResolvedRow } from "./resolve-types";

/**
 * Where an import's committed batches end, so a resumed job starts there instead of checking and
 * writing the file again from its first row.
 *
 * The write pass cuts the valid rows, in file order, into segments of SEGMENT_BATCHES batches; it
 * sorts each segment by market and day (batches written at once then touch different monthly counts)
 * and cuts it into numbered batches. Each batch commits a row in import_job_batches with its rows;
 * a segment's last batch also records the line the next segment starts on. The segments and their
 * batches come out the same from the same file, so a resumed job starts after the last segment whose
 * batches have all committed and leaves out the batches after it that committed too (with several in
 * flight, they may commit out of order).
 */

export const SEGMENT_BATCHES = 16;
const SEGMENT_CHARS = 64_000_000;

/** A batch cut from a segment: its number and, on a segment's last batch, where the next one starts. */
export type NumberedBatch = { rows: ResolvedRow[]; batch: number; segmentEnd: boolean; nextLine: number | null };

/** Stored with the batch's rows, in their transaction. */
export async function recordBatch(tx: Tx, jobId: string, mark: Omit<NumberedBatch, "rows">, rows: number) {
  await tx
    .insert(importJobBatches)
    .values({ jobId, batch: mark.batch, rows, segmentEnd: mark.segmentEnd, nextLine: mark.nextLine });
}

/** A new run of the job (a restart) starts from the first row. */
export async function forgetBatches(tx: Tx | typeof db, jobId: string) {
  await tx.delete(importJobBatches).where(eq(importJobBatches.jobId, jobId));
}

export type ResumePoint = {
  /** The line to read from (null: from the first data row); `done`: every row has committed. */
  fromLine: number | null;
  done: boolean;
  /** The number of the first batch to cut from there. */
  nextBatch: number;
  /** Batches after the position that committed already: left out. */
  committed: Map<number, number>;
  /** Lines the check rejected (with skip-invalid): left out too. */
  rejectedLines: RejectedLines;
};

/** Where a job's committed batches end; null when none has committed. */
export async function resumePoint(jobId: string): Promise<ResumePoint | null> {
  const batches = await db
    .select({
      batch: importJobBatches.batch,
      rows: importJobBatches.rows,
      segmentEnd: importJobBatches.segmentEnd,
      nextLine: importJobBatches.nextLine,
    })
    .from(importJobBatches)
    .where(eq(importJobBatches.jobId, jobId))
    .orderBy(asc(importJobBatches.batch));
  if (batches.length === 0) return null;
  let point: { batch: number; nextLine: number | null } | null = null;
  for (const [index, b] of batches.entries()) {
    if (b.batch !== index) break;
    if (b.segmentEnd) point = { batch: b.batch, nextLine: b.nextLine };
  }
  const nextBatch = point ? point.batch + 1 : 0;
  const committed = new Map(batches.filter((b) => b.batch >= nextBatch).map((b) => [b.batch, b.rows] as const));
  const fromLine = point?.nextLine ?? null;
  return {
    fromLine,
    done: point !== null && point.nextLine === null,
    nextBatch,
    committed,
    rejectedLines: new RejectedLines(jobId, (fromLine ?? 1) - 1),
  };
}

const REJECTED_PAGE = 4096;

/**
 * The lines a job's check rejected, asked in ascending order as the file is read again: read from
 * import_errors a page at a time (by its index on job and line), so a file with a great many rejected
 * rows is not held whole.
 */
export class RejectedLines {
  private page: number[] = [];
  private next = 0;
  private exhausted = false;

  constructor(
    private readonly jobId: string,
    /** Lines up to this one are never asked about. */
    private after: number,
    private readonly pageSize = REJECTED_PAGE,
  ) {}

  /** Whether `line` was rejected; lines must be asked in ascending order. */
  async has(line: number): Promise<boolean> {
    for (;;) {
      while (this.next < this.page.length && (this.page[this.next] ?? 0) < line) this.next++;
      if (this.next < this.page.length) return this.page[this.next] === line;
      if (this.exhausted) return false;
      await this.load();
    }
  }

  /** Pages held at once: one. */
  get held(): number {
    return this.page.length;
  }

  private async load() {
    const rows = await db
      .selectDistinct({ line: importErrors.line })
      .from(importErrors)
      .where(and(eq(importErrors.jobId, this.jobId), gt(importErrors.line, this.after)))
      .orderBy(asc(importErrors.line))
      .limit(this.pageSize);
    this.page = rows.map((r) => r.line);
    this.next = 0;
    this.exhausted = rows.length < this.pageSize;
    const last = this.page[this.page.length - 1];
    if (last !== undefined) this.after = last;
  }
}

/**
 * Cuts rows (valid ones, in file order) into segments, sorts each by market and day and cuts it into
 * batches numbered from `first`.
 */
export async function* numberedBatches(
  rows: Iterable<ResolvedRow> | AsyncIterable<ResolvedRow>,
  batchSize: number,
  first: number,
): AsyncGenerator<NumberedBatch> {
  let number = first;
  let segment: ResolvedRow[] = [];
  let chars = 0;
  const cut = function* (nextLine: number | null): Generator<NumberedBatch> {
    const sorted = byMarketAndDay(segment);
    segment = [];
    chars = 0;
    const batches = new Batches<ResolvedRow>(batchSize);
    const all: ResolvedRow[][] = [];
    for (const row of sorted) {
      const batch = batches.add(row);
      if (batch) all.push(batch);
    }
    const last = batches.rest();
    if (last.length) all.push(last);
    for (const [i, rows] of all.entries()) {
      const segmentEnd = i === all.length - 1;
      yield { rows, batch: number++, segmentEnd, nextLine: segmentEnd ? nextLine : null };
    }
  };
  for await (const row of rows) {
    if (segment.length >= batchSize * SEGMENT_BATCHES || chars >= SEGMENT_CHARS) yield* cut(row.line);
    segment.push(row);
    chars += rowChars(row);
  }
  if (segment.length) yield* cut(null);
}
