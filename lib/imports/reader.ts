import { Transform, type TransformCallback } from "node:stream";
import { Parser } from "csv-parse";
import iconv from "iconv-lite";
import type { ByteSource, DetectedFormat } from "./detect";
import { Utf8Checker } from "./utf8";

export type SourceRecord = { line: number; values: string[] };

/**
 * Checks that the bytes are UTF-8 and passes them on as bytes, without a leading BOM, for
 * csv-parse to decode field by field: decoding the whole text only for the parser to encode it
 * back into bytes doubled the work. Fails with the messages, and on the chunk, a fatal
 * TextDecoder would.
 */
function utf8Bytes(): Transform {
  const checker = new Utf8Checker(true);
  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      const whole = checker.push(chunk);
      if (!whole) done(new Error("The file is not valid UTF-8 throughout"));
      else done(null, whole.length > 0 ? whole : undefined);
    },
    flush(done: TransformCallback) {
      done(checker.end() ? null : new Error("The file ends inside a UTF-8 character"));
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
    return super.push(record === null ? null : ({ values: record as string[], end: this.info.lines } satisfies ParsedRecord), encoding);
  }
}

export class CsvFormatError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = "CsvFormatError";
  }
}

/**
 * Streams the data records after the header row, each with the physical line it starts on.
 * csv-parse does the parsing (quotes, fields spanning lines, CRLF); empty lines are skipped.
 */
export async function* readRecords(source: ByteSource, format: DetectedFormat): AsyncGenerator<SourceRecord> {
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
    throw new CsvFormatError(err.message, err.lines !== undefined ? err.lines - extraLines : previousEnd + 1);
  } finally {
    input.destroy();
  }
}
