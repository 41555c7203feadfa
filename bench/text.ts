// Realistic complaint text for the benchmark: English narratives spliced from the CFPB narratives the
// project carries (fixtures/cfpb), Swedish ones drawn from a vocabulary of thousands of words with a
// Zipf-like frequency. Lengths follow the CFPB narratives' own distribution (median ~750 characters,
// a long tail to 20,000), because the stored search vector and its detoasting grow with them.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { SV_TEXTS } from "@/db/seed/texts-sv";
import { must } from "@/lib/must";

/** A small seeded generator (mulberry32): the same BENCH_SEED gives the same data set. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type CfpbCorpus = {
  narratives: string[];
  /** Sentences of all narratives, to splice new narratives from. */
  sentences: string[];
  /** Issue / sub-issue lines, as English summaries. */
  issues: string[];
};

/** The CFPB narratives of fixtures/cfpb/*.csv (the files may start with a few lines before the header). */
export function readCfpb(dir = path.join(process.cwd(), "fixtures", "cfpb")): CfpbCorpus {
  const narratives: string[] = [];
  const issues = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".csv"))) {
    const text = readFileSync(path.join(dir, file), "utf8");
    const start = text.indexOf("Date received,");
    const rows = parse(text.slice(Math.max(0, start)), {
      columns: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as Record<string, string>[];
    for (const row of rows) {
      const narrative = (row["Consumer complaint narrative"] ?? "").trim();
      if (narrative.length >= 40) narratives.push(narrative);
      const issue = [row.Issue, row["Sub-issue"]].filter(Boolean).join(": ");
      if (issue) issues.add(issue.slice(0, 200));
    }
  }
  if (!narratives.length) throw new Error(`No CFPB narratives found in ${dir}`);
  const sentences = narratives.flatMap((n) => n.split(/(?<=[.!?])\s+/).filter((s) => s.length > 3));
  return { narratives, sentences, issues: [...issues] };
}

const SWEDISH_SUFFIXES = [
  "avgift",
  "ärende",
  "faktura",
  "betalning",
  "konto",
  "kort",
  "handläggare",
  "tjänst",
  "villkor",
  "besked",
  "system",
  "beslut",
  "period",
  "summa",
  "nummer",
  "kontroll",
  "rutin",
  "brev",
  "krav",
  "uppgift",
];

/**
 * A Swedish vocabulary of `size` words ranked by frequency: the words of the demo's Swedish texts,
 * most frequent first, then compounds of their longer words with common heads (Swedish builds new
 * words that way), which fill the long tail of rare words that real text has.
 */
export function swedishVocabulary(size = 6000): string[] {
  const texts = Object.values(SV_TEXTS.scenarios).flatMap((s) => [...s.summaries, ...s.bodies]);
  const counts = new Map<string, number>();
  for (const t of texts)
    for (const w of t
      .toLowerCase()
      .replace(/\{[a-z]+\}/g, " ")
      .split(/[^a-zåäöé]+/)) {
      if (w.length > 1) counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  const base = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([w]) => w);
  const words = new Set(base);
  const stems = base.filter((w) => w.length >= 4 && !w.endsWith("a") && !w.endsWith("e"));
  for (let i = 0; words.size < size && i < stems.length * SWEDISH_SUFFIXES.length; i++) {
    // i < stems.length * SWEDISH_SUFFIXES.length: both indexes are in range.
    const stem = stems[i % stems.length]!;
    const head = SWEDISH_SUFFIXES[Math.floor(i / stems.length)]!;
    if (stem !== head) words.add(stem + head);
  }
  return [...words].slice(0, size);
}

/** Picks ranks with probability ∝ 1 / rank^s (Zipf). */
export function zipfSampler(n: number, random: () => number, s = 1.05): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let r = 0; r < n; r++) {
    total += 1 / (r + 1) ** s;
    cumulative[r] = total;
  }
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

export type TextGenerator = {
  /** A narrative length drawn from the CFPB narratives' distribution. */
  length: () => number;
  english: (length: number) => string;
  englishSummary: () => string;
  swedish: (length: number) => string;
  swedishSummary: () => string;
};

export function textGenerator(corpus: CfpbCorpus, random: () => number): TextGenerator {
  const vocabulary = swedishVocabulary();
  const rank = zipfSampler(vocabulary.length, random);
  const pick = <T>(list: T[]): T => {
    const item = list[Math.floor(random() * list.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  };
  const swedishWords = (length: number) => {
    const parts: string[] = [];
    let size = 0;
    let sentence = 0;
    while (size < length) {
      let word = must(vocabulary[rank()], "ranks are below the vocabulary's size");
      if (sentence === 0) word = word.charAt(0).toUpperCase() + word.slice(1);
      sentence++;
      if (sentence > 6 && random() < 0.15) {
        word += ".";
        sentence = 0;
      }
      parts.push(word);
      size += word.length + 1;
    }
    return parts.join(" ");
  };
  return {
    length: () => pick(corpus.narratives).length,
    english: (length) => {
      const parts: string[] = [];
      let size = 0;
      while (size < length) {
        const s = pick(corpus.sentences);
        // Stop short rather than overshoot by more than half a sentence: lengths stay the CFPB's.
        if (parts.length && size + s.length / 2 > length) break;
        parts.push(s);
        size += s.length + 1;
      }
      return parts.join(" ");
    },
    englishSummary: () => pick(corpus.issues),
    swedish: (length) => `${swedishWords(length)}.`,
    swedishSummary: () => swedishWords(30 + Math.floor(random() * 60)).slice(0, 200),
  };
}
