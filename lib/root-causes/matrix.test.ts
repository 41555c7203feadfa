import { describe, expect, it } from "vitest";
import { buildMatrix, matrixCsv } from "./matrix";

const names = {
  causes: new Map([
    ["a", "Missed due date"],
    ["b", "Unclear product name"],
  ]),
  columns: new Map([
    ["p1", "Faktura"],
    ["p2", "Konto"],
  ]),
};

describe("buildMatrix", () => {
  const counts = [
    { rootCauseId: "a", column: "p1", complaints: 20 },
    { rootCauseId: "a", column: "p2", complaints: 3 },
    { rootCauseId: "a", column: null, complaints: 8 },
    { rootCauseId: "b", column: "p2", complaints: 40 },
  ];

  it("orders causes and columns by total, naming a missing value", () => {
    const m = buildMatrix(counts, names, false);
    expect(m.columns).toEqual([
      { key: "p2", name: "Konto" },
      { key: "p1", name: "Faktura" },
      { key: null, name: "Not recorded" },
    ]);
    expect(m.rows.map((r) => [r.name, r.total, r.cells.map((c) => c.complaints)])).toEqual([
      ["Unclear product name", 40, [40, 0, 0]],
      ["Missed due date", 31, [3, 20, 8]],
    ]);
  });

  it("names what is not data in the reader's language", () => {
    const unnamed = [...counts, { rootCauseId: "c", column: "p1", complaints: 1 }];
    const m = buildMatrix(unnamed, names, false, "sv");
    expect(m.columns.find((c) => c.key === null)?.name).toBe("Inte angivet");
    expect(m.rows.find((r) => r.id === "c")?.name).toBe("Okänd grundorsak");
    expect(buildMatrix(unnamed, names, false).rows.find((r) => r.id === "c")?.name).toBe("Unknown root cause");
  });

  it("withholds 1–4 and the smallest other cell of the row that would give it away", () => {
    const m = buildMatrix(counts, names, true);
    expect(m.rows[1]!.cells.map((c) => c.complaints)).toEqual([null, 20, null]);
    expect(
      matrixCsv({ by: "product", from: "2019-01", to: "2019-03", market: "SE", suppressesSmallCells: true, ...m }),
    ).toBe(`root_cause_id,root_cause,total,Konto,Faktura,Not recorded
b,Unclear product name,40,40,0,0
a,Missed due date,31,,20,
`);
  });
});
