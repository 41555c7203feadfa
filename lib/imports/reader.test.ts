import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { type DetectedFormat, detectFormat, type LineBreak } from "./detect";
import { CsvFormatError, readRecords, unreadableReason } from "./reader";

const chunked = (bytes: Buffer, chunk: number) =>
  Array.from({ length: Math.ceil(bytes.length / chunk) }, (_, i) => bytes.subarray(i * chunk, (i + 1) * chunk));

/** The file's format as the import detects it, and its records read in chunks of `chunk` bytes. */
async function read(
  text: string,
  chunk = 7,
  format?: DetectedFormat,
): Promise<{ format: DetectedFormat; records: [number, string[]][] }> {
  const bytes = Buffer.from(text);
  const source = { open: () => Readable.from(chunked(bytes, chunk)) };
  const detected = format ?? (await detectFormat(source));
  const records: [number, string[]][] = [];
  for await (const record of readRecords(source, detected)) records.push([record.line, record.values]);
  return { format: detected, records };
}

/** The records of `text` read by csv-parse alone (the format claims no uniform line breaks). */
async function readByCsvParse(text: string, chunk = 7) {
  const { format } = await read(text, chunk);
  const { lineBreak: _, ...withoutLineBreak } = format;
  return (await read(text, chunk, withoutLineBreak)).records;
}

const lines = async (text: string) => (await read(text)).records;

/** A UTF-8 file with an id and a text column, its lines all ending alike (`lineBreak`) or not. */
const idText = (lineBreak?: LineBreak): DetectedFormat => ({
  encoding: "utf-8",
  bom: false,
  delimiter: ",",
  headerLine: 1,
  headers: ["id", "text"],
  ...(lineBreak && { lineBreak }),
});

describe("line numbers of records", () => {
  it("count a line break inside a quoted field once, whether LF, CR LF or CR", async () => {
    for (const eol of ["\n", "\r\n", "\r"]) {
      const text = ["id,text", '1,"first line', 'second line"', "2,plain", '3,"a', "b", 'c"', "4,last", ""].join(eol);
      const expected = [
        [2, ["1", `first line${eol}second line`]],
        [4, ["2", "plain"]],
        [5, ["3", `a${eol}b${eol}c`]],
        [8, ["4", "last"]],
      ];
      expect(await lines(text), JSON.stringify(eol)).toEqual(expected);
      expect(await readByCsvParse(text), JSON.stringify(eol)).toEqual(expected);
    }
  });

  it("count CR LF records with LF inside a cell, as spreadsheets write them", async () => {
    const text = 'id,text\r\n1,"one\ntwo"\r\n2,x\r\n';
    expect(await lines(text)).toEqual([
      [2, ["1", "one\ntwo"]],
      [4, ["2", "x"]],
    ]);
  });

  it("skip empty lines without losing count", async () => {
    for (const eol of ["\n", "\r\n"]) {
      const text = ["id,text", "", "1,a", "", "2,b", ""].join(eol);
      expect(await lines(text)).toEqual([
        [3, ["1", "a"]],
        [5, ["2", "b"]],
      ]);
    }
  });

  it("skip the junk lines above the header", async () => {
    const text = 'Exported "all" 2020-03-18\n\nid,text,more\n1,a,b\n2,"c\nd",e\n';
    const { format, records } = await read(text);
    expect(format.headerLine).toBe(3);
    expect(records).toEqual([
      [4, ["1", "a", "b"]],
      [5, ["2", "c\nd", "e"]],
    ]);
  });
});

describe("the two parsers", () => {
  it("tell which files have one kind of line break", async () => {
    const kinds = async (text: string) => (await read(text)).format.lineBreak;
    expect(await kinds("a,b\n1,2\n")).toBe("\n");
    expect(await kinds('a,b\r\n1,"x\r\ny"\r\n')).toBe("\r\n");
    expect(await kinds("a,b\r1,2\r")).toBeUndefined();
    expect(await kinds("a,b\r\n1,2\n")).toBeUndefined();
    expect(await kinds('a,b\r\n1,"x\ny"\r\n')).toBeUndefined();
    // A CR LF cut between two chunks is still one line break.
    const bytes = Buffer.from("a,b\r\n1,2\r\n");
    const source = { open: () => Readable.from([bytes.subarray(0, 4), bytes.subarray(4)]) };
    expect((await detectFormat(source)).lineBreak).toBe("\r\n");
  });

  it("read the same records, whatever the chunks", async () => {
    const cells = [
      "plain",
      "",
      "with, comma",
      'with "quotes"',
      "line\nbreak",
      "åäö € 😀",
      " spaced ",
      "x".repeat(31_000),
    ];
    for (const eol of ["\n", "\r\n"]) {
      const rows = ["id;text;more"];
      for (let i = 0; i < 60; i++) {
        const cell = cells[i % cells.length]!.replace(/\n/g, eol);
        const quoted = /[;"\r\n]/.test(cell) || i % 3 === 0 ? `"${cell.replace(/"/g, '""')}"` : cell;
        rows.push(`${i};${quoted};${i % 4 === 0 ? "" : "z"}`);
        if (i % 11 === 0) rows.push("");
      }
      const text = rows.join(eol) + (eol === "\n" ? "" : eol);
      for (const chunk of [5, 1000, 1 << 20]) {
        const { format, records } = await read(text, chunk);
        expect(format.lineBreak).toBe(eol);
        expect(records).toHaveLength(60);
        expect(records[4]![1][1]).toBe(cells[4]!.replace(/\n/g, eol));
        expect(records).toEqual(await readByCsvParse(text, chunk));
      }
    }
  });

  it("read a stored upload, which PGlite gives back as a Uint8Array", async () => {
    const bytes = new Uint8Array(Buffer.from("id,text\n1,å\n"));
    const format = idText("\n");
    const records = [];
    for await (const record of readRecords({ open: () => Readable.from([bytes]) }, format)) records.push(record);
    expect(records).toEqual([{ line: 2, values: ["1", "å"] }]);
  });

  it("hand a file whose quoting PapaParse finds malformed to csv-parse, which keeps the quotes as text", async () => {
    const text = 'id,text\n1,a\n2,"ab"c\n3,"d\ne"\n4,f\n';
    expect((await read(text)).format.lineBreak).toBe("\n");
    const expected = [
      [2, ["1", "a"]],
      [3, ["2", '"ab"c']],
      [4, ["3", "d\ne"]],
      [6, ["4", "f"]],
    ];
    expect(await lines(text)).toEqual(expected);
    expect(await readByCsvParse(text)).toEqual(expected);
  });

  it("name the line of a quote never closed", async () => {
    const text = 'id,text\n1,a\n2,"never closed\n3,b\n';
    const format = idText("\n");
    const error = await read(text, 7, format).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvFormatError);
    expect((error as CsvFormatError).message).toMatch(/quote/i);
    expect((error as CsvFormatError).line).toBeGreaterThanOrEqual(3);
    // What a person is told is a message of ours, not csv-parse's English.
    expect((error as CsvFormatError).reason).toEqual(["importRules.csv.quoteNotClosed", {}]);
  });

  it("say why a file is not UTF-8 by a message of ours", async () => {
    const format = idText();
    const bytes = Buffer.concat([Buffer.from("id,text\r\n1,a\n2,"), Buffer.from([0xff, 0xfe]), Buffer.from("\n")]);
    const error = await (async () => {
      for await (const _ of readRecords({ open: () => Readable.from([bytes]) }, format));
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvFormatError);
    expect((error as CsvFormatError).reason).toEqual(["importRules.csv.notUtf8", {}]);
  });

  it("name csv-parse's reasons by their codes, and any other as a file it cannot read", () => {
    const csvError = (code: string) => Object.assign(new Error("Invalid Record Length: expect 2, got 3"), { code });
    expect(unreadableReason(csvError("CSV_RECORD_INCONSISTENT_FIELDS_LENGTH"))).toEqual([
      "importRules.csv.fieldCount",
      {},
    ]);
    expect(unreadableReason(csvError("CSV_INVALID_CLOSING_QUOTE"))).toEqual([
      "importRules.csv.invalidClosingQuote",
      {},
    ]);
    expect(unreadableReason(csvError("CSV_SOMETHING_NEW"))).toEqual(["importRules.csv.unreadable", {}]);
    expect(unreadableReason(new Error("Unexpected end"))).toEqual(["importRules.csv.unreadable", {}]);
    expect(unreadableReason(null)).toEqual(["importRules.csv.unreadable", {}]);
  });
});

describe("reading from a line (a resumed import)", () => {
  const text = [
    "\uFEFFid,text",
    '1,"first line',
    'second line"',
    "2,plain",
    "",
    '3,"a',
    "b",
    'c"',
    "4,Åsa wrote ✓",
    "5,last",
    "",
  ];
  it("starts at that line's record, whether read from its byte offset or parsed and skipped", async () => {
    for (const eol of ["\n", "\r\n"]) {
      const whole = text.join(eol);
      const bytes = Buffer.from(whole);
      const { format, records } = await read(whole);
      expect(format.lineBreak).toBe(eol);
      const { lineBreak: _, ...parsed } = format;
      for (const [from] of records) {
        const expected = records.filter(([line]) => line >= from);
        for (const f of [format, parsed]) {
          const seekable = {
            open: () => Readable.from(chunked(bytes, 5)),
            openAt: (offset: number) => Readable.from(chunked(bytes.subarray(offset), 5)),
          };
          const unseekable = { open: () => Readable.from(chunked(bytes, 3)) };
          for (const source of [seekable, unseekable]) {
            const got: [number, string[]][] = [];
            for await (const r of readRecords(source, f, { line: from })) got.push([r.line, r.values]);
            expect(got, `${JSON.stringify(eol)} from line ${from}`).toEqual(expected);
          }
        }
      }
    }
  });
});
