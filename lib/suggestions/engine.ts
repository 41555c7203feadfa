import { sql } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import type { Db, Tx } from "@/db";
import { rowsOf } from "@/db/rows";
import { first } from "@/lib/must";
import {
  CANDIDATE_BUDGET,
  type CauseSuggestion,
  type LexemeStats,
  orQuery,
  pickQueryLexemes,
  similarityScore,
  suggestCauses,
  type TaggedNeighbour,
  type TargetLexeme,
} from "./scoring";

/** How many candidates the word ranking hands to the rerank, and how many tagged neighbours vote. */
export const RERANK_POOL = 200;
export const VOTING_NEIGHBOURS = 15;
export const SHOWN_SIMILAR = 8;
// The sample the lexeme frequencies are counted on, and how long they are trusted.
const SAMPLE_ROWS = 5_000;
const STATS_TTL_MS = 15 * 60_000;
// Trigram similarity over this much of a text: enough to compare, little enough to stay fast.
const TRIGRAM_CHARS = 300;

let cached: { at: number; stats: LexemeStats } | null = null;

/**
 * A complaint's candidate pool: finding it is the complaint page's dearest read (at a million
 * complaints it ranks up to CANDIDATE_BUDGET search vectors, about 200 ms of PostgreSQL's CPU), and
 * a case is opened again and again while it is worked. Only ids and the pool's two scores are kept,
 * under the md5 of the complaint's text, so an edit of its summary or narrative looks again; the
 * candidates' text, product, category and tags are read afresh each time, so an erasure, a deletion
 * or a new tag shows at once.
 *
 * The job runner finds the pools of the complaints being worked (open, received lately: pools.ts)
 * and keeps them in complaint_similar_pools, which every process reads while they are younger than
 * poolMaxAgeHours(). A read never writes: a complaint without a stored pool has its pool found
 * by the read and kept in this process's memory for STATS_TTL_MS, as long as the word frequencies
 * it was chosen by are trusted.
 */
export type Pool = { textHash: string; ids: string[]; rank: number[]; trigram: number[]; foundAt: string };
const pools = new LRUCache<string, Pool>({ max: 2_000, ttl: STATS_TTL_MS });

/**
 * How long a stored pool is read (SIMILAR_POOL_HOURS, default 24, at most a year; fractions allowed):
 * a complaint logged since joins it after that.
 */
export function poolMaxAgeHours(): number {
  const hours = Number(process.env.SIMILAR_POOL_HOURS || 24);
  return Number.isFinite(hours) && hours > 0 ? Math.min(hours, 24 * 366) : 24;
}

/** An interval of so many hours, whole or not, as SQL (make_interval takes whole hours only). */
export const hoursAgo = (hours: number) => sql`now() - ${Math.round(hours * 3600)} * interval '1 second'`;

/** Forget the counted frequencies and the pools kept in memory (after a large import, or between a test's phases). */
export function resetLexemeStats(): void {
  cached = null;
  pools.clear();
}

/**
 * Document frequencies of lexemes, counted on the whole table when it is small and on a random
 * sample of about 5,000 complaints when it is not: the choice of query words needs orders of
 * magnitude, not exact counts, and a sample keeps the count far from a full scan at a million rows.
 */
export async function loadLexemeStats(q: Db | Tx): Promise<LexemeStats> {
  if (cached && Date.now() - cached.at < STATS_TTL_MS) return cached.stats;
  const [size] = rowsOf<{ estimate: number }>(
    await q.execute(
      sql`select greatest(reltuples, 0)::float8 as estimate from pg_class where oid = 'complaints'::regclass`,
    ),
  );
  let total = Number(size?.estimate ?? 0);
  // A table never analysed says 0 or -1: count it (it is small, or it would have been analysed).
  if (total < SAMPLE_ROWS * 4) {
    const counted = first(
      rowsOf<{ n: number }>(await q.execute(sql`select count(*)::int as n from complaints`)),
      "counted",
    );
    total = Number(counted.n);
  }
  const percent = total > SAMPLE_ROWS * 4 ? Math.min(100, (SAMPLE_ROWS / total) * 100) : 100;
  const source =
    percent < 100
      ? `select search from complaints tablesample system (${percent.toFixed(4)})`
      : "select search from complaints";
  const stat = rowsOf<{ word: string; ndoc: number }>(await q.execute(sql`select word, ndoc from ts_stat(${source})`));
  const sampledRow = first(
    percent < 100
      ? rowsOf<{ n: number }>(await q.execute(sql.raw(`select count(*)::int as n from (${source}) s`)))
      : [{ n: total }],
    "sampled row",
  );
  const stats: LexemeStats = {
    sampled: Number(sampledRow.n),
    total,
    documents: new Map(stat.map((s) => [s.word, Number(s.ndoc)])),
  };
  cached = { at: Date.now(), stats };
  return stats;
}

export type SimilarComplaint = {
  id: string;
  reference: string;
  score: number;
  summary: string;
  receivedOn: string;
  rootCauses: { rootCauseId: string; name: string; primary: boolean }[];
};

/** `foundAt`: when the candidates were looked for (a kept pool's time, or now), so a reader knows how fresh they are. */
export type Suggestions = { similar: SimilarComplaint[]; causes: CauseSuggestion[]; foundAt: string };

/** What a pool is kept under: the md5 of the text it was found for (as complaints `c`). */
export const TEXT_HASH = sql`md5(c.summary || ' ' || coalesce(c.narrative, ''))`;

/** A complaint `c`'s columns a pool is found from, as a `Target`. */
export const TARGET_COLUMNS = sql`c.id, ${TEXT_HASH} as "textHash", c.summary, c.narrative,
  c.product_id as "productId", c.category_id as "categoryId"`;

export type Target = {
  id: string;
  textHash: string;
  summary: string;
  narrative: string | null;
  productId: string | null;
  categoryId: string | null;
};

/**
 * The most similar other complaints and the root causes their tags suggest. Candidates come from
 * the full-text index (an OR of the complaint's most distinctive lexemes, ranked by ts_rank and cut
 * to a pool); the pool is reranked with trigram similarity of the texts and a lift for the same
 * product and category. Returns null when there is no such complaint.
 */
export async function getSuggestions(
  q: Db | Tx,
  complaintId: string,
  options: { shown?: number; voters?: number; budget?: number } = {},
): Promise<Suggestions | null> {
  const [target] = rowsOf<Target & { stored: Pool | null }>(
    await q.execute(sql`
      select ${TARGET_COLUMNS},
        case when p.complaint_id is not null then json_build_object(
          'textHash', p.text_hash, 'ids', p.candidate_ids, 'rank', p.ranks, 'trigram', p.trigrams,
          'foundAt', p.computed_at) end as stored
      from complaints c
      left join complaint_similar_pools p on p.complaint_id = c.id
        and p.computed_at > ${hoursAgo(poolMaxAgeHours())}
      where c.id = ${complaintId}::uuid`),
  );
  if (!target) return null;
  // A budget of its own (bench/similar-recall.ts compares budgets) neither reads nor keeps a pool.
  const budget = options.budget ?? CANDIDATE_BUDGET;
  const keeps = budget === CANDIDATE_BUDGET;
  // The stored pool, or the one this process kept, if found for the text as it is now.
  const kept = keeps
    ? [target.stored, pools.get(complaintId)].find((pool) => pool?.textHash === target.textHash)
    : undefined;
  let rows: Candidate[];
  let foundAt = new Date().toISOString();
  if (kept) {
    rows = await keptCandidates(q, kept);
    foundAt = new Date(kept.foundAt).toISOString();
  } else {
    rows = await findPool(q, target, budget);
    if (keeps) pools.set(target.id, poolOf(target, rows));
  }
  if (!rows.length) return { similar: [], causes: [], foundAt };
  const best = Math.max(...rows.map((r) => Number(r.rank))) || 1;
  const scored = rows
    .map((r) => ({
      ...r,
      score: similarityScore({
        relativeRank: Number(r.rank) / best,
        trigram: Number(r.trigram),
        sameProduct: Boolean(target.productId) && r.productId === target.productId,
        sameCategory: Boolean(target.categoryId) && r.categoryId === target.categoryId,
      }),
    }))
    .sort((a, b) => b.score - a.score || a.reference.localeCompare(b.reference));
  const tags = await tagsOf(
    q,
    scored.map((r) => r.id),
  );
  const withTags = scored.map((r) => ({ ...r, rootCauses: tags.get(r.id) ?? [] }));
  const voters: TaggedNeighbour[] = withTags
    .filter((r) => r.rootCauses.length)
    .slice(0, options.voters ?? VOTING_NEIGHBOURS);
  return {
    similar: withTags.slice(0, options.shown ?? SHOWN_SIMILAR).map((r) => ({
      id: r.id,
      reference: r.reference,
      score: r.score,
      summary: r.summary,
      receivedOn: r.receivedOn,
      rootCauses: r.rootCauses,
    })),
    causes: suggestCauses(voters),
    foundAt,
  };
}

type Candidate = {
  id: string;
  reference: string;
  summary: string;
  receivedOn: string;
  productId: string | null;
  categoryId: string | null;
  rank: number;
  trigram: number;
};

/**
 * Candidates from the full-text index: an OR of the complaint's most distinctive lexemes, ranked by
 * ts_rank and cut to RERANK_POOL, each with the trigram similarity of its text to the complaint's.
 */
export async function findPool(q: Db | Tx, target: Target, budget: number = CANDIDATE_BUDGET): Promise<Candidate[]> {
  const lexemes = rowsOf<TargetLexeme>(
    await q.execute(sql`
      select lexeme, coalesce(array_length(positions, 1), 1)::int as count, 'A' = any(weights) as "inSummary"
      from complaints, unnest(search) where id = ${target.id}::uuid`),
  );
  const stats = await loadLexemeStats(q);
  const picked = pickQueryLexemes(lexemes, stats, budget);
  if (!picked.length) return [];
  // The words' counts are estimates, and the first word is taken even past the budget (a complaint
  // saying only common words: "get" matched 157,673 complaints at a million, 400 ms to rank): the
  // candidates read are cut at twice the budget, whatever the words match.
  const cap = Number.isFinite(budget) ? 2 * budget : null;
  const text = `${target.summary} ${target.narrative ?? ""}`.slice(0, TRIGRAM_CHARS);
  // A constant query (not a joined value), so the planner answers it from the GIN index.
  const query = sql`${orQuery(picked)}::tsquery`;
  const rows = rowsOf<Candidate>(
    await q.execute(sql`
      with pool as (
        select id, rank from (
          select c.id, ts_rank(c.search, ${query}) as rank
          from complaints c
          where c.search @@ ${query} and c.id <> ${target.id}::uuid
          ${cap === null ? sql`` : sql`limit ${cap}`}
        ) candidates
        order by rank desc
        limit ${RERANK_POOL}
      )
      select c.id, c.reference, c.summary, c.received_on::text as "receivedOn",
        c.product_id as "productId", c.category_id as "categoryId", pool.rank::float8 as rank,
        similarity(left(c.summary || ' ' || coalesce(c.narrative, ''), ${TRIGRAM_CHARS}), ${text})::float8 as trigram
      from pool join complaints c on c.id = pool.id`),
  );
  return rows;
}

/** A complaint's pool as kept (see `pools`): ids and scores only, under the hash of its text. */
export function poolOf(target: Pick<Target, "textHash">, rows: Candidate[]): Pool {
  return {
    textHash: target.textHash,
    ids: rows.map((r) => r.id),
    rank: rows.map((r) => Number(r.rank)),
    trigram: rows.map((r) => Number(r.trigram)),
    foundAt: new Date().toISOString(),
  };
}

/** A kept pool's candidates as they are now (a deleted one drops out), with the scores kept. */
async function keptCandidates(q: Db | Tx, pool: Pool): Promise<Candidate[]> {
  if (!pool.ids.length) return [];
  const rows = rowsOf<Omit<Candidate, "rank" | "trigram">>(
    await q.execute(sql`
      select c.id, c.reference, c.summary, c.received_on::text as "receivedOn",
        c.product_id as "productId", c.category_id as "categoryId"
      from complaints c where c.id in (${sql.join(
        pool.ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`),
  );
  const at = new Map(pool.ids.map((id, i) => [id, i]));
  return rows.map((r) => {
    const i = at.get(r.id) ?? 0;
    return { ...r, rank: pool.rank[i] ?? 0, trigram: pool.trigram[i] ?? 0 };
  });
}

async function tagsOf(q: Db | Tx, ids: string[]) {
  const out = new Map<string, { rootCauseId: string; name: string; primary: boolean }[]>();
  if (!ids.length) return out;
  const rows = rowsOf<{ complaintId: string; rootCauseId: string; name: string; primary: boolean }>(
    await q.execute(sql`
      select t.complaint_id as "complaintId", t.root_cause_id as "rootCauseId", r.name, t.is_primary as primary
      from complaint_root_causes t join root_causes r on r.id = t.root_cause_id
      where t.complaint_id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
      order by t.is_primary desc, r.name`),
  );
  for (const r of rows) {
    const list = out.get(r.complaintId) ?? [];
    list.push({ rootCauseId: r.rootCauseId, name: r.name, primary: r.primary });
    out.set(r.complaintId, list);
  }
  return out;
}
