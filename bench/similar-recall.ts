// How much the similar-complaints card loses to its candidate budget, on a loaded bench database:
// for a sample of complaints with a narrative, the similar complaints and the first suggested cause
// found with each budget are compared with those found with none (every complaint holding any of the
// complaint's most distinctive words is ranked), beside the time each takes.
//
//   npm run bench:similar-recall -- [--scale 1000000] [--sample 30] [--budgets 20000,10000,5000]
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { getSuggestions, SHOWN_SIMILAR } from "@/lib/suggestions/engine";
import { percentile } from "./http";

const { values: args } = parseArgs({
  options: { scale: { type: "string" }, sample: { type: "string" }, budgets: { type: "string" } },
});
const ROWS = Number(args.scale ?? 1_000_000);
const SAMPLE = Number(args.sample ?? 30);
const BUDGETS = (args.budgets ?? "20000,10000,5000").split(",").map(Number);
const SERVER_URL = process.env.BENCH_DATABASE_SERVER ?? "postgres://postgres@127.0.0.1:5432";

async function main() {
  const handle = openDatabase({ url: `${SERVER_URL}/complaints_bench_${ROWS}`, max: 2 });
  const ids = rowsOf<{ id: string }>(
    await handle.db.execute(sql`
      select id::text from complaints tablesample system (0.5) repeatable (7)
      where narrative is not null limit ${SAMPLE}`),
  ).map((r) => r.id);
  // The word statistics are counted once (on a sample) and kept: every budget sees the same.
  await getSuggestions(handle.db, ids[0]!, { budget: BUDGETS[0] });
  const runs = new Map<number, { ms: number[]; recall: number[]; sameCause: number[] }>();
  for (const budget of [Number.POSITIVE_INFINITY, ...BUDGETS]) runs.set(budget, { ms: [], recall: [], sameCause: [] });
  for (const [i, id] of ids.entries()) {
    const found = new Map<number, { similar: string[]; cause: string | null }>();
    for (const budget of runs.keys()) {
      const started = performance.now();
      const s = await getSuggestions(handle.db, id, { budget });
      runs.get(budget)!.ms.push(performance.now() - started);
      found.set(budget, { similar: (s?.similar ?? []).map((x) => x.id), cause: s?.causes[0]?.rootCauseId ?? null });
    }
    const all = found.get(Number.POSITIVE_INFINITY)!;
    for (const [budget, f] of found) {
      const run = runs.get(budget)!;
      if (all.similar.length)
        run.recall.push(f.similar.filter((x) => all.similar.includes(x)).length / all.similar.length);
      run.sameCause.push(f.cause === all.cause ? 1 : 0);
    }
    console.error(`${i + 1}/${ids.length}`);
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  console.log(
    `${ids.length} complaints at ${ROWS.toLocaleString("en")}; recall of the ${SHOWN_SIMILAR} similar complaints shown, against no budget`,
  );
  console.log("| budget | median ms | p95 ms | recall of the similar shown | same first cause |");
  console.log("| --- | --- | --- | --- | --- |");
  for (const [budget, run] of runs) {
    const ms = [...run.ms].sort((a, b) => a - b);
    console.log(
      `| ${Number.isFinite(budget) ? budget.toLocaleString("en") : "none"} | ${percentile(ms, 50).toFixed(0)} | ${percentile(ms, 95).toFixed(0)} | ${(100 * mean(run.recall)).toFixed(0)} % | ${(100 * mean(run.sameCause)).toFixed(0)} % |`,
    );
  }
  await handle.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
