/**
 * Cohen's kappa: how far two coders agree beyond what chance would give, for the tagging-agreement
 * samples. Each coder gives every complaint one code: the root cause they judge primary, or none.
 */

/** One complaint's two codes; null is "no root cause fits". */
export type CodePair = { a: string | null; b: string | null };

export type Kappa = {
  /** Complaints both coders have coded. */
  n: number;
  /** Share of complaints with the same code (0–1). */
  observed: number | null;
  /** Share expected by chance from each coder's own mix of codes. */
  expected: number | null;
  /** (observed − expected) / (1 − expected); null when undefined (nothing coded, or one code used by both throughout). */
  kappa: number | null;
  /** 95 % confidence interval (large-sample standard error), clipped to [−1, 1]. */
  low: number | null;
  high: number | null;
};

const NONE = "\u0000none";
const key = (code: string | null) => code ?? NONE;

export function cohensKappa(pairs: readonly CodePair[]): Kappa {
  const n = pairs.length;
  if (n === 0) return { n, observed: null, expected: null, kappa: null, low: null, high: null };
  const marginA = new Map<string, number>();
  const marginB = new Map<string, number>();
  let same = 0;
  for (const { a, b } of pairs) {
    marginA.set(key(a), (marginA.get(key(a)) ?? 0) + 1);
    marginB.set(key(b), (marginB.get(key(b)) ?? 0) + 1);
    if (key(a) === key(b)) same++;
  }
  const observed = same / n;
  let expected = 0;
  for (const [code, countA] of marginA) expected += (countA / n) * ((marginB.get(code) ?? 0) / n);
  if (expected >= 1) return { n, observed, expected, kappa: null, low: null, high: null };
  const kappa = (observed - expected) / (1 - expected);
  const se = Math.sqrt((observed * (1 - observed)) / (n * (1 - expected) ** 2));
  const clip = (v: number) => Math.max(-1, Math.min(1, v));
  return { n, observed, expected, kappa, low: clip(kappa - 1.96 * se), high: clip(kappa + 1.96 * se) };
}

/** Agreement on one root cause alone: did both coders give it, or both not? */
export function kappaFor(pairs: readonly CodePair[], code: string): Kappa {
  return cohensKappa(pairs.map(({ a, b }) => ({ a: a === code ? code : null, b: b === code ? code : null })));
}

/** Landis and Koch's bands for a kappa; pages say them in the reader's words (agreement.kappa.strength). */
export type KappaStrength = "undefined" | "poor" | "slight" | "fair" | "moderate" | "substantial" | "almostPerfect";

export function kappaStrength(kappa: number | null): KappaStrength {
  if (kappa == null) return "undefined";
  if (kappa < 0) return "poor";
  if (kappa <= 0.2) return "slight";
  if (kappa <= 0.4) return "fair";
  if (kappa <= 0.6) return "moderate";
  if (kappa <= 0.8) return "substantial";
  return "almostPerfect";
}

const VERDICT: Record<KappaStrength, string> = {
  undefined: "not defined",
  poor: "poor (below chance)",
  slight: "slight",
  fair: "fair",
  moderate: "moderate",
  substantial: "substantial",
  almostPerfect: "almost perfect",
};

/** Landis and Koch's words for a kappa, as the literature reads them (in English). */
export function kappaVerdict(kappa: number | null): string {
  return VERDICT[kappaStrength(kappa)];
}
