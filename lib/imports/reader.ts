import { Transform, type TransformCallback } from "node:stream";
import { parse } from "csv-parse";
import iconv from "iconv-lite";
import type { ByteSource, DetectedFormat } from "./detect";

export type SourceRecord = { line: number; values: string[] };

/** Decodes bytes to text: UTF-8 (BOM dropped) or Windows-1252. */
function decoder(encoding: DetectedFormat["encoding"]): Transform {
  if (encoding === "windows-1252") return iconv.decodeStream("win1252") as unknown as Transform;
  const text = new TextDecoder("utf-8", { fatal: true });
  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      try {
        done(null, text.decode(chunk, { stream: true }));
      } catch {
        done(new Error("The file is not valid UTF-8 throughout"));
      }
    },
    flush(done: TransformCallback) {
      try {
        done(null, text.decode());
      } catch {
        done(new Error("The file ends inside a UTF-8 character"));
      }
    },
  });
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
  const parser = parse({
    delimiter: format.delimiter,
    from_line: format.headerLine + 1,
    relax_column_count: true,
    relax_quotes: true,
    record_delimiter: ["\r\n", "\n", "\r"],
    max_record_size: 0,
    info: true,
  });
  const input = source.open();
  const text = decoder(format.encoding);
  input.on("error", (error) => parser.destroy(error));
  text.on("error", (error) => parser.destroy(error));
  input.pipe(text).pipe(parser);
  let previousEnd = format.headerLine;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = previousEnd + 1;
      previousEnd = info.lines;
      if (record.length === 1 && record[0] === "") continue;
      yield { line, values: record };
    }
  } catch (error) {
    const err = error as Error & { lines?: number };
    throw new CsvFormatError(err.message, err.lines ?? previousEnd + 1);
  } finally {
    input.destroy();
  }
}
