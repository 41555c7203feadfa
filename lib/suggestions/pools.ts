import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { rowsOf } from "@/db/rows";
import { OPEN_STATUSES } from "@/lib/complaints/workflow";
import { logError } from "@/lib/log";
import { findPool, poolMaxAgeHours, poolOf, type Target, TEXT_HASH } from "./engine";

/** How many pools one job finds before it hands over to the next (about 250 ms each at a million complaints). */
export const POOLS_PER_JOB = 40;

/**
 * Which complaints the job runner keeps pools for: those being worked, open and received in the
 * last SIMILAR_POOL_DAYS days (default 30; 0 turns it off). A history import of closed or old
 * complaints adds nothing to find; a day's intake is found within a minute or two.
 */
export function poolDays(): number {
  const days = Number(process.env.SIMILAR_POOL_DAYS ?? 30);
  return Number.isFinite(days) && days >= 0 ? Math.floor(days) : 30;
}

/**
 * Finds and stores the similar-complaint pools the complaints being worked lack: no pool, a pool
 * found for a text since edited, or one past five sixths of its age (so the stored pool a reader is given is
 * never past its age while the runner keeps up). Newest first, at most `limit`; pools past their
 * age are removed. Answers how many were found and whether more are waiting.
 */
export async function refreshSimilarPools(
  q: Db,
  limit = POOLS_PER_JOB,
): Promise<{ found: number; failed: number; removed: number; more: boolean }> {
  const hours = poolMaxAgeHours();
  const removed = rowsOf<{ n: number }>(
    await q.execute(sql`
      with gone as (
        delete from complaint_similar_pools where computed_at < now() - make_interval(hours => ${hours})
        returning 1
      ) select count(*)::int as n from gone`),
  )[0]?.n;
  const days = poolDays();
  if (!days) return { found: 0, failed: 0, removed: removed ?? 0, more: false };
  const open = sql.join(
    OPEN_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  const due = rowsOf<Target>(
    await q.execute(sql`
      select c.id, ${TEXT_HASH} as "textHash", c.summary, c.narrative,
        c.product_id as "productId", c.category_id as "categoryId"
      from complaints c
      left join complaint_similar_pools p on p.complaint_id = c.id
      where c.received_on >= current_date - ${days}::int
        and c.status in (${open})
        and (p.complaint_id is null or p.text_hash <> ${TEXT_HASH}
          or p.computed_at < now() - make_interval(hours => ${(hours * 5) / 6}))
      order by c.received_on desc, c.id
      limit ${limit + 1}`),
  );
  const batch = due.slice(0, limit);
  let failed = 0;
  let inARow = 0;
  for (const target of batch) {
    try {
      await storePool(q, target);
      inARow = 0;
    } catch (error) {
      // One complaint that cannot be looked up (a statement timeout, say) does not hold up the others,
      // and is tried again next time; several in a row is the database, and the job is retried later.
      if (++inARow >= 3) throw error;
      failed++;
      logError("Similar complaints: a pool could not be found", error, { complaintId: target.id });
    }
  }
  return { found: batch.length - failed, failed, removed: removed ?? 0, more: due.length > limit };
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
        computed_at = excluded.computed_at`);
}

// Arrays as one text parameter each: the same on PostgreSQL and PGlite, whatever their length.
const uuidArray = (ids: string[]) => sql`${`{${ids.join(",")}}`}::uuid[]`;
const realArray = (values: number[]) => sql`${`{${values.join(",")}}`}::real[]`;
