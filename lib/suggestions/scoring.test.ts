import { describe, expect, it } from "vitest";
import {
  type LexemeStats,
  orQuery,
  pickQueryLexemes,
  SECONDARY_WEIGHT,
  similarityScore,
  suggestCauses,
} from "./scoring";

const stats = (total: number, documents: Record<string, number>, sampled = total): LexemeStats => ({
  total,
  sampled,
  documents: new Map(Object.entries(documents)),
});

describe("pickQueryLexemes", () => {
  it("prefers rare words, counts the summary's more, and skips noise and words in most complaints", () => {
    const s = stats(1000, { card: 100, refund: 30, delay: 30, the: 900, xxxx: 5 });
    const picked = pickQueryLexemes(
      [
        { lexeme: "the", count: 9, inSummary: true },
        { lexeme: "xxxx", count: 4, inSummary: false },
        { lexeme: "2019", count: 1, inSummary: false },
        { lexeme: "card", count: 3, inSummary: false },
        { lexeme: "refund", count: 1, inSummary: true },
        { lexeme: "delay", count: 1, inSummary: false },
        { lexeme: "klarnaish", count: 1, inSummary: false },
      ],
      s,
    );
    // "card" is three times in the text: that outweighs its being more common than "delay". Counted on
    // every complaint, "klarnaish" is in this one only and would find nothing.
    expect(picked).toEqual(["refund", "card", "delay"]);
    // Counted on a sample, a word the sample lacks is merely rare: the best clue.
    const sampled = { ...s, sampled: 500, documents: new Map([...s.documents].map(([k, v]) => [k, v / 2])) };
    expect(pickQueryLexemes([{ lexeme: "klarnaish", count: 1, inSummary: false }], sampled)).toEqual(["klarnaish"]);
  });

  it("stops adding words when the complaints they match would pass the budget, but always keeps one", () => {
    // Sampled on 1 % of a million complaints.
    const s = stats(1_000_000, { rare: 1, common: 15, mid: 5 }, 10_000);
    const lexemes = ["rare", "mid", "common"].map((lexeme) => ({ lexeme, count: 1, inSummary: false }));
    // Estimated: rare 100, mid 500, common 1,500 complaints.
    expect(pickQueryLexemes(lexemes, s, 1_000)).toEqual(["rare", "mid"]);
    expect(pickQueryLexemes(lexemes, s, 300)).toEqual(["rare"]);
    expect(pickQueryLexemes(lexemes, s, 20_000)).toEqual(["rare", "mid", "common"]);
    expect(pickQueryLexemes([{ lexeme: "mid", count: 1, inSummary: false }], s, 10)).toEqual(["mid"]);
  });

  it("quotes lexemes for the tsquery", () => {
    expect(orQuery(["card", "o'neil", "a\\b"])).toBe("'card' | 'o''neil' | 'a\\\\b'");
  });
});

describe("similarityScore", () => {
  it("weighs word ranking and trigrams alike and lifts the same product and category", () => {
    const base = { relativeRank: 1, trigram: 1, sameProduct: true, sameCategory: true };
    expect(similarityScore(base)).toBe(1);
    const plain = similarityScore({ ...base, sameProduct: false, sameCategory: false });
    expect(plain).toBeCloseTo(1 / 1.5, 3);
    expect(similarityScore({ ...base, sameCategory: false })).toBeGreaterThan(plain);
    expect(similarityScore({ ...base, relativeRank: 0.4, trigram: 0.2 })).toBeLessThan(similarityScore(base));
    expect(similarityScore({ relativeRank: Number.NaN, trigram: 2, sameProduct: false, sameCategory: false })).toBe(
      0.3333,
    );
  });
});

describe("suggestCauses", () => {
  const cause = (id: string, primary = true) => ({ rootCauseId: id, name: `Cause ${id}`, primary });

  it("weights each neighbour's causes by its similarity squared and lists where they came from", () => {
    const out = suggestCauses([
      { id: "n1", score: 0.9, rootCauses: [cause("a")] },
      { id: "n2", score: 0.5, rootCauses: [cause("b")] },
      { id: "n3", score: 0.5, rootCauses: [cause("b")] },
      { id: "n4", score: 0.8, rootCauses: [] },
    ]);
    // a: 0.81; b: 0.25 + 0.25 = 0.5; total 1.31.
    expect(out).toEqual([
      { rootCauseId: "a", name: "Cause a", score: 0.6183, from: ["n1"] },
      { rootCauseId: "b", name: "Cause b", score: 0.3817, from: ["n2", "n3"] },
    ]);
  });

  it("counts a secondary tag less than the primary one", () => {
    const [first, second] = suggestCauses([{ id: "n1", score: 1, rootCauses: [cause("a"), cause("b", false)] }]);
    expect(first!.rootCauseId).toBe("a");
    expect(second!.score / first!.score).toBeCloseTo(SECONDARY_WEIGHT, 3);
  });

  it("suggests nothing without tagged neighbours", () => {
    expect(suggestCauses([])).toEqual([]);
    expect(suggestCauses([{ id: "n", score: 0.9, rootCauses: [] }])).toEqual([]);
  });
});
