import { describe, expect, it } from "vitest";
import type { MonthFigure } from "./compute";
import { concernIn, publicationConcerns, restatedFigures } from "./publication-guard";

const month = (m: string, complaints: number, purchases: number | null): MonthFigure => ({
  month: m,
  complaints,
  purchases,
  perMillion: purchases ? (complaints / purchases) * 1e6 : null,
});

// Two years of about 40 per million on a million purchases a month.
const steady = Array.from({ length: 23 }, (_, i) =>
  month(
    `2024-${String((i % 12) + 1).padStart(2, "0")}`.replace("2024", String(2024 + Math.floor(i / 12))),
    40 + (i % 3),
    1_000_000,
  ),
);

describe("publicationConcerns", () => {
  it("has none for a month like the others", () => {
    expect(publicationConcerns([...steady, month("2025-12", 41, 1_000_000)], "2025-12")).toEqual([]);
  });

  it("names a month without counted complaints, in the reader's language", () => {
    const [concern] = publicationConcerns([...steady, month("2025-12", 0, 1_000_000)], "2025-12");
    expect(concern).toEqual({ month: "2025-12", kind: "no_complaints" });
    expect(concernIn(concern!, "en").message).toBe(
      "Dec 2025 has no counted complaints: was every complaint of the month imported?",
    );
    expect(concernIn(concern!, "sv").message).toBe(
      "dec. 2025 har inga räknade klagomål: importerades alla klagomål för månaden?",
    );
  });

  it("names a figure above or below its control limits, with the limits, in the reader's language", () => {
    const [above] = publicationConcerns([...steady, month("2025-12", 90, 1_000_000)], "2025-12");
    expect(above!.kind).toBe("above_limits");
    expect(concernIn(above!, "en").message).toMatch(
      /^Dec 2025: 90\.0 per million is above its control limits \(\d+\.\d–\d+\.\d\): a real change/,
    );
    expect(concernIn(above!, "sv").message).toMatch(
      /^dec\. 2025: 90,0 per miljon ligger över styrgränserna \(\d+,\d–\d+,\d\): en verklig förändring/,
    );
    const [below] = publicationConcerns([...steady, month("2025-12", 10, 1_000_000)], "2025-12");
    expect(below!.kind).toBe("below_limits");
    expect(concernIn(below!, "en").message).toMatch(/^Dec 2025: 10\.0 per million is below its control limits/);
  });

  it("says nothing about a month it has no figure for", () => {
    expect(publicationConcerns(steady, "2030-01")).toEqual([]);
  });
});

describe("restatedFigures", () => {
  it("shows whole numbers when they changed", () => {
    expect(restatedFigures(35.2, 37.9, "sv-SE")).toEqual({ from: "35", to: "38" });
  });

  it("adds the unrounded figures when the whole number did not change", () => {
    expect(restatedFigures(35.24, 34.87, "sv-SE")).toEqual({ from: "35 (35,24)", to: "35 (34,87)" });
    expect(restatedFigures(35.24, 34.87, "en-GB")).toEqual({ from: "35 (35.24)", to: "35 (34.87)" });
  });

  it("keeps a missing figure missing", () => {
    expect(restatedFigures(null, 12, "en-GB")).toEqual({ from: null, to: "12" });
  });
});
