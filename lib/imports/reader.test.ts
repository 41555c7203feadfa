import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { DetectedFormat } from "./detect";
import { readRecords } from "./reader";

const format: DetectedFormat = { encoding: "utf-8", bom: false, delimiter: ",", headerLine: 1, headers: ["id", "text"] };

/** The records of `text` with the physical line each starts on, read in chunks of `chunk` bytes. */
async function lines(text: string, chunk = 7): Promise<[number, string[]][]> {
  const bytes = Buffer.from(text);
  const chunks = Array.from({ length: Math.ceil(bytes.length / chunk) }, (_, i) => bytes.subarray(i * chunk, (i + 1) * chunk));
  const out: [number, string[]][] = [];
  for await (const record of readRecords({ open: () => Readable.from(chunks) }, format)) out.push([record.line, record.values]);
  return out;
}

describe("line numbers of records", () => {
  it("count a line break inside a quoted field once, whether LF, CR LF or CR", async () => {
    for (const eol of ["\n", "\r\n", "\r"]) {
      const text = ["id,text", '1,"first line', 'second line"', "2,plain", '3,"a', "b", 'c"', "4,last", ""].join(eol);
      expect(await lines(text), JSON.stringify(eol)).toEqual([
        [2, ["1", `first line${eol}second line`]],
        [4, ["2", "plain"]],
        [5, ["3", `a${eol}b${eol}c`]],
        [8, ["4", "last"]],
      ]);
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
    expect(await lines("id,text\r\n\r\n1,a\r\n\r\n2,b\r\n")).toEqual([
      [3, ["1", "a"]],
      [5, ["2", "b"]],
    ]);
  });
});
