// `npx tsx bench/growth.ts`: how each request's cost grows with the table, from the committed bench
// results at every size (bench/results/bench-<rows>.json, e.g. 1,000,000 and 3,000,000 made by
// bench/grow.ts). Writes bench/results/growth.md, which the README's "Past one machine" shows.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type BenchResult, loadLatency, ms } from "./report";

const DIR = path.join(process.cwd(), "bench", "results");
const times = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || !(a > 0) || !Number.isFinite(b) ? "–" : `${(b / a).toFixed(1)}×`;
const millions = (n: number) => `${(n / 1e6).toLocaleString("en", { maximumFractionDigits: 1 })} M`;

/** One row per request measured at the smallest and the largest size: the figures at each and their ratio. */
export function growthTable(results: readonly BenchResult[]): string {
  const sorted = [...results].sort((a, b) => a.complaints - b.complaints);
  const small = sorted[0];
  const large = sorted[sorted.length - 1];
  if (!small || !large || small === large) throw new Error("growth needs bench results at two sizes");
  const s = millions(small.complaints);
  const l = millions(large.complaints);
  const lines = [
    `From ${small.complaints.toLocaleString("en")} (${small.at.slice(0, 10)}) to ${large.complaints.toLocaleString("en")} complaints ` +
      `(${large.at.slice(0, 10)}): ${(large.complaints / small.complaints).toFixed(1)}× the rows. One client; SQL and CPU per request as in the bench tables; p95 under ${large.clients} clients.`,
    "",
    `| request | 1 client ${s} | 1 client ${l} | × | SQL ${s} | SQL ${l} | × | PG CPU ${s} | PG CPU ${l} | web CPU ${l} | p95 ${s} | p95 ${l} |`,
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const b of large.scenarios) {
    const a = small.scenarios.find((x) => x.name === b.name && x.auth === b.auth);
    if (!a) continue;
    lines.push(
      `| ${b.name} (${b.auth}) | ${ms(a.single.p50)} | ${ms(b.single.p50)} | ${times(a.single.p50, b.single.p50)} | ` +
        `${ms(a.single.sqlP50)} | ${ms(b.single.sqlP50)} | ${times(a.single.sqlP50, b.single.sqlP50)} | ` +
        `${ms(a.single.databaseCpuMs)} | ${ms(b.single.databaseCpuMs)} | ${ms(b.single.serverCpuMs)} | ${loadLatency(small, a, a.load.p95)} | ${loadLatency(large, b, b.load.p95)} |`,
    );
  }
  if ([small, large].some((r) => r.scenarios.some((x) => x.load.requests === 0)))
    lines.push("", "⁰ none of the requests under load was answered within the run: each took longer.");
  if (small.sizes && large.sizes) {
    const size = (k: keyof NonNullable<BenchResult["sizes"]>) =>
      `${small.sizes![k].toLocaleString("en")} → ${large.sizes![k].toLocaleString("en")} MB`;
    lines.push(
      "",
      `On disk: database ${size("databaseMb")}; complaints with text and indexes ${size("complaintsMb")}; text index ${size("searchIndexMb")}.`,
    );
  }
  return lines.join("\n");
}

function main() {
  const results = readdirSync(DIR)
    .filter((f) => /^bench-\d+\.json$/.test(f))
    .map((f) => JSON.parse(readFileSync(path.join(DIR, f), "utf8")) as BenchResult);
  const md = growthTable(results);
  writeFileSync(path.join(DIR, "growth.md"), md);
  console.log(md);
}

// Run as a script (`npx tsx bench/growth.ts`), not when a test imports growthTable.
if (process.argv[1]?.endsWith(path.join("bench", "growth.ts"))) main();
