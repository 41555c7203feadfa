import { db } from "@/db";
import type { Phrase } from "@/lib/i18n/say";
import type { ByteSource } from "./detect";
import type { ImportResult } from "./engine";
import type { ImportRun } from "./import-run";
import { reportBatch, reportProgress, saveErrors } from "./jobs";
import { Batches, rowChars } from "./pipeline";
import type { ImportPlan } from "./plan";
import { SEGMENT_BATCHES } from "./positions";
import { readRecords } from "./reader";
import type { ResolvedRow, RowError } from "./resolve-types";
import { SpeculativeWrite } from "./speculative";

// A file with no more rows than one segment of the write pass (SEGMENT_BATCHES batches), and no more
// than this many characters, is read once: the write pass would hold as many of its rows anyway.
// A bigger one is read again for the write pass, so the memory an import takes does not grow with it.
const CACHE_CHARS = 32_000_000;
// The first rows, for the sample of written complaints the job page links to.
const FIRST_KEPT = 5;

/** What the check leaves for the write pass: the resolved rows (when they fit) and the first ones already committed. */
export type Checked = {
  /** The valid rows in file order, or null when the file is read again. */
  cache: ResolvedRow[] | null;
  /** How many of the first valid rows committed while the file was being checked (batch 0). */
  early: number;
  /** The line of the first valid row after those (null: there is none). */
  nextLine: number | null;
};

/**
 * Pass 1: every row checked before anything is committed; the problems and progress are stored as
 * it goes. The resolved rows of a file that fits the cache are kept, so the write pass need not read
 * and resolve the file again; with `speculate`, the first batches are written meanwhile in a
 * transaction that commits only once the whole file has checked out (see SpeculativeWrite); a file
 * too big to keep is read again from the row after them.
 * Answers the job's end when it ends here (problems, a dry run, a cancel).
 */
export async function checkRows(
  run: ImportRun,
  plan: ImportPlan,
  source: ByteSource,
  speculate: boolean,
): Promise<Checked | { result: ImportResult }> {
  const { options, state, jobId, claim } = run;
  const format = plan.format;
  let cache: ResolvedRow[] | null = [];
  const cacheRows = plan.batchSize * SEGMENT_BATCHES;
  const first: ResolvedRow[] = [];
  let valid = 0;
  // Per batch handed to the early write, the line of the valid row after it (a resumed job starts
  // there); one entry a batch, and only files of a few seconds' check are written early.
  const nextLines = new Map<number, number>();
  let lineWanted: number | null = null;
  const nextLineAfter = (rows: number) => nextLines.get(rows) ?? null;
  let speculative: SpeculativeWrite | null = null;
  if (speculate) {
    speculative = new SpeculativeWrite(
      (tx, rows) => plan.writer.writeInShared(tx, rows),
      async (tx, done) => {
        // The check has ended: its figures commit with the rows, which a resumed job starts after.
        await reportProgress(jobId, run.progress(), tx, claim);
        return reportBatch(tx, jobId, done.rows, done.written, claim, {
          batch: 0,
          segmentEnd: true,
          nextLine: nextLineAfter(done.rows),
        });
      },
    );
    const open = speculative;
    run.onFailure(() => open.abandon());
  }
  const giveUpSpeculating = async () => {
    await speculative?.abandon();
    speculative = null;
  };
  // Problems and progress are stored in order behind the check. While rows are being written early,
  // the check does not wait for them: the pool's connections may all be taken by sessions waiting
  // for the locks of those rows, which are released only once the check ends.
  const pending: RowError[] = [];
  let cancelAsked = false;
  const store = async (work: () => Promise<void>) => {
    run.bookkeeping = run.bookkeeping.then(work);
    run.bookkeeping.catch(() => {}); // awaited later, where a failure is reported
    if (!speculative?.open) await run.bookkeeping;
  };
  const storeErrors = () => {
    const errors = pending.splice(0);
    return store(() => saveErrors(jobId, errors));
  };

  let lastReport = Date.now();
  let cacheChars = 0;
  const earlyBatches = new Batches<ResolvedRow>(plan.batchSize);
  for await (const record of readRecords(source, format)) {
    state.rowsRead++;
    const outcome = plan.resolver.resolve(record.line, record.values);
    if ("row" in outcome) {
      valid++;
      if (lineWanted !== null) nextLines.set(lineWanted, outcome.row.line);
      lineWanted = null;
      if (first.length < FIRST_KEPT) first.push(outcome.row);
      if (cache) {
        cache.push(outcome.row);
        cacheChars += rowChars(outcome.row);
        if (cache.length > cacheRows || cacheChars > CACHE_CHARS) cache = null;
      }
      if (speculative?.open) {
        const batch = earlyBatches.add(outcome.row);
        if (batch && speculative.push(batch)) lineWanted = valid;
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
      run.keep(outcome.errors);
      if (pending.length >= 1000) await storeErrors();
    }
    if (Date.now() - lastReport > 1000) {
      lastReport = Date.now();
      await storeErrors();
      const snapshot = run.progress();
      await store(async () => {
        if (await reportProgress(jobId, snapshot, db, claim)) cancelAsked = true;
      });
      options.onProgress?.({ phase: "validating", ...run.progress(), rowsPerSecond: 0 });
    }
    if (cancelAsked) {
      await giveUpSpeculating();
      return { result: await run.finish("cancelled", "importRules.outcome.cancelledChecking") };
    }
  }
  const passed = (state.rejected === 0 || !!options.skipInvalid) && !options.dryRun;
  state.total = state.rowsRead;
  state.checkedMs = Date.now() - run.started;
  // The check passed: what was written meanwhile commits (the file's first valid rows).
  const taken = passed && speculative ? speculative.stop() : 0;
  if (!passed) await giveUpSpeculating();
  await storeErrors();
  await run.bookkeeping;
  options.onProgress?.({ phase: "validating", ...run.progress(), rowsPerSecond: 0 });

  if (state.rejected > 0 && !options.skipInvalid) {
    return {
      result: await run.finish("failed", [
        "importRules.outcome.rowsWithProblems",
        { rejected: state.rejected, read: state.rowsRead },
      ]),
    };
  }
  if (options.dryRun) {
    return {
      result: await run.finish("completed", ["importRules.outcome.dryRun", { valid, rejected: state.rejected }]),
    };
  }
  let early = 0;
  if (speculative && taken > 0) {
    const outcome = await speculative.outcome;
    if (outcome.rows > 0) {
      early = outcome.rows;
      state.speculated = outcome.rows;
      await run.committed(early, first.slice(0, early), outcome.written, outcome.created, plan.lookups);
      // A cancel seen only once every row had been written has nothing left to stop.
      if (outcome.cancel && early < valid) return { result: await run.finish("cancelled", cancelledAfter(run, valid)) };
    }
  }
  return { cache, early, nextLine: early > 0 ? nextLineAfter(early) : null };
}

export const cancelledAfter = (run: ImportRun, valid: number): Phrase => [
  "importRules.outcome.cancelled",
  { written: run.state.written, valid },
];
