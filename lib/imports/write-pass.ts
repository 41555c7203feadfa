import { getDatabase } from "@/db";
import type { ImportRun } from "./import-run";
import { WritePipeline } from "./pipeline";
import type { ImportPlan } from "./plan";
import { type NumberedBatch, numberedBatches, type RejectedLines } from "./positions";
import type { RowResolver } from "./resolve";
import type { ResolvedRow } from "./resolve-types";

function defaultConcurrency(): number {
  return getDatabase().kind === "postgres" ? 2 : 1;
}

export type WriteFrom = {
  /** The number of the first batch cut from the rows. */
  firstBatch: number;
  /** Batches that committed in an earlier attempt (number → rows): left out. */
  committed?: Map<number, number>;
};

/**
 * Pass 2: writes the rows in numbered batches, each committed with the job's progress and its
 * position (see positions.ts), up to `concurrency` at once. Answers whether it was cancelled.
 */
export async function writeRows(
  run: ImportRun,
  plan: ImportPlan,
  rows: Iterable<ResolvedRow> | AsyncIterable<ResolvedRow>,
  from: WriteFrom,
): Promise<{ cancelled: boolean }> {
  const pipeline = new WritePipeline<NumberedBatch>(
    run.options.concurrency ?? defaultConcurrency(),
    async ({ rows, ...mark }) => {
      const { cancel, created, written } = await plan.writer.commit(rows, mark);
      await run.committed(rows.length, rows, written, [created], plan.lookups);
      return cancel;
    },
  );
  // A batch still in flight may commit: it is counted before the job is closed.
  run.onFailure(() => pipeline.settle());
  for await (const batch of numberedBatches(rows, plan.batchSize, from.firstBatch)) {
    const done = from.committed?.get(batch.batch);
    if (done !== undefined) {
      // The file cuts into the same batches every time; one that does not is not left out blindly.
      if (done !== batch.rows.length)
        throw new Error(`Batch ${batch.batch} has ${batch.rows.length} rows now, ${done} when it committed`);
      continue;
    }
    await pipeline.push(batch);
    if (pipeline.cancelled) break;
  }
  await pipeline.drain();
  return { cancelled: pipeline.cancelled };
}

/** The first valid rows of the file, written while it was checked: resolved again (their ids are met again), not yielded. */
export type WrittenEarly = { rows: number; nextLine: number | null };

/** The valid rows of another read of the file (a file too big to keep, or a resumed job's rest). */
export async function* validRows(
  records: AsyncIterable<{ line: number; values: string[] }>,
  resolver: RowResolver,
  resumed?: { rejectedLines: RejectedLines },
  early?: WrittenEarly,
): AsyncGenerator<ResolvedRow> {
  let skip = early?.rows ?? 0;
  for await (const record of records) {
    if (resumed && (await resumed.rejectedLines.has(record.line))) continue;
    const outcome = resolver.resolve(record.line, record.values);
    if ("row" in outcome) {
      if (skip > 0) {
        skip--;
        continue;
      }
      // The file reads the same again, so the rows after those written early start where they did.
      if (early && early.rows > 0 && outcome.row.line !== early.nextLine)
        throw new Error(`Line ${outcome.row.line} follows the rows written early, line ${early.nextLine} did`);
      early = undefined;
      yield outcome.row;
    }
    // Resumed after the check passed: a row that no longer checks out (a taxonomy changed since)
    // would shift the batches, so the job stops and says which row.
    else if (resumed) {
      const first = outcome.errors[0];
      throw new Error(
        `Line ${record.line} no longer checks out (${first?.column ?? "row"}: ${first?.reason ?? "invalid"}); restart the import to check the file again`,
      );
    }
  }
}
