import { describe, expect, it } from "vitest";
import { percentile, runLoad } from "./load";

describe("benchmark statistics", () => {
  it("takes nearest-rank percentiles", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile([7], 95)).toBe(7);
  });

  it("runs every request once and counts failures", async () => {
    const seen = new Set<number>();
    const stats = await runLoad(
      async (i) => {
        seen.add(i);
        if (i % 10 === 0) throw new Error("boom");
      },
      { clients: 4, requests: 50, warmup: 0 },
    );
    expect(stats.count).toBe(50);
    expect(seen.size).toBe(50);
    expect(stats.errors).toBe(5);
  });
});
