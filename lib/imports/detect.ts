import { isUtf8 } from "node:buffer";
import type { Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { CANONICAL_COLUMNS } from "./fields";
import { Utf8Checker } from "./utf8";

export type Encoding = "utf-8" | "windows-1252";
export type Delimiter = "," | ";" | "\t";
export type LineBreak = "\n" | "\r\n";
export const DELIMITERS: Delimiter[] = [",", ";", "\t"];

export type DetectedFormat = {
  encoding: Encoding;
  bom: boolean;
  delimiter: Delimiter;
  /** 1-based physical line of the header row; lines before it are skipped as junk. */
  headerLine: number;
  headers: string[];
  /**
   * The line break every line of a UTF-8 file ends with, when they all end alike (LF, or CR LF with
   * no lone CR or LF anywhere, not even inside a quoted field). Absent for mixed or unknown breaks.
   */
  lineBreak?: LineBreak;
};

/** Where the bytes come from: opened afresh for each pass over the file. */
export type ByteSource = {
  open: () => Readable;
  /** Opens it from a byte offset on, where the source can seek (a file, bytes in memory). */
  openAt?: (offset: number) => Readable;
  size?: number;
};

const SAMPLE_BYTES = 256 * 1024;
const SAMPLE_RECORDS = 40;

/** Counts a byte stream's line breaks by kind, to tell whether they are all LF or all CR LF. */
export class LineBreaks {
  private cr = 0;
  private lf = 0;
  private crlf = 0;
  private endsWithCr = false;

  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    if (this.endsWithCr && chunk[0] === 0x0a) this.crlf++;
    for (let i = chunk.indexOf(0x0d); i !== -1; i = chunk.indexOf(0x0d, i + 1)) {
      this.cr++;
      if (chunk[i + 1] === 0x0a) this.crlf++;
    }
    for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) this.lf++;
    this.endsWithCr = chunk[chunk.length - 1] === 0x0d;
  }

  /** The one kind of line break seen, or null when there were several. */
  get uniform(): LineBreak | null {
    if (this.cr === 0) return "\n";
    return this.cr === this.crlf && this.lf === this.crlf ? "\r\n" : null;
  }
}

/**
 * Reads the whole stream: is every byte valid UTF-8 (a multi-byte character may straddle chunks),
 * and if so, do all its lines end alike? Stops at the first byte that is not UTF-8.
 */
export async function scanUtf8Stream(stream: Readable): Promise<{ utf8: boolean; lineBreak: LineBreak | null }> {
  const checker = new Utf8Checker();
  const breaks = new LineBreaks();
  try {
    for await (const chunk of stream) {
      if (!checker.push(chunk as Buffer)) throw new Error("Not UTF-8");
      breaks.push(chunk as Buffer);
    }
    return checker.end() ? { utf8: true, lineBreak: breaks.uniform } : { utf8: false, lineBreak: null };
  } catch {
    stream.destroy();
    return { utf8: false, lineBreak: null };
  }
}

async function readHead(stream: Readable, bytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer);
    total += (chunk as Buffer).length;
    if (total >= bytes) break;
  }
  stream.destroy();
  return Buffer.concat(chunks).subarray(0, bytes);
}

export function decodeSample(head: Buffer, encoding: Encoding): string {
  if (encoding === "windows-1252") return iconv.decode(head, "win1252");
  // stream:true leaves a character cut at the sample's end undecoded instead of garbling it.
  return new TextDecoder("utf-8").decode(head, { stream: true });
}

/**
 * Detects encoding, BOM, delimiter, header row and, for UTF-8, whether all lines end alike. Reads
 * the whole source once to prove UTF-8.
 */
export async function detectFormat(source: ByteSource, expectedHeaders: string[] = []): Promise<DetectedFormat> {
  const head = await readHead(source.open(), SAMPLE_BYTES);
  const bom = head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  const scan = isUtf8(head.subarray(0, lastCompleteUtf8(head))) ? await scanUtf8Stream(source.open()) : null;
  const encoding: Encoding = scan?.utf8 ? "utf-8" : "windows-1252";
  const layout = detectLayout(decodeSample(head, encoding), expectedHeaders);
  return {
    encoding,
    bom: bom && encoding === "utf-8",
    ...layout,
    ...(scan?.lineBreak ? { lineBreak: scan.lineBreak } : {}),
  };
}

// A sample may end inside a multi-byte character; check only up to the last whole one.
function lastCompleteUtf8(buf: Buffer): number {
  let end = buf.length;
  for (let i = buf.length - 1; i >= Math.max(0, buf.length - 4); i--) {
    const byte = buf[i]!;
    if ((byte & 0xc0) === 0x80) continue;
    if (byte >= 0xc0) end = i;
    break;
  }
  return end;
}

type Candidate = { delimiter: Delimiter; headerLine: number; headers: string[]; score: number };

/** Picks the delimiter and header row from a decoded sample of the file's start. */
export function detectLayout(sample: string, expectedHeaders: string[] = []): Omit<DetectedFormat, "encoding" | "bom"> {
  const text = sample.replace(/^\uFEFF/, "");
  const known = new Set([...CANONICAL_COLUMNS, ...expectedHeaders].map((h) => h.trim().toLowerCase()));
  let best: Candidate | null = null;
  for (const delimiter of DELIMITERS) {
    const candidate = layoutFor(text, delimiter, known);
    if (candidate && (!best || candidate.score > best.score)) best = candidate;
  }
  if (!best) return { delimiter: ",", headerLine: 1, headers: [] };
  return { delimiter: best.delimiter, headerLine: best.headerLine, headers: best.headers };
}

function layoutFor(text: string, delimiter: Delimiter, known: Set<string>): Candidate | null {
  const records = sampleRecords(text, delimiter);
  const [firstRecord] = records;
  if (!firstRecord) return null;
  // The header is the first row with the width most rows share; junk lines above it are narrower.
  const widths = new Map<number, number>();
  for (const { record } of records) widths.set(record.length, (widths.get(record.length) ?? 0) + 1);
  let width = 1;
  let count = 0;
  for (const [w, n] of widths) if (w > 1 && (n > count || (n === count && w > width))) [width, count] = [w, n];
  if (count === 0) count = widths.get(1) ?? 0;
  let header = records.find((r) => r.record.length === width) ?? firstRecord;
  // A row naming known columns wins, even if the data rows below are ragged.
  const named = records.find((r) => r.record.filter((f) => known.has(f.trim().toLowerCase())).length >= 2);
  if (named) header = named;
  const knownHits = header.record.filter((f) => known.has(f.trim().toLowerCase())).length;
  return {
    delimiter,
    headerLine: header.line,
    headers: header.record.map((h) => h.trim()),
    score: knownHits * 1000 + (width > 1 ? width * count : 0),
  };
}

function sampleRecords(text: string, delimiter: Delimiter): { record: string[]; line: number }[] {
  const lastNewline = text.lastIndexOf("\n");
  const body = lastNewline >= 0 ? text.slice(0, lastNewline + 1) : text;
  for (const limit of [SAMPLE_RECORDS, 10, 3]) {
    try {
      const rows = parse(body, {
        delimiter,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: true,
        to: limit,
        info: true,
      }) as unknown as { record: string[]; info: { lines: number } }[];
      // A header is one physical line, so the line a record ends on is the header's line.
      return rows.map(({ record, info }) => ({ record, line: info.lines }));
    } catch {
      // A quoted field cut by the sample's end: try fewer records.
    }
  }
  return [];
}
