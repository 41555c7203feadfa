import { Transform, type TransformCallback } from "node:stream";
import { Parser } from "csv-parse";
import iconv from "iconv-lite";
import Papa from "papaparse";
import type { MessageKey, NestedPhrase } from "@/lib/i18n/say";
import { csvParseReason } from "./csv-reasons";
import type { ByteSource, DetectedFormat, LineBreak } from "./detect";
import { lineOffset, sourceFrom } from "./source-position";
import { Utf8Checker } from "./utf8";

export type SourceRecord = { line: number; values: string[] };

/**
 * Checks that the bytes are UTF-8 and passes them on as bytes, without a leading BOM, for
 * csv-parse to decode field by field: decoding the whole text only for the parser to encode it
 * back into bytes doubled the work. Fails with the messages, and on the chunk, a fatal
 * TextDecoder would.
 */
function utf8Bytes(dropBom = true): Transform {
  const checker = new Utf8Checker(dropBom);
  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      const whole = checker.push(chunk);
      if (!whole) done(new UnreadableText("The file is not valid UTF-8 throughout", "importRules.csv.notUtf8"));
      else done(null, whole.length > 0 ? whole : undefined);
    },
    flush(done: TransformCallback) {
      done(
        checker.end()
          ? null
          : new UnreadableText("The file ends inside a UTF-8 character", "importRules.csv.endsInsideUtf8"),
      );
    },
  });
}

/** Decodes Windows-1252 to text; UTF-8 stays bytes (checked, BOM dropped) for csv-parse to decode. */
function decoder(encoding: DetectedFormat["encoding"]): Transform {
  if (encoding === "windows-1252") return iconv.decodeStream("win1252") as unknown as Transform;
  return utf8Bytes();
}

type ParsedRecord = { values: string[]; end: number };

/**
 * csv-parse that tags each record with the line it ends on, read at the moment the record is
 * emitted: the same number `info: true` reports, without copying the whole info object for
 * every record.
 */
class LineParser extends Parser {
  override push(record: unknown, encoding?: BufferEncoding): boolean {
    return super.push(
      record === null ? null : ({ values: record as string[], end: this.info.lines } satisfies ParsedRecord),
      encoding,
    );
  }
}

/** Bytes that are not the text they claim to be, with what to tell a person about it. */
class UnreadableText extends Error {
  constructor(
    message: string,
    readonly reason: MessageKey,
  ) {
    super(message);
  }
}

/**
 * Why a file cannot be read, as a phrase for any reader: the UTF-8 check's own reasons, csv-parse's by
 * their codes, anything else as a file this import cannot read (never a library's English words).
 */
export function unreadableReason(error: unknown): NestedPhrase {
  if (error instanceof CsvFormatError) return error.reason;
  if (error instanceof UnreadableText) return [error.reason, {}];
  return csvParseReason(error);
}

/** The file cannot be read from `line` on: the parser's own words (for the log) and `reason`, to say. */
export class CsvFormatError extends Error {
  readonly reason: NestedPhrase;
  constructor(
    cause: unknown,
    readonly line: number,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = "CsvFormatError";
    this.reason = unreadableReason(cause);
  }
}

/** Where to start reading: the physical line a record starts on. */
export type ReadFrom = { line: number };

/**
 * Streams the data records after the header row, each with the physical line it starts on; empty
 * lines are skipped. From a line (a resumed import), a file whose lines all end alike is read from
 * that line's byte offset (found by a scan for line feeds, without parsing); any other is parsed from
 * the start and the records before the line are skipped. A UTF-8 file whose lines all end alike is read by PapaParse, several times
 * faster; should it find the quoting malformed, the file is read again from the start by csv-parse,
 * which lets a quote inside a field stand (relax_quotes) and names the line where it cannot go on.
 * Files with mixed line breaks and Windows-1252 files are read by csv-parse.
 */
export async function* readRecords(
  source: ByteSource,
  format: DetectedFormat,
  from?: ReadFrom,
): AsyncGenerator<SourceRecord> {
  let yielded = 0;
  const fromLine = from?.line ?? 1;
  if (format.encoding === "utf-8" && format.lineBreak) {
    const offset = fromLine > 1 ? await lineOffset(source, fromLine) : 0;
    if (offset === null) return;
    const fast = new UniformReader(format, format.lineBreak, fromLine);
    for await (const record of fast.records(sourceFrom(source, offset), offset === 0)) {
      yielded++;
      yield record;
    }
    if (!fast.malformed) return;
  }
  // The records before the malformed one were read alike by both parsers.
  let skip = yielded;
  for await (const record of csvParseRecords(source, format)) {
    if (record.line < fromLine) continue;
    if (skip > 0) skip--;
    else yield record;
  }
}

/** How often `text` holds `what` from `from` up to (not including) `to`. */
function occurrences(text: string, what: string, from = 0, to = text.length): number {
  let n = 0;
  for (let i = text.indexOf(what, from); i !== -1 && i < to; i = text.indexOf(what, i + what.length)) n++;
  return n;
}

/**
 * PapaParse's parser fed chunk by chunk: each chunk's last, possibly cut, record is carried over
 * to the next. With one kind of line break in the whole file, the lines a record spans are one
 * plus the line breaks inside its fields.
 */
class UniformReader {
  /** Set when PapaParse found quoting it cannot read; the records before it have been yielded. */
  malformed = false;
  private readonly parser: Papa.Parser;
  constructor(
    private readonly format: DetectedFormat,
    private readonly newline: LineBreak,
    /** The physical line the next record starts on. */
    private line = 1,
  ) {
    this.parser = new Papa.Parser({ delimiter: format.delimiter, newline, quoteChar: '"', escapeChar: '"' });
  }

  async *records(source: ByteSource, fromStart = true): AsyncGenerator<SourceRecord> {
    const input = source.open();
    const bytes = utf8Bytes(fromStart);
    input.on("error", (error) => bytes.destroy(error));
    input.pipe(bytes);
    // The text not parsed yet: the last, possibly cut, record of the previous parse and what came after.
    let text = "";
    let fresh = 0;
    let carried = 0;
    try {
      for await (const chunk of bytes) {
        const piece = (chunk as Buffer).toString("utf8");
        text += piece;
        fresh += piece.length;
        // Parsed again once as much has come in as was carried over: a record spanning many chunks
        // is parsed a few times, not once per chunk.
        if (fresh < carried) continue;
        fresh = 0;
        const { data, errors, meta } = this.parser.parse(text, 0, true) as Papa.ParseResult<string[]>;
        // Only the records returned count: the last one is parsed again with what comes next.
        const oneLineEach = occurrences(text, this.newline, 0, meta.cursor) === data.length;
        text = text.slice(meta.cursor);
        carried = text.length;
        yield* this.take(
          data,
          errors.filter((e) => e.row !== undefined && e.row < data.length),
          oneLineEach,
        );
        if (this.malformed) return;
      }
      const { data, errors } = this.parser.parse(text, 0, false) as Papa.ParseResult<string[]>;
      yield* this.take(data, errors, false);
    } catch (error) {
      throw new CsvFormatError(error, this.line);
    } finally {
      input.destroy();
    }
  }

  /** `oneLineEach`: no record in `data` spans several lines, which spares looking into the fields. */
  private *take(data: string[][], errors: Papa.ParseError[], oneLineEach: boolean): Generator<SourceRecord> {
    const stop = errors.length ? Math.min(...errors.map((e) => e.row ?? 0)) : data.length;
    for (const values of data.slice(0, stop)) {
      const line = this.line;
      if (oneLineEach) this.line++;
      else {
        let breaks = 0;
        for (const value of values) if (value.length > 0) breaks += occurrences(value, this.newline);
        this.line += breaks + 1;
      }
      if (line <= this.format.headerLine || (values.length === 1 && values[0] === "")) continue;
      yield { line, values };
    }
    if (errors.length) this.malformed = true;
  }
}

/** csv-parse, for any line breaks, mixed ones too, and Windows-1252. */
async function* csvParseRecords(source: ByteSource, format: DetectedFormat): AsyncGenerator<SourceRecord> {
  const parser = new LineParser({
    delimiter: format.delimiter,
    from_line: format.headerLine + 1,
    relax_column_count: true,
    relax_quotes: true,
    record_delimiter: ["\r\n", "\n", "\r"],
    max_record_size: 0,
  });
  const input = source.open();
  const text = decoder(format.encoding);
  input.on("error", (error) => parser.destroy(error));
  text.on("error", (error) => parser.destroy(error));
  input.pipe(text).pipe(parser);
  let previousEnd = format.headerLine;
  // csv-parse counts a CR LF inside a quoted field as two lines; these are taken back off.
  let extraLines = 0;
  try {
    for await (const parsed of parser as AsyncIterable<ParsedRecord>) {
      const line = previousEnd + 1;
      for (const value of parsed.values) if (value.includes("\r\n")) extraLines += value.split("\r\n").length - 1;
      previousEnd = parsed.end - extraLines;
      if (parsed.values.length === 1 && parsed.values[0] === "") continue;
      yield { line, values: parsed.values };
    }
  } catch (error) {
    const err = error as Error & { lines?: number };
    throw new CsvFormatError(error, err.lines !== undefined ? err.lines - extraLines : previousEnd + 1);
  } finally {
    input.destroy();
  }
}
