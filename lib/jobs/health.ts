import { gt, sql } from "drizzle-orm";
import { db } from "@/db";
import { rowsOf } from "@/db/rows";
import { jobRunners } from "@/db/schema";
import { STALE_AFTER_MS } from "@/lib/imports/jobs";
import { BOSS_SCHEMA } from "./boss";
import { currentRunner, runsJobsInWeb } from "./runner";

export type RunnerHealth = {
  /** A runner is up to take jobs: this process's, or another one seen on the database lately. */
  ready: boolean;
  inThisProcess: boolean;
  runners: number;
  /** Jobs due to run and not taken yet. */
  waiting: number;
  oldestWaiting: string | null;
};

/** The job runner's state for GET /api/health. */
export async function runnerHealth(): Promise<RunnerHealth> {
  const seen = await db
    .select({ id: jobRunners.id })
    .from(jobRunners)
    .where(gt(jobRunners.seenAt, sql`now() - ${(2 * STALE_AFTER_MS) / 1000} * interval '1 second'`));
  let waiting = 0;
  let oldestWaiting: string | null = null;
  const [installed] = rowsOf<{ ok: boolean }>(
    await db.execute(sql`select to_regclass(${`${BOSS_SCHEMA}.job`}) is not null as ok`),
  );
  if (installed?.ok) {
    const [row] = rowsOf<{ n: number; oldest: string | null }>(
      await db.execute(sql`
        select count(*)::int as n, min(created_on)::text as oldest from ${sql.identifier(BOSS_SCHEMA)}.job
        where state in ('created', 'retry') and start_after <= now() and name not like '\\_\\_pgboss%'`),
    );
    waiting = Number(row?.n ?? 0);
    oldestWaiting = row?.oldest ? new Date(row.oldest).toISOString() : null;
  }
  const inThisProcess = runsJobsInWeb() && currentRunner() !== null;
  return { ready: inThisProcess || seen.length > 0, inThisProcess, runners: seen.length, waiting, oldestWaiting };
}

/** Whether the database answers a trivial query: /api/health's first question. */
export async function databaseAnswers(): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
