import PgBoss from "pg-boss";
import { getDatabase } from "@/db";
import type { DbHandle } from "@/db/client";

/**
 * pg-boss over this process's database. On PostgreSQL it keeps a small pool of its own; on PGlite
 * (one process owns the folder) it runs its statements through the process's one PGlite, by
 * pg-boss's `db` option: an object with `executeSql(text, values)`.
 */
export const BOSS_SCHEMA = "pgboss";

export const QUEUES = {
  import: "import",
  retention: "retention",
  export: "export",
  exportCleanup: "export-cleanup",
  similarPools: "similar-pools",
} as const;

function pgliteExecutor(handle: DbHandle) {
  const pglite = handle.pglite;
  if (!pglite) throw new Error("No PGlite to run jobs on");
  return {
    async executeSql(text: string, values?: unknown[]) {
      // pg-boss sends its schema and migrations as several statements without parameters.
      if (!values || values.length === 0) {
        const results = await pglite.exec(text);
        return results.at(-1) ?? { rows: [] };
      }
      return pglite.query(text, values as unknown[]);
    },
  };
}

export type BossRole = {
  /** Run the maintenance and the schedules (a runner); a process that only sends jobs does not. */
  supervise: boolean;
};

export function createBoss(handle: DbHandle, role: BossRole): PgBoss {
  const common = {
    schema: BOSS_SCHEMA,
    migrate: true,
    supervise: role.supervise,
    schedule: role.supervise,
    // How often a runner checks the schedules; one runner at a time does, so each fires once.
    cronMonitorIntervalSeconds: Number(process.env.JOBS_CRON_CHECK_SECONDS) || 30,
    cronWorkerIntervalSeconds: 5,
  };
  if (handle.kind === "postgres") {
    if (!handle.url) throw new Error("No database URL to run jobs on");
    return new PgBoss({ ...common, connectionString: handle.url, max: 3, application_name: "complaint-jobs" });
  }
  return new PgBoss({ ...common, db: pgliteExecutor(handle) });
}

const globalForBoss = globalThis as unknown as { __jobBoss?: Promise<PgBoss> };

/**
 * The process's pg-boss, started on first use. The runner starts it first (with supervision);
 * a process that only sends jobs (a web process with JOBS_IN_WEB=false, the command line) gets one
 * that only sends.
 */
export function getBoss(role: BossRole = { supervise: false }): Promise<PgBoss> {
  if (!globalForBoss.__jobBoss) {
    const boss = createBoss(getDatabase(), role);
    boss.on("error", (error) => console.error("Job runner:", error instanceof Error ? error.message : error));
    globalForBoss.__jobBoss = (async () => {
      await boss.start();
      await ensureQueues(boss);
      return boss;
    })();
    globalForBoss.__jobBoss.catch(() => {
      globalForBoss.__jobBoss = undefined;
    });
  }
  return globalForBoss.__jobBoss;
}

export async function stopBoss(): Promise<void> {
  const pending = globalForBoss.__jobBoss;
  globalForBoss.__jobBoss = undefined;
  const boss = await pending?.catch(() => null);
  await boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
}

type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** How each queue retries and expires (pg-boss's queue options, less the name). */
const QUEUE_OPTIONS: Record<QueueName, Omit<PgBoss.Queue, "name">> = {
  // An import's claim lives on its import_jobs row (see claims.ts); pg-boss's own expiry is only
  // a backstop, and a repeated delivery finds the job taken or done and does nothing.
  [QUEUES.import]: { policy: "standard", retryLimit: 5, retryDelay: 5, expireInHours: 23 },
  // An export's claim lives on its export_jobs row; a delivery whose runner died is retried once
  // pg-boss sees it expire, and the retry takes the job over from the start.
  [QUEUES.export]: { policy: "standard", retryLimit: 3, retryDelay: 10, expireInSeconds: 30 * 60 },
  [QUEUES.exportCleanup]: { policy: "stately", expireInHours: 1 },
  // One look over similar-complaint pools waiting and one running, however many ask (the schedule,
  // an import's end, a look that left some for the next).
  [QUEUES.similarPools]: { policy: "stately", retryLimit: 1, retryDelay: 30, expireInSeconds: 15 * 60 },
  // At most one retention run waiting and one running, whichever instance sent it.
  [QUEUES.retention]: { policy: "stately", retryLimit: 2, retryDelay: 60, expireInHours: 6 },
};

async function ensureQueues(boss: PgBoss) {
  const existing = new Set((await boss.getQueues()).map((q) => q.name));
  for (const [name, options] of Object.entries(QUEUE_OPTIONS))
    if (!existing.has(name)) await boss.createQueue(name, { name, ...options });
}
