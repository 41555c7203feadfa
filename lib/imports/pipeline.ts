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
    await Promise.all(this.inflight);
    this.check();
  }

  private check() {
    if (this.failure) throw this.failure;
  }
}
