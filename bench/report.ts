// The bench's results as JSON (everything) and a Markdown table (what the README shows).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { DatasetSummary } from "./dataset";
import type { Measured } from "./http";
import type { CliImport } from "./import";

export type BenchResult = {
  at: string;
  rows: number;
  complaints: number;
  clients: number;
  seconds: number;
  machine: string;
  dataset: DatasetSummary;
  import: CliImport;
  copy: { rows: number; seconds: number; rowsPerSecond: number } | null;
  serverPeakMemoryMb: number;
  /** Sizes on disk when measured, in MB (absent in runs before they were recorded). */
  sizes?: { databaseMb: number; complaintsMb: number; searchIndexMb: number };
  /** Today's intake, imported while the server ran, and the job runner's finding of its similar complaints. */
  intake?: { rows: number; inScope: number; days?: number; found: number; seconds: number };
  scenarios: Measured[];
};

/** Milliseconds as the tables print them: whole from 100, one decimal below, a dash for none. */
export const ms = (n: number | undefined) =>
  n !== undefined && Number.isFinite(n) ? (n >= 100 ? Math.round(n).toString() : n.toFixed(1)) : "–";
const num = (n: number) => n.toLocaleString("en");

/** A percentile under load; a request kind none of whose requests was answered within the run has none: each took longer. */
export const loadLatency = (r: BenchResult, s: Measured, n: number) =>
  s.load.requests === 0 ? `> ${num(r.seconds * 1000)} ⁰` : ms(n);

export function markdown(r: BenchResult): string {
  const lines = [
    `### ${num(r.complaints)} complaints — ${r.at.slice(0, 16).replace("T", " ")} UTC`,
    "",
    `${r.machine}; ${r.clients} connections for ${r.seconds} s per row (autocannon, loopback). ` +
      "“1 client” is the median of sequential requests; “SQL” is the median time the server spent in SQL for " +
      "the same requests (its DB_TIMING_LOG, parallel queries counted once); “web CPU” and “PG CPU” are the CPU " +
      "time the web server's and PostgreSQL's processes used per request in that sequence (read from /proc): " +
      `${r.clients} clients sharing the machine's cores wait at least (web CPU + PG CPU) × clients ÷ cores each. ` +
      "Shared, noisy machine: read medians and ratios.",
    "",
    "| request | p50 ms | p95 ms | p99 ms | req/s | errors | 1 client ms | SQL ms | ratio | web CPU ms | PG CPU ms | target p95 | |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  // Each time some rows were measured again (`--only`) gets its own mark, so no row claims another's time.
  const MARKS = ["¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"];
  const times = [...new Set(r.scenarios.flatMap((s) => (s.remeasuredAt ? [s.remeasuredAt.slice(0, 16)] : [])))].sort();
  const markOf = (at: string | undefined) =>
    at ? ` ${MARKS[Math.min(times.indexOf(at.slice(0, 16)), MARKS.length - 1)]}` : "";
  const unanswered = r.scenarios.some((s) => s.load.requests === 0);
  const latency = (s: Measured, n: number) => loadLatency(r, s, n);
  for (const s of r.scenarios) {
    lines.push(
      `| ${s.name} (${s.auth})${markOf(s.remeasuredAt)} | ${latency(s, s.load.p50)} | ${latency(s, s.load.p95)} | ${latency(s, s.load.p99)} | ${s.load.rps} | ` +
        `${s.load.errors + s.load.non2xx} | ${ms(s.single.p50)} | ${ms(s.single.sqlP50)} | ${Number.isFinite(s.single.ratio) ? `${s.single.ratio.toFixed(1)}×` : "–"} | ` +
        `${ms(s.single.serverCpuMs)} | ${ms(s.single.databaseCpuMs)} | ` +
        `${s.target ?? "–"} | ${s.pass === null ? "" : s.pass ? "met" : "**missed**"} |`,
    );
  }
  if (unanswered)
    lines.push(
      "",
      `⁰ none of the ${r.clients} connections' requests was answered within the ${r.seconds} s of the run: each took longer.`,
    );
  if (times.length)
    lines.push(
      "",
      `${times.map((at, i) => `${MARKS[Math.min(i, MARKS.length - 1)]} measured again at ${at.slice(0, 10)} ${at.slice(11, 16)} UTC`).join("; ")}, with \`--only\` after a change; the other rows are from the full run.`,
    );
  const ratio = r.copy ? (r.import.rowsPerSecond / r.copy.rowsPerSecond).toFixed(2) : "–";
  const grown = r.dataset.grownFrom
    ? `Grown from the ${num(r.dataset.grownFrom)}-row load by copying its complaints inside PostgreSQL (\`bench/grow.ts\`: new references and external ids, same dates, text and tags; purchase volumes scaled alike); the import line is that load's. `
    : "";
  lines.push(
    "",
    `${grown}Import (\`npm run cli -- import complaints\`, ${num(r.import.inserted)} rows, ${(r.dataset.bytes / 1e6).toFixed(0)} MB CSV, into an empty table): ` +
      `**${num(r.import.rowsPerSecond)} rows/s** (${r.import.seconds.toFixed(0)} s, peak ${r.import.peakMemoryMb} MB). ` +
      (r.copy
        ? `COPY of the first ${num(r.copy.rows)} of the same stored rows into an empty identical table (\`like complaints including all\`): ${num(r.copy.rowsPerSecond)} rows/s — import/COPY **${ratio}×**.`
        : ""),
    "",
    `Data: ${num(r.dataset.rows)} rows, ${num(r.dataset.withNarrative)} with a narrative (median ${num(r.dataset.narrativeChars.p50)} characters, ` +
      `p95 ${num(r.dataset.narrativeChars.p95)}, longest ${num(r.dataset.narrativeChars.max)}), ${num(r.dataset.withRootCause)} with root causes, ` +
      `${num(r.dataset.followUps)} follow-ups in families, ${num(r.dataset.duplicates)} duplicates. Server peak memory (RSS of \`npm start\` and its children): **${r.serverPeakMemoryMb} MB**.` +
      (r.sizes
        ? ` On disk: database ${num(r.sizes.databaseMb)} MB, complaints with their text and indexes ${num(r.sizes.complaintsMb)} MB, of which the text index ${num(r.sizes.searchIndexMb)} MB.`
        : ""),
    "",
  );
  if (r.intake)
    lines.push(
      `Today's intake: ${num(r.intake.rows)} new complaints received today, imported while the server ran; the job runner ` +
        `found the similar-complaint pools of the ${num(r.intake.inScope)} open complaints received in the last ${r.intake.days ?? 30} days in ` +
        `${r.intake.seconds.toFixed(0)} s (${num(r.intake.found)} found, ${r.intake.found ? ((r.intake.seconds * 1000) / r.intake.found).toFixed(0) : "–"} ms each) before they were opened.`,
      "",
    );
  return lines.join("\n");
}

export function writeResults(r: BenchResult): string {
  const dir = path.join(process.cwd(), "bench", "results");
  mkdirSync(dir, { recursive: true });
  const base = path.join(dir, `bench-${r.rows}`);
  writeFileSync(`${base}.json`, `${JSON.stringify(r, null, 2)}\n`);
  const md = markdown(r);
  writeFileSync(`${base}.md`, md);
  return md;
}
