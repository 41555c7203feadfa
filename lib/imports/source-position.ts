import { Readable } from "node:stream";
import type { ByteSource } from "./detect";

/**
 * The byte offset at which a physical line starts, for a file whose lines all end alike (LF or CR LF:
 * one LF each): a scan for line feeds, without parsing. Null when the file has fewer lines.
 */
export async function lineOffset(source: ByteSource, line: number): Promise<number | null> {
  let breaks = line - 1;
  if (breaks <= 0) return 0;
  let offset = 0;
  const stream = source.open();
  try {
    for await (const chunk of stream) {
      const bytes = chunk as Buffer;
      for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) {
        if (--breaks === 0) return offset + i + 1;
      }
      offset += bytes.length;
    }
    return null;
  } finally {
    stream.destroy();
  }
}

/** The source from a byte offset on (its own seek when it has one). */
export function sourceFrom(source: ByteSource, offset: number): ByteSource {
  if (offset === 0) return source;
  if (source.openAt)
    return { open: () => source.openAt!(offset), size: source.size ? source.size - offset : undefined };
  return {
    open: () => {
      let skip = offset;
      const input = source.open();
      return Readable.from(
        (async function* () {
          for await (const chunk of input) {
            const bytes = chunk as Buffer;
            if (skip >= bytes.length) {
              skip -= bytes.length;
              continue;
            }
            yield skip > 0 ? bytes.subarray(skip) : bytes;
            skip = 0;
          }
        })(),
      );
    },
  };
}
