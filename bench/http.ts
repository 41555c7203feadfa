// Drives the running server over HTTP: first one client, request after request, to pair each
// request's time with the SQL time the server recorded for it (DB_TIMING_LOG); then autocannon with
// `clients` connections for a fixed time, for the latencies users meet under load.
import { closeSync, openSync, readSync, statSync } from "node:fs";
import autocannon from "autocannon";

export type Scenario = {
  name: string;
  /** p95 target in ms under load, if the issue sets one. */
  target?: number;
  auth: "token" | "cookie";
  paths: string[];
  /**
   * Each path is asked once, by one client or another, and nothing is warmed first: what the first
   * view of a page costs where the server keeps something from one view to the next.
   */
  firstViews?: boolean;
};

export type Measured = {
  name: string;
  auth: "token" | "cookie";
  target: number | null;
  paths: string[];
  load: { requests: number; rps: number; p50: number; p95: number; p99: number; errors: number; non2xx: number };
  single: {
    requests: number;
    p50: number;
    sqlP50: number;
    ratio: number;
    statuses: number[];
    /** CPU the web server's processes used per counted request, in ms (their /proc times). */
    serverCpuMs?: number;
    /** CPU PostgreSQL's processes used per counted request, in ms (the cluster's, so quiet only if it is the bench's own). */
    databaseCpuMs?: number;
  };
  pass: boolean | null;
  /** Set when `--only` measured this request kind again after the full run. */
  remeasuredAt?: string;
};

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const now = () => performance.timeOrigin + performance.now();

/** Reads the timing log from `offset`: the [start, end] pairs written since. */
function readIntervals(file: string, offset: number): { intervals: [number, number][]; offset: number } {
  const size = statSync(file).size;
  if (size <= offset) return { intervals: [], offset };
  const buffer = Buffer.alloc(size - offset);
  const fd = openSync(file, "r");
  readSync(fd, buffer, 0, buffer.length, offset);
  closeSync(fd);
  const text = buffer.toString("utf8");
  const complete = text.lastIndexOf("\n") + 1;
  const intervals = text
    .slice(0, complete)
    .split("\n")
    .filter(Boolean)
    .map((line) => line.split(" ").map(Number) as [number, number]);
  return { intervals, offset: offset + Buffer.byteLength(text.slice(0, complete)) };
}

/** Length of the union of the intervals inside [from, to]: parallel queries count once. */
export function coveredTime(intervals: [number, number][], from: number, to: number): number {
  const inside = intervals
    .filter(([s, e]) => s >= from - 1 && e <= to + 1)
    .map(([s, e]) => [Math.max(s, from), Math.min(e, to)] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [s, e] of inside) {
    if (e <= end) continue;
    total += e - Math.max(s, end);
    end = e;
  }
  return total;
}

/** Reads of the CPU time (ms) the web server's and PostgreSQL's processes have used so far. */
export type CpuClocks = { server: () => number; database: () => number | null };

async function singleClient(
  baseUrl: string,
  paths: string[],
  headers: Record<string, string>,
  log: string,
  n: number,
  cpu?: CpuClocks,
  firstViews = false,
) {
  let { offset } = readIntervals(log, 0);
  const times: number[] = [];
  const sqlTimes: number[] = [];
  const statuses = new Set<number>();
  // The first round warms the server's code and caches for these paths: not counted.
  const counted = !firstViews && n > paths.length * 2 ? paths.length : 0;
  let cpuFrom: { server: number; database: number | null } | null = null;
  for (let i = 0; i < n; i++) {
    if (i === counted && cpu) cpuFrom = { server: cpu.server(), database: cpu.database() };
    const from = now();
    const res = await fetch(baseUrl + paths[i % paths.length], { headers, redirect: "manual" });
    await res.arrayBuffer();
    const to = now();
    statuses.add(res.status);
    // The log is written asynchronously: give it a moment before reading this request's queries.
    await new Promise((r) => setTimeout(r, 30));
    const read = readIntervals(log, offset);
    offset = read.offset;
    times.push(to - from);
    sqlTimes.push(coveredTime(read.intervals, from, to));
  }
  const t = times.slice(counted).sort((a, b) => a - b);
  const s = sqlTimes.slice(counted).sort((a, b) => a - b);
  const p50 = percentile(t, 50);
  const sqlP50 = percentile(s, 50);
  const perRequest = (used: number) => Math.round((used / t.length) * 10) / 10;
  const databaseNow = cpu?.database() ?? null;
  return {
    requests: t.length,
    p50,
    sqlP50,
    ratio: sqlP50 > 0 ? p50 / sqlP50 : Number.NaN,
    statuses: [...statuses],
    ...(cpu && cpuFrom ? { serverCpuMs: perRequest(cpu.server() - cpuFrom.server) } : {}),
    ...(databaseNow !== null && cpuFrom?.database != null
      ? { databaseCpuMs: perRequest(databaseNow - cpuFrom.database) }
      : {}),
  };
}

function underLoad(
  baseUrl: string,
  paths: string[],
  headers: Record<string, string>,
  clients: number,
  seconds: number,
  firstViews = false,
) {
  return new Promise<Measured["load"]>((resolve, reject) => {
    const latencies: number[] = [];
    // Shared by the connections, so no two ask for the same path (each connection would otherwise
    // walk the same list from its start).
    let next = 0;
    const instance = autocannon(
      {
        url: baseUrl,
        connections: clients,
        duration: seconds,
        timeout: 30,
        headers,
        requests: firstViews
          ? [{ method: "GET", setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) }]
          : paths.map((path) => ({ method: "GET", path })),
      },
      (error, result) => {
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        resolve({
          requests: latencies.length,
          rps: Math.round((latencies.length / seconds) * 10) / 10,
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          p99: percentile(latencies, 99),
          errors: result.errors + result.timeouts,
          non2xx: result.non2xx,
        });
      },
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

export async function measure(
  baseUrl: string,
  scenario: Scenario,
  headers: Record<string, string>,
  options: { clients: number; seconds: number; timingLog: string; cpu?: CpuClocks },
): Promise<Measured> {
  // First views: the one client takes the first 20 paths, the load the others.
  const single = scenario.firstViews
    ? await singleClient(baseUrl, scenario.paths.slice(0, 20), headers, options.timingLog, 20, options.cpu, true)
    : await singleClient(
        baseUrl,
        scenario.paths,
        headers,
        options.timingLog,
        Math.max(20, scenario.paths.length * 4),
        options.cpu,
      );
  const loadPaths = scenario.firstViews ? scenario.paths.slice(20) : scenario.paths;
  const load = await underLoad(baseUrl, loadPaths, headers, options.clients, options.seconds, scenario.firstViews);
  const ok = single.statuses.every((s) => s === 200);
  return {
    name: scenario.name,
    auth: scenario.auth,
    target: scenario.target ?? null,
    paths: scenario.paths,
    load,
    single,
    pass: scenario.target === undefined ? null : ok && load.p95 <= scenario.target && load.errors + load.non2xx === 0,
  };
}
