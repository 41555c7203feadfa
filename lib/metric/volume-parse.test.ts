import { describe, expect, it } from "vitest";
import { parsingIn } from "@/lib/i18n/say";
import { parsePurchases, parseVolumeText } from "./volume-parse";

describe("parseVolumeText", () => {
  it("reads the canonical CSV, with a BOM and in any column order", () => {
    const { lines, errors } = parseVolumeText(
      "\uFEFFmonth,market,purchases\n2019-01,se,1000000\r\n2019-02,SE,950000\n",
    );
    expect(errors).toEqual([]);
    expect(lines).toEqual([
      { line: 2, market: "SE", month: "2019-01", purchases: 1_000_000, product: null },
      { line: 3, market: "SE", month: "2019-02", purchases: 950_000, product: null },
    ]);
  });

  it("reads a tab-separated spreadsheet paste without a header, with thousands separators", () => {
    const { lines, errors } = parseVolumeText("SE\t2019-01\t1 000 000\nNO\t2019-01\t250,000\tKlarna konto\n");
    expect(errors).toEqual([]);
    expect(lines.map((l) => [l.market, l.purchases, l.product])).toEqual([
      ["SE", 1_000_000, null],
      ["NO", 250_000, "Klarna konto"],
    ]);
  });

  it("reads semicolon files with a product column", () => {
    const { lines } = parseVolumeText("market;month;purchases;product\nSE;2019-03;120000;Klarna delbetalningskonto\n");
    expect(lines[0]).toMatchObject({ purchases: 120_000, product: "Klarna delbetalningskonto" });
  });

  it("names the line and field of every bad value", () => {
    const { lines, errors } = parseVolumeText(
      "market,month,purchases\nSWE,2019-01,10\nSE,2019-13,10\nSE,2019-02,-5\nSE,2019-03,12.5\n",
    );
    expect(lines).toEqual([]);
    expect(errors.map(({ phrase: _phrase, ...said }) => said)).toEqual([
      { line: 2, field: "market", message: '"SWE" is not a two-letter market code' },
      { line: 3, field: "month", message: '"2019-13" is not a month as YYYY-MM' },
      { line: 4, field: "purchases", message: '"-5" is not a whole number of purchases' },
      { line: 5, field: "purchases", message: '"12.5" is not a whole number of purchases' },
    ]);
  });

  it("refuses a month given twice and a header without a required column", () => {
    expect(parseVolumeText("market,month,purchases\nSE,2019-01,1\nse,2019-01,2\n").errors[0]).toMatchObject({
      line: 3,
      field: "month",
    });
    expect(parseVolumeText("market,purchases\nSE,1\n").errors).toEqual([
      {
        line: 1,
        field: "month",
        phrase: ["adminRules.volumes.headerMissing", { column: "month" }],
        message: "The header has no month column",
      },
    ]);
    expect(parseVolumeText("market,month,purchases\n").errors[0]!.message).toBe("No rows found");
    // Parsed for a Swedish reader, the messages are Swedish; the phrase says them in any language.
    const swedish = parsingIn("sv", () => parseVolumeText("market,month,purchases\nSE,2019-01,x\n").errors);
    expect(swedish[0]?.message).toBe("”x” är inget heltal för antal köp");
  });

  it("says why a text is not CSV in the reader's language, not csv-parse's English", () => {
    const unclosed = 'market,month,purchases\nSE,"2019-01,1\n';
    expect(parsingIn("sv", () => parseVolumeText(unclosed).errors)[0]?.message).toBe(
      "Filen kan inte läsas som CSV: ett fält inom citattecken avslutas aldrig: ett citattecken öppnar det men inget stänger det före filens slut",
    );
    const [english] = parseVolumeText('market,month,purchases\nSE,"2019-01"x,1\n').errors;
    expect(english?.message).toMatch(/^Not readable as CSV: (a quote inside|there is text after)/);
  });
});

describe("parsePurchases", () => {
  it("accepts whole numbers as spreadsheets write them and nothing else", () => {
    expect(parsePurchases("1\u00a0234\u00a0567", ",")).toBe(1_234_567);
    expect(parsePurchases("1.234.567", ",")).toBe(1_234_567);
    expect(parsePurchases("1,234,567", "\t")).toBe(1_234_567);
    expect(parsePurchases("1,5", "\t")).toBeNull();
    expect(parsePurchases("", ",")).toBeNull();
    expect(parsePurchases("abc", ",")).toBeNull();
  });
});

describe("purchases typed into the form", () => {
  it("accepts spaces, commas and dots as thousands separators, and names the field otherwise", async () => {
    const { volumeSchema } = await import("./validations");
    const base = { market: "SE", month: "2026-01", productId: "" };
    for (const typed of ["4 900 000", "4,900,000", "4.900.000", "4900000", "4\u00a0900\u00a0000"]) {
      expect(volumeSchema.parse({ ...base, purchases: typed }).purchases).toBe(4_900_000);
    }
    const wrong = volumeSchema.safeParse({ ...base, purchases: "4.9 million" });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]).toMatchObject({
      path: ["purchases"],
      message: "Purchases must be a whole number, such as 4 900 000",
    });
  });
});
