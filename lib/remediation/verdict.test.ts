import { describe, expect, it } from "vitest";
import { compareRates } from "./effectiveness";
import { readVerdict, storedVerdict, verdictIn, verdictKindOf, WITHHELD_VERDICT } from "./verdict";

// A verdict is stored as its message and figures, and read in the reader's language with the figures
// written their way; one stored before as an English sentence reads as it was written.

const counted = (complaints: number, purchases = 1_000_000) => ({ complaints, purchases, months: 6 });
/** The check of these counts, stored as the check stores it. */
const stored = (before: number, after: number) => storedVerdict(compareRates(counted(before), counted(after)).said);

describe("a stored verdict", () => {
  it("keeps its message key and figures, not words", () => {
    const kept = stored(100, 58);
    expect(kept).not.toContain("Fewer");
    expect(JSON.parse(kept)).toEqual({
      phrase: ["remediationRules.verdict.fewer", { change: 42, low: 20, high: 58 }],
    });
  });

  it("reads a fall in English and in Swedish", () => {
    const kept = stored(100, 58);
    expect(verdictIn(kept, "en")).toBe("Fewer complaints after shipping: the rate fell 42 % (95 % CI 20–58 %)");
    expect(verdictIn(kept, "sv")).toBe("Färre klagomål efter leveransen: frekvensen sjönk med 42 % (95 % KI 20–58 %)");
    expect(verdictKindOf(kept)).toBe("fewer");
  });

  it("reads no clear change with its signed interval in both languages", () => {
    const kept = storedVerdict(
      compareRates(
        { complaints: 200, purchases: 4_000_000, months: 6 },
        { complaints: 120, purchases: 2_000_000, months: 3 },
      ).said,
    );
    expect(verdictIn(kept, "en")).toBe("No clear change: the rate rose 20 %, but the 95 % CI runs from −4 to +50 %");
    expect(verdictIn(kept, "sv")).toBe(
      "Ingen tydlig förändring: frekvensen steg med 20 %, men 95 % KI går från −4 till +50 %",
    );
    expect(verdictKindOf(kept)).toBe("no_change");
  });

  it("writes the figures the reader's way: the continuity correction's half and thousands", () => {
    const corrected = stored(40, 0);
    expect(verdictIn(corrected, "en")).toBe(
      "Fewer complaints after shipping: the rate fell 99 % (95 % CI 80–100 %). One window had no complaints, so 0.5 was added to both counts (continuity correction)",
    );
    expect(verdictIn(corrected, "sv")).toBe(
      "Färre klagomål efter leveransen: frekvensen sjönk med 99 % (95 % KI 80–100 %). En av perioderna hade inga klagomål, så 0,5 lades till båda antalen (kontinuitetskorrektion)",
    );
    expect(verdictKindOf(corrected)).toBe("fewer");
    const rise = stored(10, 150);
    expect(verdictIn(rise, "en")).toBe("More complaints after shipping: the rate rose 1,400 % (95 % CI 691–2,745 %)");
    // Swedish groups thousands with a (no-break) space.
    expect(verdictIn(rise, "sv")).toBe(
      "Fler klagomål efter leveransen: frekvensen steg med 1\u00a0400 % (95 % KI 691–2\u00a0745 %)",
    );
    expect(verdictKindOf(rise)).toBe("more");
  });

  it("reads not enough data and a withheld verdict in both languages", () => {
    const none = storedVerdict(compareRates(counted(40), { complaints: 0, purchases: 0, months: 0 }).said);
    expect(verdictIn(none, "en")).toBe("Not enough data yet (needs at least one month after shipping with a volume)");
    expect(verdictIn(none, "sv")).toBe("För lite data ännu (kräver minst en månad med köpvolym efter leveransen)");
    expect(verdictKindOf(none)).toBe("not_enough_after");
    const noBefore = storedVerdict(compareRates({ complaints: 0, purchases: 0, months: 0 }, counted(3)).said);
    expect(verdictIn(noBefore, "sv")).toBe("För lite data (kräver minst en månad med köpvolym före leveransen)");
    expect(verdictKindOf(noBefore)).toBe("not_enough_before");
    expect(verdictIn(WITHHELD_VERDICT, "en")).toBe("Withheld: fewer than 5 complaints before or after shipping");
    expect(verdictIn(WITHHELD_VERDICT, "sv")).toBe("Dold: färre än 5 klagomål före eller efter leveransen");
    expect(verdictKindOf(WITHHELD_VERDICT)).toBe("withheld");
  });

  it("reads a verdict stored before as an English sentence in the reader's language, with its kind", () => {
    // Those sentences are the English messages' words: each kind, corrected or not, reads as its phrase does.
    const kept = [
      stored(100, 58),
      stored(100, 190),
      stored(0, 7),
      storedVerdict(
        compareRates(
          { complaints: 200, purchases: 4_000_000, months: 6 },
          { complaints: 120, purchases: 2_000_000, months: 3 },
        ).said,
      ),
      storedVerdict(compareRates(counted(30), counted(25)).said),
      storedVerdict(compareRates(counted(30), { complaints: 0, purchases: 0, months: 0 }).said),
    ];
    for (const phrase of kept) {
      const sentence = verdictIn(phrase, "en");
      expect(verdictIn(sentence, "sv")).toBe(verdictIn(phrase, "sv"));
      expect(verdictIn(sentence, "en")).toBe(sentence);
      expect(verdictKindOf(sentence)).toBe(verdictKindOf(phrase));
    }
    expect(verdictIn(verdictIn(stored(0, 7), "en"), "sv")).toContain("kontinuitetskorrektion");
    const old = "Not enough data yet (needs at least one month after shipping with a volume)";
    expect(readVerdict({ verdict: old, id: "x" }, "sv")).toEqual({
      verdict: "För lite data ännu (kräver minst en månad med köpvolym efter leveransen)",
      id: "x",
      kind: "not_enough_after",
    });
    expect(verdictKindOf("Not enough data (needs at least one month before shipping with a volume)")).toBe(
      "not_enough_before",
    );
    expect(verdictKindOf("More complaints after shipping: the rate rose 300 %")).toBe("more");
    expect(verdictKindOf("No clear change: the rate fell 10 %")).toBe("no_change");
    expect(verdictIn("Fewer complaints after shipping: the rate fell 50 %", "sv")).toBe(
      "Fewer complaints after shipping: the rate fell 50 %",
    );
    // Text that is neither: read as written, of no kind.
    expect(readVerdict({ verdict: "test" }, "en")).toEqual({ verdict: "test", kind: null });
    expect(readVerdict({ verdict: '{"phrase":broken' }, "en")).toEqual({ verdict: '{"phrase":broken', kind: null });
  });
});
