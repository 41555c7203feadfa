import { performance } from "node:perf_hooks";

export type Stats = { count: number; errors: number; p50: number; p95: number; max: number; perSecond: number };

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

/**
 * Runs `task` from `clients` concurrent loops until `requests` have completed, after `warmup`
 * untimed calls. A task that throws counts as an error (and its time is still recorded).
 */
export async function runLoad(
  task: (i: number) => Promise<void>,
  options: { clients: number; requests: number; warmup: number },
): Promise<Stats> {
  for (let i = 0; i < options.warmup; i++) await task(i).catch(() => {});
  const times: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.clients }, async () => {
      while (next < options.requests) {
        const i = next++;
        const t0 = performance.now();
        try {
          await task(i);
        } catch {
          errors++;
        }
        times.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return {
    count: times.length,
    errors,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: times[times.length - 1] ?? NaN,
    perSecond: times.length / elapsed,
  };
}
