/**
 * The external ids a pass over a file has met, each with the line it was first on, to name a repeat:
 * kept as 96-bit digests in an open-addressing table of typed arrays, never as the ids themselves.
 * A slot is 16 bytes (three digest words and the line) and the table is at most 3/4 full, so it costs
 * 21–43 bytes a row whatever the ids' length, outside the JavaScript heap the collector walks.
 * (A Map of the ids cost about 100 bytes a row, more for long ids, and an id cut from the parser's
 * text by a slice can keep that whole piece of the file alive.)
 *
 * Two different ids share a digest with odds of about n²/2⁹⁷: for ten million rows, about 1 in 10¹⁵.
 */
export class FirstLines {
  private digests = new Uint32Array(0);
  /** Per slot, the line its id was first on; 0 for an empty slot (lines count from 1). */
  private lines = new Uint32Array(0);
  private mask = -1;
  private count = 0;
  private readonly digest = new Uint32Array(3);

  constructor(private readonly initialSlots = 1024) {
    this.clear();
  }

  /** The ids recorded. */
  get size(): number {
    return this.count;
  }

  /** Bytes held, whatever the ids' length. */
  get bytes(): number {
    return this.digests.byteLength + this.lines.byteLength;
  }

  /** The line `id` was first met on, or (the first time) undefined, and `line` is recorded for it. */
  firstLine(id: string, line: number): number | undefined {
    if (line < 1) throw new RangeError("Lines count from 1");
    const digest = digestOf(id, this.digest);
    const a = digest[0] ?? 0;
    const b = digest[1] ?? 0;
    const c = digest[2] ?? 0;
    let slot = a & this.mask;
    for (;;) {
      const first = this.lines[slot];
      if (first === 0) break;
      const at = slot * 3;
      if (this.digests[at] === a && this.digests[at + 1] === b && this.digests[at + 2] === c) return first;
      slot = (slot + 1) & this.mask;
    }
    this.put(slot, a, b, c, line);
    if (++this.count * 4 > this.lines.length * 3) this.grow();
    return undefined;
  }

  /** Forgets every id (each pass over the file starts afresh) and gives back the memory. */
  clear() {
    this.digests = new Uint32Array(this.initialSlots * 3);
    this.lines = new Uint32Array(this.initialSlots);
    this.mask = this.initialSlots - 1;
    this.count = 0;
  }

  private put(slot: number, a: number, b: number, c: number, line: number) {
    const at = slot * 3;
    this.digests[at] = a;
    this.digests[at + 1] = b;
    this.digests[at + 2] = c;
    this.lines[slot] = line;
  }

  private grow() {
    const { digests, lines } = this;
    const slots = lines.length * 2;
    this.digests = new Uint32Array(slots * 3);
    this.lines = new Uint32Array(slots);
    this.mask = slots - 1;
    for (let old = 0; old < lines.length; old++) {
      const line = lines[old] ?? 0;
      if (line === 0) continue;
      const a = digests[old * 3] ?? 0;
      let slot = a & this.mask;
      while (this.lines[slot] !== 0) slot = (slot + 1) & this.mask;
      this.put(slot, a, digests[old * 3 + 1] ?? 0, digests[old * 3 + 2] ?? 0, line);
    }
  }
}

/** Murmur3's 32-bit finalizer: every input bit moves every output bit. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Three 32-bit lanes over the id's UTF-16 code units, each with its own seed and multiplier and each
 * fed the others' state as it goes, then finalized together with the length.
 */
function digestOf(id: string, out: Uint32Array): Uint32Array {
  let h1 = 0x9747b28c;
  let h2 = 0x2545f491;
  let h3 = 0x61c88647;
  for (let i = 0; i < id.length; i++) {
    const k = id.charCodeAt(i);
    h1 = Math.imul(h1 ^ k, 0x01000193);
    h2 = Math.imul((h2 ^ k) + (h1 >>> 15), 0x5bd1e995);
    h3 = Math.imul((h3 ^ k) + (h2 >>> 13), 0xcc9e2d51);
  }
  const n = id.length;
  out[0] = mix(h1 ^ n ^ Math.imul(h3, 0x1b873593));
  out[1] = mix(h2 ^ Math.imul(h1, 0xe6546b64));
  out[2] = mix(h3 ^ Math.imul(h2, 0x85ebca6b) ^ n);
  return out;
}
