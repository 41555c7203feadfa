import { LRUCache } from "lru-cache";

/**
 * Reads whose answer depends on the reader's role, language and input alone (the dashboard, the metric,
 * the root-cause report and its matrices: sums over every complaint, the same for every reader of a
 * role) are answered from memory for READ_CACHE_SECONDS (default 30; 0 turns this off) after one reader
 * asked. At a million complaints they are most of a report page's database time, and many readers ask
 * the same.
 *
 * Every write this process makes (an operation's commit, an import or retention job) forgets them all,
 * so whoever changed something sees it at once; a change made by another process (a second web
 * process, a worker, the command line) shows within READ_CACHE_SECONDS.
 */
const entries = new LRUCache<string, { value: unknown }>({ max: 500, ttl: 30_000 });
const pending = new Map<string, Promise<unknown>>();
// A read that started before a write must not keep what it found once the write has committed.
let generation = 0;

function sharedReadSeconds(): number {
  const seconds = Number(process.env.READ_CACHE_SECONDS ?? 30);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : 0;
}

/** `load()`'s answer for `key`, from memory when another reader asked within READ_CACHE_SECONDS. */
export async function sharedRead<R>(key: string, load: () => Promise<R>): Promise<R> {
  const seconds = sharedReadSeconds();
  if (!seconds) return load();
  const kept = entries.get(key);
  // Each reader gets a copy: a page may sort or extend what it was handed.
  if (kept) return structuredClone(kept.value) as R;
  const inFlight = pending.get(key);
  if (inFlight) return structuredClone(await inFlight) as R;
  const startedAt = generation;
  const loading = load().then((value) => {
    // What is kept is a copy: the first reader may change its own before the others copy theirs.
    const copy = structuredClone(value);
    if (startedAt === generation) entries.set(key, { value: copy }, { ttl: seconds * 1000 });
    return { value, copy };
  });
  const shared = loading.then(({ copy }) => copy);
  shared.catch(() => {});
  pending.set(key, shared);
  try {
    return (await loading).value;
  } finally {
    if (pending.get(key) === shared) pending.delete(key);
  }
}

/** Forgets every shared read: this process has just changed data they may sum. */
export function forgetSharedReads(): void {
  generation += 1;
  entries.clear();
  pending.clear();
}
