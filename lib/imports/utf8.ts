import { isUtf8 } from "node:buffer";

/** Where a multi-byte character cut off by the buffer's end starts (the buffer's length when none is). */
function utf8CutAt(bytes: Buffer): number {
  const n = bytes.length;
  for (let i = n - 1; i >= 0 && i >= n - 3; i--) {
    const byte = bytes[i]!;
    if ((byte & 0xc0) === 0x80) continue;
    if (byte < 0xc0) return n;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
    return n - i < length ? i : n;
  }
  return n;
}

/** True when the bytes can begin a UTF-8 character. */
function isUtf8Start(bytes: Buffer): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks a byte stream chunk by chunk for UTF-8, as a fatal streaming TextDecoder does (and
 * failing on the same chunk), but many times faster: `isUtf8` on each chunk, with a character cut
 * by a chunk's end carried over to the next chunk.
 */
export class Utf8Checker {
  private tail: Buffer | null = null;
  private bomChecked: boolean;

  /** `dropBom`: leave out a BOM at the start, as TextDecoder does. */
  constructor(dropBom = false) {
    this.bomChecked = !dropBom;
  }

  /** The chunk's whole characters (with any carried over before them), or null when it is not UTF-8. */
  push(chunk: Buffer): Buffer | null {
    let bytes = this.tail ? Buffer.concat([this.tail, chunk]) : chunk;
    this.tail = null;
    if (!this.bomChecked && bytes.length >= 3) {
      this.bomChecked = true;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    }
    const cut = utf8CutAt(bytes);
    const whole = cut === bytes.length ? bytes : bytes.subarray(0, cut);
    if (!isUtf8(whole)) return null;
    if (cut < bytes.length) {
      const rest = bytes.subarray(cut);
      if (!isUtf8Start(rest)) return null;
      this.tail = Buffer.from(rest);
    }
    if (whole.length > 0) this.bomChecked = true;
    return whole;
  }

  /** True when the stream did not end inside a character. */
  end(): boolean {
    return this.tail === null;
  }
}
