import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { noneCreated } from "@/lib/taxonomies/create-missing";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import type { ResolvedRow } from "./resolve-types";
import { QUEUE_MAX, SpeculativeWrite } from "./speculative";

let database: TestDatabase;

beforeAll(async () => {
  database = await useTestDatabase();
});

afterAll(async () => {
  await database.drop();
});

const batch = (n: number) => Array.from({ length: 10 }, (_, i) => ({ line: n * 10 + i + 2 }) as ResolvedRow);

describe("SpeculativeWrite", () => {
  it("holds no more than its queue's batches while the check runs far ahead, and takes none after one it refused", async () => {
    let release = () => {};
    const writing = new Promise<void>((resolve) => (release = resolve));
    let taking = () => {};
    const tookFirst = new Promise<void>((resolve) => (taking = resolve));
    const written: number[] = [];
    const speculative = new SpeculativeWrite(
      async (_tx, rows) => {
        taking();
        await writing;
        written.push(...rows.map((r) => r.line));
        return { written: { inserted: rows.length, updated: 0, unchanged: 0 }, created: emptyCreated() };
      },
      async () => false,
    );
    // The transaction takes the first batch and is held writing it; the check goes on through 10,000 more.
    let accepted = 0;
    let mostWaiting = 0;
    let refusedAt: number | null = null;
    for (let n = 0; n < 10_000; n++) {
      if (speculative.push(batch(n))) {
        accepted++;
        expect(refusedAt).toBeNull();
      } else refusedAt ??= n;
      mostWaiting = Math.max(mostWaiting, speculative.waiting);
      if (n === 0) await tookFirst;
    }
    expect(mostWaiting).toBeLessThanOrEqual(QUEUE_MAX);
    expect(accepted).toBeLessThanOrEqual(QUEUE_MAX + 1);
    release();
    // Its queue drained, it still takes no more: what it writes stays the file's first rows.
    await vi.waitFor(() => expect(written).toHaveLength(accepted * 10));
    expect(speculative.push(batch(10_000))).toBe(false);
    const taken = speculative.stop();
    const outcome = await speculative.outcome;
    expect(outcome.rows).toBe(taken);
    expect(written).toEqual(Array.from({ length: taken }, (_, i) => i + 2));
  });
});

function emptyCreated() {
  return { markets: [], products: [], categories: [], rootCauses: [], items: noneCreated() };
}
