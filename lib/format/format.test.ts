import { describe, expect, it } from "vitest";
import { formatDateTime, formatDay, formatMonth, formatNumber, formatterFor } from "./index";

// Intl puts a narrow no-break space between Swedish thousands; compare with plain spaces.
const plain = (text: string) => text.replaceAll(/[\u00a0\u202f]/g, " ");

describe("one date format and one number format per locale", () => {
  it("reads a calendar day the same in every place, and never shifts it by the time zone", () => {
    expect(formatDay("2019-09-30", "en")).toBe("30 Sept 2019");
    expect(formatDay("2019-09-30", "sv")).toBe("30 sep. 2019");
    // An ISO timestamp late in the day UTC is still that day.
    expect(formatDay("2026-12-02T23:30:00Z", "en")).toBe("2 Dec 2026");
    expect(formatDay(new Date("2026-12-02T00:00:00Z"), "sv")).toBe("2 dec. 2026");
  });

  it("shows a time in Stockholm, with the same day format", () => {
    // 01:56 UTC in winter is 02:56 in Stockholm.
    expect(formatDateTime("2026-12-02T01:56:00Z", "en")).toBe("2 Dec 2026, 02:56");
    expect(formatDateTime("2026-12-02T01:56:00Z", "sv")).toBe("2 dec. 2026 02:56");
  });

  it("names a month in the same words as a day", () => {
    expect(formatMonth("2018-09", "en")).toBe("Sept 2018");
    expect(formatMonth("2018-09", "sv")).toBe("sep. 2018");
    expect(formatMonth("2018-05-17", "sv")).toBe("maj 2018");
  });

  it("groups thousands one way per locale, with the decimals asked for", () => {
    expect(formatNumber(1234, "en")).toBe("1,234");
    expect(plain(formatNumber(1234, "sv"))).toBe("1 234");
    expect(formatNumber(4.25, "en", 1)).toBe("4.3");
    expect(plain(formatNumber(1234.5, "sv", 2))).toBe("1 234,50");
  });

  it("shows a dash for what is missing or unreadable, never 'Invalid Date' or NaN", () => {
    for (const locale of ["en", "sv"] as const) {
      expect(formatDay(null, locale)).toBe("—");
      expect(formatDay("not a day", locale)).toBe("—");
      expect(formatDateTime(undefined, locale)).toBe("—");
      expect(formatMonth("", locale)).toBe("—");
      expect(formatNumber(Number.NaN, locale)).toBe("—");
      expect(formatNumber(null, locale)).toBe("—");
    }
  });

  it("binds every function to one locale", () => {
    const sv = formatterFor("sv");
    expect(sv.locale).toBe("sv");
    expect(sv.day("2019-09-30")).toBe(formatDay("2019-09-30", "sv"));
    expect(plain(sv.number(4900000))).toBe("4 900 000");
  });
});
