import { Readable } from "node:stream";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { parseDate } from "./dates";
import { detectFormat, detectLayout } from "./detect";
import { suggestColumns } from "./mapping";

const source = (bytes: Buffer) => ({ open: () => Readable.from([bytes]) });

describe("detectLayout", () => {
  it("finds the header below junk lines, as in the CFPB file", () => {
    const text =
      'Archive:  /Users/x/complaints.csv.zip\n  inflating: complaints.csv   \nDate received,Product,Issue,Complaint ID\n2020-03-18,Debt,"Late, again",1\n2020-03-19,Card,Fees,2\n';
    expect(detectLayout(text)).toEqual({
      delimiter: ",",
      headerLine: 3,
      headers: ["Date received", "Product", "Issue", "Complaint ID"],
    });
  });

  it("tells ; from , when commas sit inside the text", () => {
    const text = "external_id;received_on;summary\nA;2019-01-01;Late, very late\nB;2019-01-02;Ok, fine\n";
    expect(detectLayout(text).delimiter).toBe(";");
  });

  it("reads tabs", () => {
    expect(detectLayout("a\tb\tc\n1\t2\t3\n").delimiter).toBe("\t");
  });

  it("prefers the row naming canonical columns", () => {
    const text =
      "Report,generated,2019\n\nexternal_id,received_on,market,channel,summary\nA,2019-01-01,SE,customer_service,x\n";
    expect(detectLayout(text).headerLine).toBe(3);
  });
});

describe("detectFormat", () => {
  it("takes bytes that are not UTF-8 as Windows-1252", async () => {
    const bytes = iconv.encode("a;b\nFörfallodatum;€\n", "win1252");
    expect(await detectFormat(source(bytes))).toMatchObject({ encoding: "windows-1252", delimiter: ";" });
  });

  it("notices a BOM", async () => {
    const bytes = Buffer.from("\uFEFFa,b\nå,ä\n", "utf8");
    expect(await detectFormat(source(bytes))).toMatchObject({ encoding: "utf-8", bom: true, headers: ["a", "b"] });
  });
});

describe("parseDate", () => {
  it.each([
    ["2020-03-18", "YYYY-MM-DD", "2020-03-18"],
    ["2020/3/8", "YYYY/M/D", "2020-03-08"],
    ["18.03.2020", "DD.MM.YYYY", "2020-03-18"],
    ["03/18/2020", "MM/DD/YYYY", "2020-03-18"],
  ] as const)("reads %s as %s", (value, format, expected) => {
    expect(parseDate(value, format)).toBe(expected);
  });

  it.each([
    ["2019-02-29", "YYYY-MM-DD"],
    ["2020-13-01", "YYYY-MM-DD"],
    ["18.03.2020", "YYYY-MM-DD"],
    ["03/18/2020", "DD.MM.YYYY"],
  ] as const)("refuses %s in %s", (value, format) => {
    expect(parseDate(value, format)).toBeNull();
  });
});

describe("suggestColumns", () => {
  it("maps canonical names directly and CFPB names by their usual meaning", () => {
    expect(
      suggestColumns([
        "external_id",
        "Market",
        "Complaint ID",
        "Date received",
        "Consumer complaint narrative",
        "State",
      ]),
    ).toEqual({
      external_id: "external_id",
      Market: "market",
      "Date received": "received_on",
      "Consumer complaint narrative": "narrative",
    });
  });
});
