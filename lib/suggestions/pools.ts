import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { postgresError } from "@/db/errors";
import { rowsOf } from "@/db/rows";
import { OPEN_STATUSES } from "@/lib/complaints/workflow";
import { describeError, logError } from "@/lib/log";
import { findPool, hoursAgo, poolMaxAgeHours, poolOf, TARGET_COLUMNS, type Target, TEXT_HASH } from "./engine";

/** How many pools one job finds before it hands over to the next (about 250 ms each at a million complaints). */
export const POOLS_PER_JOB = 40;

/**
 * Which complaints the job runner keeps pools for: those being worked, open and received in the
 * last SIMILAR_POOL_DAYS days (default 30; 0 turns it off). A history import of closed or old
 * complaints adds nothing to find; a day's intake is found within a minute or two.
 */
export function poolDays(): number {
  const days = Number(process.env.SIMILAR_POOL_DAYS || 30);
  return Number.isFinite(days) && days >= 0 ? Math.min(Math.floor(days), 3660) : 30;
}

/**
 * Finds and stores the similar-complaint pools the complaints being worked lack: no pool, a pool
 * found for a text since edited, or one past five sixths of its age (so the stored pool a reader is
 * given is never past its age while the runner keeps up). Newest first, at most `limit`, until
 * `stopping()` says so; pools past their age are removed. Answers how many were found and whether
 * more are waiting.
 */
export async function refreshSimilarPools(
  q: Db,
  limit = POOLS_PER_JOB,
  stopping: () => boolean = () => false,
): Promise<{ found: number; failed: number; removed: number; more: boolean }> {
  try {
    return await refresh(q, limit, stopping);
  } catch (error) {
    // The job fails and pg-boss, which keeps the error with the job, retries it later: the error says
    // only its kind and SQLSTATE (a query's error carries its parameters, a complaint's words among them).
    throw new Error(`Similar complaints: ${describeError(error).message}`);
  }
}

async function refresh(q: Db, limit: number, stopping: () => boolean) {
  const hours = poolMaxAgeHours();
  const refresh = (hours * 5) / 6;
  const removed = rowsOf<{ n: number }>(
    await q.execute(sql`
      with gone as (
        delete from complaint_similar_pools where computed_at < ${hoursAgo(hours)}
        returning 1
      ) select count(*)::int as n from gone`),
  )[0]?.n;
  if (!poolDays()) return { found: 0, failed: 0, removed: removed ?? 0, more: false };
  const due = rowsOf<Target>(
    await q.execute(sql`
      select ${TARGET_COLUMNS}
      from complaints c
      left join complaint_similar_pools p on p.complaint_id = c.id
      where ${inScope()}
        and (p.complaint_id is null or p.text_hash <> ${TEXT_HASH} or p.computed_at < ${hoursAgo(refresh)})
        and (p.failed_at is null or p.failed_at < ${hoursAgo(refresh)})
      order by c.received_on desc, c.id
      limit ${limit + 1}`),
  );
  const batch = due.slice(0, limit);
  let failed = 0;
  let done = 0;
  for (const target of batch) {
    if (stopping()) break;
    try {
      await storePool(q, target);
    } catch (error) {
      // The database gone, or busy (a lost connection, a shutdown, too many clients, a deadlock): the
      // job fails, and pg-boss retries it later.
      if (!ofThisComplaint(error)) throw error;
      // One complaint that cannot be looked up (a statement timeout, say) does not hold up the
      // others: it is marked, and waits as long as a found pool would before it is tried again (a
      // pool found before stays read until its age is up; with none, the marker is never read).
      failed++;
      logError("Similar complaints: a pool could not be found", error, { complaintId: target.id });
      await q.execute(sql`
        insert into complaint_similar_pools (complaint_id, text_hash, candidate_ids, ranks, trigrams, failed_at)
        select c.id, '', '{}', '{}', '{}', now() from complaints c where c.id = ${target.id}::uuid
        on conflict (complaint_id) do update set failed_at = excluded.failed_at`);
    }
    done++;
  }
  return {
    found: done - failed,
    failed,
    removed: removed ?? 0,
    more: due.length > limit || done < batch.length,
  };
}

/** Complaints `c` in the runner's care: open, received in the last poolDays() days. */
function inScope() {
  const open = sql.join(
    OPEN_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  return sql`c.received_on >= current_date - ${poolDays()}::int and c.status in (${open})`;
}

/** How many complaints are in the runner's care, and how many of them have a pool for their text as it is. */
export async function poolCoverage(q: Db): Promise<{ inScope: number; pooled: number }> {
  const [row] = rowsOf<{ inScope: number; pooled: number }>(
    await q.execute(sql`
      select count(*)::int as "inScope", count(p.complaint_id)::int as pooled
      from complaints c
      left join complaint_similar_pools p on p.complaint_id = c.id and p.text_hash = ${TEXT_HASH}
      where ${inScope()}`),
  );
  return { inScope: row?.inScope ?? 0, pooled: row?.pooled ?? 0 };
}

/** Whether a failure is this complaint's own (a statement timeout, a limit its words reach), not the database's. */
function ofThisComplaint(error: unknown): boolean {
  const code = postgresError(error)?.code;
  if (!code || !/^[0-9A-Z]{5}$/.test(code)) return false;
  return !/^(08|53|57P|40)/.test(code);
}

async function storePool(q: Db, target: Target) {
  const pool = poolOf(target, await findPool(q, target));
  // A complaint deleted meanwhile has nothing to keep a pool for.
  await q.execute(sql`
      insert into complaint_similar_pools (complaint_id, text_hash, candidate_ids, ranks, trigrams, computed_at)
      select id, ${pool.textHash}, ${uuidArray(pool.ids)}, ${realArray(pool.rank)}, ${realArray(pool.trigram)}, now()
      from complaints where id = ${target.id}::uuid
      on conflict (complaint_id) do update set text_hash = excluded.text_hash,
        candidate_ids = excluded.candidate_ids, ranks = excluded.ranks, trigrams = excluded.trigrams,
        computed_at = excluded.computed_at, failed_at = null`);
}

// Arrays as one text parameter each: the same on PostgreSQL and PGlite, whatever their length.
const uuidArray = (ids: string[]) => sql`${`{${ids.join(",")}}`}::uuid[]`;
const realArray = (values: number[]) => sql`${`{${values.join(",")}}`}::real[]`;
