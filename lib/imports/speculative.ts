import { db, type Tx } from "@/db";
import { type BatchResult, commitWithoutWaitingForDisk } from "./batch-writer";
import type { Created } from "./lookups";
import type { ResolvedRow } from "./resolve-types";
import { addCounts, type BatchCounts } from "./writer";

/** Thrown inside the transaction to roll it back; never leaves this module. */
class Abandoned extends Error {}

export type SpeculativeOutcome = {
  /** Rows committed: the first `rows` valid rows of the file, in file order. */
  rows: number;
  written: BatchCounts;
  created: Created[];
  /** Whether someone asked to cancel the job by the time it committed. */
  cancel: boolean;
};

const MERGE_MAX = 4;
// Batches waiting to be written at most: once the check has run this far ahead of the writing, the
// rest of the file is written after the check, as usual, and its rows are not held meanwhile.
export const QUEUE_MAX = 2 * MERGE_MAX;

const NOTHING: SpeculativeOutcome = {
  rows: 0,
  written: { inserted: 0, updated: 0, unchanged: 0 },
  created: [],
  cancel: false,
};

/**
 * Writes the first batches of a file while the rest of it is still being checked, in one
 * transaction that commits only when the whole file has checked out; until then nobody sees these
 * rows, so "one invalid row and nothing is written" holds. Checking is this process's work and
 * writing the database's, so on PostgreSQL the two run on different cores at once.
 *
 * The transaction holds its rows' locks (and those of the monthly counts they add to) until the
 * check ends, so it is only opened for files that check within seconds. It runs its batches one at
 * a time; when the check ends it takes no more, and the batches it did not reach are written as
 * usual. Any failure (another import writing the same rows, a deadlock) rolls it back, and then
 * those batches are written as usual too.
 */
export class SpeculativeWrite {
  private readonly queue: ResolvedRow[][] = [];
  private wake: (() => void) | null = null;
  private state: "open" | "finishing" | "abandoned" = "open";
  private failed = false;
  /** Set when a batch found the queue full: the batches it takes stay the file's first ones. */
  private full = false;
  /** Rows taken from the queue: written, or being written. */
  private taken = 0;
  /** Settles when the transaction has committed or rolled back. */
  readonly outcome: Promise<SpeculativeOutcome>;

  constructor(
    write: (tx: Tx, rows: ResolvedRow[]) => Promise<BatchResult>,
    /** Runs last inside the transaction (the job's count of written rows); answers whether to cancel. */
    beforeCommit: (tx: Tx, done: Omit<SpeculativeOutcome, "cancel">) => Promise<boolean>,
  ) {
    this.outcome = db
      .transaction(async (tx) => {
        await commitWithoutWaitingForDisk(tx);
        const done = { rows: 0, written: NOTHING.written, created: [] as Created[] };
        for (;;) {
          if (this.state === "abandoned") throw new Abandoned();
          if (this.state === "finishing") break;
          // Batches that queued up while the last one was written go in together: fewer round trips,
          // which wait for this busy process's event loop.
          const batch = this.queue.splice(0, MERGE_MAX).flat();
          if (batch.length === 0) {
            await new Promise<void>((resolve) => (this.wake = resolve));
            continue;
          }
          this.taken += batch.length;
          const { written, created } = await write(tx, batch);
          done.rows += batch.length;
          done.written = addCounts(done.written, written);
          done.created.push(created);
        }
        if (done.rows === 0) throw new Abandoned();
        return { ...done, cancel: await beforeCommit(tx, done) };
      })
      .catch(() => {
        this.failed = true;
        return NOTHING;
      });
  }

  /** Whether it still takes batches. */
  get open(): boolean {
    return this.state === "open" && !this.failed;
  }

  /** Hands it the next batch; answers whether it took it (none after one it did not). */
  push(rows: ResolvedRow[]): boolean {
    if (!this.open || this.full) return false;
    if (this.queue.length >= QUEUE_MAX) {
      this.full = true;
      return false;
    }
    this.queue.push(rows);
    this.signal();
    return true;
  }

  /** Batches waiting to be written. */
  get waiting(): number {
    return this.queue.length;
  }

  /**
   * The check passed: take no more batches, finish the one in hand and commit. Answers how many rows
   * that is (the file's first valid rows); `outcome` says whether they committed.
   */
  stop(): number {
    if (this.state === "open") this.state = "finishing";
    this.queue.length = 0;
    this.signal();
    return this.failed ? 0 : this.taken;
  }

  /** The check failed or was cancelled: roll back (unless it is already committing), and wait until that is done. */
  async abandon(): Promise<void> {
    if (this.state === "open") this.state = "abandoned";
    this.queue.length = 0;
    this.signal();
    await this.outcome;
  }

  private signal() {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
