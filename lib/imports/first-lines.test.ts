import { describe, expect, it } from "vitest";
import { FirstLines } from "./first-lines";

describe("FirstLines", () => {
  it("answers the line an id was first met on, through the table's growth", () => {
    const seen = new FirstLines(16);
    for (let i = 0; i < 50_000; i++) expect(seen.firstLine(`ID-${i}`, i + 2)).toBeUndefined();
    expect(seen.size).toBe(50_000);
    for (let i = 0; i < 50_000; i += 997) expect(seen.firstLine(`ID-${i}`, 99_999)).toBe(i + 2);
    // Ids that differ only in case, in one character, or by a trailing character are different ids.
    expect(seen.firstLine("id-1", 3)).toBeUndefined();
    expect(seen.firstLine("ID-1 ", 3)).toBeUndefined();
    expect(seen.firstLine("ÌD-1", 3)).toBeUndefined();
    expect(seen.size).toBe(50_003);
  });

  it("starts afresh once cleared", () => {
    const seen = new FirstLines();
    seen.firstLine("A-1", 2);
    seen.clear();
    expect(seen.size).toBe(0);
    expect(seen.firstLine("A-1", 5)).toBeUndefined();
    expect(seen.firstLine("A-1", 6)).toBe(5);
  });

  it("costs at most 43 bytes a row, however long the ids", () => {
    const short = new FirstLines();
    const long = new FirstLines();
    const rows = 200_000;
    const padding = "x".repeat(190);
    for (let i = 0; i < rows; i++) {
      short.firstLine(String(i), i + 1);
      long.firstLine(`${padding}${i}`, i + 1);
    }
    expect(long.size).toBe(rows);
    expect(long.bytes).toBe(short.bytes);
    expect(long.bytes / rows).toBeLessThanOrEqual(43);
  });
});
