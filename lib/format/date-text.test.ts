import { describe, expect, it } from "vitest";
import { formatDateText, isoToLocalDate, localDateToIso, parseDateText } from "./date-text";

describe("date fields in the reader's format", () => {
  it("writes an ISO day day-first in English and as ISO in Swedish", () => {
    expect(formatDateText("2026-12-02", "en")).toBe("02/12/2026");
    expect(formatDateText("2026-12-02", "sv")).toBe("2026-12-02");
    expect(formatDateText("2026-12", "en", "month")).toBe("12/2026");
    expect(formatDateText("2026-12", "sv", "month")).toBe("2026-12");
    expect(formatDateText("", "en")).toBe("");
    expect(formatDateText(null, "sv")).toBe("");
    // Text that is no ISO value (an unreadable entry handed back) stays as it was.
    expect(formatDateText("31/02/2026", "en")).toBe("31/02/2026");
  });

  it("reads what an English reader types, day first", () => {
    expect(parseDateText("02/12/2026", "en")).toEqual({ kind: "date", iso: "2026-12-02" });
    expect(parseDateText("2/12/2026", "en")).toEqual({ kind: "date", iso: "2026-12-02" });
    expect(parseDateText(" 2.12.2026 ", "en")).toEqual({ kind: "date", iso: "2026-12-02" });
    expect(parseDateText("2 12 2026", "en")).toEqual({ kind: "date", iso: "2026-12-02" });
    expect(parseDateText("02122026", "en")).toEqual({ kind: "date", iso: "2026-12-02" });
    // Both ends of 20122026 could be a year: the English order wins.
    expect(parseDateText("20122026", "en")).toEqual({ kind: "date", iso: "2026-12-20" });
    // ISO, pasted from another system, is read in either language.
    expect(parseDateText("2026-12-02", "en")).toEqual({ kind: "date", iso: "2026-12-02" });
  });

  it("reads what a Swedish reader types, year first", () => {
    expect(parseDateText("2026-12-02", "sv")).toEqual({ kind: "date", iso: "2026-12-02" });
    expect(parseDateText("2026-12-2", "sv")).toEqual({ kind: "date", iso: "2026-12-02" });
    expect(parseDateText("2026 12 02", "sv")).toEqual({ kind: "date", iso: "2026-12-02" });
    expect(parseDateText("20261202", "sv")).toEqual({ kind: "date", iso: "2026-12-02" });
    // The Swedish order first, the other when that is no date (2012-20-26 is none).
    expect(parseDateText("20122026", "sv")).toEqual({ kind: "date", iso: "2026-12-20" });
    // A year last means day first in Swedish too (2/12 2026).
    expect(parseDateText("2/12 2026", "sv")).toEqual({ kind: "date", iso: "2026-12-02" });
  });

  it("tells an impossible date from text that is no date at all", () => {
    for (const locale of ["en", "sv"] as const) {
      expect(parseDateText("31/02/2026", locale)).toEqual({ kind: "impossible" });
      expect(parseDateText("2026-02-30", locale)).toEqual({ kind: "impossible" });
      expect(parseDateText("2026-13-01", locale)).toEqual({ kind: "impossible" });
      expect(parseDateText("00/12/2026", locale)).toEqual({ kind: "impossible" });
      expect(parseDateText("tomorrow", locale)).toEqual({ kind: "unreadable" });
      expect(parseDateText("12/2026", locale)).toEqual({ kind: "unreadable" });
      expect(parseDateText("02/12/26", locale)).toEqual({ kind: "unreadable" });
      expect(parseDateText("   ", locale)).toEqual({ kind: "empty" });
    }
    // 29 February only in a leap year.
    expect(parseDateText("29/02/2028", "en")).toEqual({ kind: "date", iso: "2028-02-29" });
    expect(parseDateText("2027-02-29", "sv")).toEqual({ kind: "impossible" });
  });

  it("reads months both ways", () => {
    expect(parseDateText("12/2026", "en", "month")).toEqual({ kind: "date", iso: "2026-12" });
    expect(parseDateText("3/2019", "en", "month")).toEqual({ kind: "date", iso: "2019-03" });
    expect(parseDateText("2026-12", "sv", "month")).toEqual({ kind: "date", iso: "2026-12" });
    expect(parseDateText("2026-13", "sv", "month")).toEqual({ kind: "impossible" });
    expect(parseDateText("december", "sv", "month")).toEqual({ kind: "unreadable" });
  });

  it("round-trips what it writes", () => {
    for (const iso of ["2000-01-01", "2026-12-02", "2028-02-29", "2100-12-31"]) {
      for (const locale of ["en", "sv"] as const) {
        expect(parseDateText(formatDateText(iso, locale), locale)).toEqual({ kind: "date", iso });
      }
      expect(localDateToIso(isoToLocalDate(iso) as Date)).toBe(iso);
    }
    expect(localDateToIso(isoToLocalDate("2026-12") as Date, "month")).toBe("2026-12");
  });
});
