import { describe, expect, it } from "vitest";
import { neutraliseCell, restoreCell } from "./csv-safety";

describe("formula neutralising", () => {
  it.each(["=SUM(A1)", "+46 70 123", "-5", "@cmd", "\tx", "\rx"])("prefixes %j with a quote", (value) => {
    expect(neutraliseCell(value)).toBe(`'${value}`);
  });

  it("leaves ordinary text alone", () => {
    expect(neutraliseCell("Missed due date")).toBe("Missed due date");
    expect(neutraliseCell("it's = fine")).toBe("it's = fine");
  });

  it.each(["=1+1", "'=1+1", "''-x", "'plain", "plain", "-", ""])("round-trips %j", (value) => {
    expect(restoreCell(neutraliseCell(value))).toBe(value);
  });
});
