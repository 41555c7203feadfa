import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { parseComplaintFilters } from "./filters";
import { listComplaints } from "./list-query";
import { identifierSearch } from "./search-identifiers";
import { createFixtures, insertComplaints } from "./test-fixtures";

describe("identifierSearch", () => {
  it("reads a reference, its bare number in every year, and other one-token ids with a digit", () => {
    expect(identifierSearch("c-2019-5151")).toEqual({ references: ["C-2019-005151"], value: "c-2019-5151" });
    const byNumber = identifierSearch("005151", 2020);
    expect(byNumber?.references).toContain("C-2019-005151");
    expect(byNumber?.references).toContain("C-2000-005151");
    expect(byNumber?.references).toContain("C-2021-005151");
    expect(identifierSearch("CUST-0101234")).toEqual({ references: [], value: "CUST-0101234" });
    expect(identifierSearch("BX-17-F")).toEqual({ references: [], value: "BX-17-F" });
  });

  it("leaves words and several words to the full-text search", () => {
    expect(identifierSearch("late fee")).toBeNull();
    expect(identifierSearch("refund")).toBeNull();
    expect(identifierSearch("C-2019 late")).toBeNull();
    expect(identifierSearch(undefined)).toBeNull();
  });
});

describe("searching for an identifier", () => {
  let testDb: TestDatabase;
  let target: { id: string; reference: string };
  beforeAll(async () => {
    testDb = await useTestDatabase();
    await createFixtures();
    // Others mention the target's numbers in their text: the identifier still finds the target first.
    const [first] = await insertComplaints([
      { summary: "Fakturan kom sent", externalId: "EXT-4711", customerRef: "CUST-0042424", receivedOn: "2018-05-02" },
    ]);
    target = first!;
    const number = first!.reference.split("-")[2];
    await insertComplaints([
      { summary: `About EXT-4711 and ${first!.reference}`, narrative: `customer CUST-0042424, number ${number}` },
      { summary: "Another one", customerRef: "CUST-0099999" },
    ]);
  });
  afterAll(async () => testDb?.drop());

  const search = (q: string, extra = "") =>
    listComplaints(db, parseComplaintFilters(new URLSearchParams(`q=${encodeURIComponent(q)}${extra}`)));

  it("finds a complaint by its reference, its number, its external id and its customer reference", async () => {
    const number = String(Number(target.reference.split("-")[2]));
    for (const q of [target.reference, target.reference.toLowerCase(), number, "EXT-4711", "CUST-0042424"]) {
      const found = await search(q);
      expect(found.rows.map((r) => r.id)).toEqual([target.id]);
      expect(found).toMatchObject({ total: 1, totalIsEstimate: false });
    }
  });

  it("keeps the other filters and falls back to the text when nothing is named", async () => {
    expect((await search("EXT-4711", "&market=NO")).rows).toHaveLength(0);
    const text = await search("EXT-4712");
    expect(text.rows).toHaveLength(0);
    const words = await search("fakturan");
    expect(words.rows.map((r) => r.id)).toContain(target.id);
  });
});
