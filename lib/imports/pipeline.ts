import type { ResolvedRow } from "./resolve-types";

/**
 * Runs batch writes with up to `concurrency` in flight (PostgreSQL spreads them over its cores while
 * this process parses the next rows). The first failure stops everything and is rethrown.
 */
export class WritePipeline<T> {
  private readonly inflight = new Set<Promise<void>>();
  private failure: unknown = null;
  cancelled = false;

  constructor(
    private readonly concurrency: number,
    private readonly write: (batch: T) => Promise<boolean>,
  ) {}

  async push(batch: T): Promise<void> {
    while (this.inflight.size >= this.concurrency) await Promise.race(this.inflight);
    this.check();
    const running: Promise<void> = this.write(batch)
      .then(
        (cancel) => {
          if (cancel) this.cancelled = true;
        },
        (error) => {
          this.failure ??= error;
        },
      )
      .finally(() => this.inflight.delete(running));
    this.inflight.add(running);
  }

  async drain(): Promise<void> {
    await this.settle();
    this.check();
  }

  /** Waits for the batches in flight, without rethrowing: after a failure, so that what committed is counted. */
  async settle(): Promise<void> {
    await Promise.all(this.inflight);
  }

  private check() {
    if (this.failure) throw this.failure;
  }
}

// A batch also ends at this many characters, so files of long narratives do not build huge statements.
const BATCH_CHARS = 4_000_000;

export const rowChars = (row: { narrative: string | null; summary: string }) =>
  (row.narrative?.length ?? 0) + row.summary.length + 200;

/** Collects rows into batches of at most `size` rows and BATCH_CHARS characters. */
export class Batches<T extends { narrative: string | null; summary: string }> {
  private rows: T[] = [];
  private chars = 0;

  constructor(private readonly size: number) {}

  /** Adds a row; answers the batch it completes, if it does. */
  add(row: T): T[] | null {
    this.rows.push(row);
    this.chars += rowChars(row);
    return this.rows.length >= this.size || this.chars >= BATCH_CHARS ? this.rest() : null;
  }

  /** The rows collected since the last complete batch. */
  rest(): T[] {
    const rows = this.rows;
    this.rows = [];
    this.chars = 0;
    return rows;
  }
}

/**
 * The rows in the order of the monthly counts and the date indexes they go into: batches written at
 * once then touch different counts, so neither waits for the other's, and each index takes its
 * entries close together. (Stable: within a day, file order.)
 */
export function byMarketAndDay(rows: ResolvedRow[]): ResolvedRow[] {
  return rows.sort((a, b) =>
    a.market < b.market
      ? -1
      : a.market > b.market
        ? 1
        : a.receivedOn < b.receivedOn
          ? -1
          : a.receivedOn > b.receivedOn
            ? 1
            : 0,
  );
}
