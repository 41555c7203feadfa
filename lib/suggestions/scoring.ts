/**
 * The pure half of the suggestion engine: which words of a complaint to look for, how to score a
 * candidate, and how the causes of similar complaints add up. The SQL half is in engine.ts.
 */

export type TargetLexeme = { lexeme: string; count: number; inSummary: boolean };

export type LexemeStats = {
  /** Documents in the sample the frequencies were counted on. */
  sampled: number;
  /** Complaints in the table (estimated on a large one). */
  total: number;
  /** Lexeme → documents of the sample holding it. */
  documents: Map<string, number>;
};

/** The candidate set stays about this size however many complaints there are. */
export const CANDIDATE_BUDGET = 20_000;
export const MAX_QUERY_LEXEMES = 12;
/** A lexeme in more than this share of complaints says little about any one of them. */
export const MAX_LEXEME_SHARE = 0.2;
// On a handful of complaints every word is in a large share of them; the share says something only on many.
const MIN_ROWS_FOR_SHARE = 1_000;

// Scrubbed or structural tokens that match across unrelated complaints: CFPB's XXXX masks, bare numbers.
const NOISE = /^(x{2,}|\d+([.,]\d+)*|.{1,2})$/;

/** Estimated number of complaints holding the lexeme. */
export function estimatedDocuments(stats: LexemeStats, lexeme: string): number {
  const inSample = stats.documents.get(lexeme) ?? 0;
  if (!stats.sampled) return 0;
  return (inSample / stats.sampled) * stats.total;
}

/** Inverse document frequency, smoothed so a lexeme unseen in the sample is the rarest, not infinite. */
export function idf(stats: LexemeStats, lexeme: string): number {
  return Math.log((stats.total + 1) / (estimatedDocuments(stats, lexeme) + 1));
}

/**
 * The complaint's most distinctive lexemes (frequent in it, rare elsewhere; the summary's count
 * more), taken while the complaints they would match stay within the budget. The OR of them is the
 * candidate query the GIN index answers, so the rerank sees a bounded set even at a million rows.
 */
export function pickQueryLexemes(
  lexemes: readonly TargetLexeme[],
  stats: LexemeStats,
  budget = CANDIDATE_BUDGET,
  max = MAX_QUERY_LEXEMES,
): string[] {
  const scored = lexemes
    .filter((l) => !NOISE.test(l.lexeme))
    .map((l) => ({
      lexeme: l.lexeme,
      documents: estimatedDocuments(stats, l.lexeme),
      weight: (1 + Math.log(Math.max(1, l.count))) * (l.inSummary ? 1.5 : 1) * idf(stats, l.lexeme),
    }))
    // Counted on every complaint, a lexeme only this one has finds nothing else: no use in the query.
    .filter((l) => !(stats.sampled === stats.total && l.documents <= 1 && stats.total > 1))
    .filter((l) => stats.total < MIN_ROWS_FOR_SHARE || l.documents / stats.total <= MAX_LEXEME_SHARE)
    .sort((a, b) => b.weight - a.weight || a.lexeme.localeCompare(b.lexeme));
  const picked: string[] = [];
  let matched = 0;
  for (const l of scored) {
    if (picked.length >= max) break;
    if (picked.length > 0 && matched + l.documents > budget) continue;
    picked.push(l.lexeme);
    matched += l.documents;
  }
  return picked;
}

/** A lexeme as a tsquery operand: quoted, so it is matched as it is and never parsed. */
export function orQuery(lexemes: readonly string[]): string {
  return lexemes.map((l) => `'${l.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`).join(" | ");
}

export type CandidateSignals = {
  /** ts_rank of the candidate for the OR query, divided by the best candidate's. */
  relativeRank: number;
  /** pg_trgm similarity of the candidate's text to the complaint's. */
  trigram: number;
  sameProduct: boolean;
  sameCategory: boolean;
};

export const SAME_PRODUCT_BONUS = 0.3;
export const SAME_CATEGORY_BONUS = 0.2;

/** Similarity in 0–1: word ranking and trigram overlap alike, raised for the same product and category. */
export function similarityScore(s: CandidateSignals): number {
  const text = 0.5 * clamp(s.relativeRank) + 0.5 * clamp(s.trigram);
  const bonus = 1 + (s.sameProduct ? SAME_PRODUCT_BONUS : 0) + (s.sameCategory ? SAME_CATEGORY_BONUS : 0);
  return round(text * (bonus / (1 + SAME_PRODUCT_BONUS + SAME_CATEGORY_BONUS)));
}

export type TaggedNeighbour = {
  id: string;
  score: number;
  rootCauses: { rootCauseId: string; name: string; primary: boolean }[];
};

export type CauseSuggestion = { rootCauseId: string; name: string; score: number; from: string[] };

/** A secondary tag tells less about the complaint than its primary one. */
export const SECONDARY_WEIGHT = 0.5;

/**
 * Each tagged neighbour votes for its causes with its similarity (squared, so the closest count
 * most); a cause's score is its share of all votes, so the scores of the causes add up to at most 1.
 */
export function suggestCauses(neighbours: readonly TaggedNeighbour[], limit = 5): CauseSuggestion[] {
  const votes = new Map<string, { name: string; weight: number; from: string[] }>();
  let total = 0;
  for (const n of neighbours) {
    if (!n.rootCauses.length) continue;
    const vote = n.score * n.score;
    const hasPrimary = n.rootCauses.some((c) => c.primary);
    const weighted = n.rootCauses.map((c) => ({ c, weight: c.primary || !hasPrimary ? 1 : SECONDARY_WEIGHT }));
    const sum = weighted.reduce((a, b) => a + b.weight, 0);
    weighted.forEach(({ c, weight }) => {
      const entry = votes.get(c.rootCauseId) ?? { name: c.name, weight: 0, from: [] };
      entry.weight += (vote * weight) / sum;
      if (!entry.from.includes(n.id)) entry.from.push(n.id);
      votes.set(c.rootCauseId, entry);
    });
    total += vote;
  }
  if (total <= 0) return [];
  return [...votes.entries()]
    .map(([rootCauseId, v]) => ({ rootCauseId, name: v.name, score: round(v.weight / total), from: v.from }))
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
    .slice(0, limit);
}

function clamp(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
