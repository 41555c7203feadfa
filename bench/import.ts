// Loading the bench's data through the product (`npm run cli -- import …`), and PostgreSQL's own COPY
// of the same stored rows into an identical table, for scale.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createReadStream, createWriteStream, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import postgres from "postgres";
import { first } from "@/lib/must";
import { watchMemory } from "./server";

export type CliImport = {
  inserted: number;
  rejected: number;
  seconds: number;
  rowsPerSecond: number;
  processSeconds: number;
  peakMemoryMb: number;
};

// Node's arguments as `npm run cli` gives them (package.json: the heap cap, tsx, the entry), read from there.
const CLI_NODE_ARGS = (
  JSON.parse(readFileSync(path.join(process.cwd(), "package.json"), "utf8")) as { scripts: { cli: string } }
).scripts.cli
  .split(" ")
  .slice(1);

/** `npm run cli -- import KIND FILE` as an operator runs it; the last JSON line of its output, if any. */
export async function runCli(url: string, args: string[], log: (m: string) => void): Promise<CliImport> {
  const started = performance.now();
  const child = spawn(process.execPath, [...CLI_NODE_ARGS, ...args], {
    env: { ...process.env, DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: "1", DB_TIMING_LOG: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const memory = watchMemory(child.pid!);
  let stdout = "";
  let stderr = "";
  let lastProgress = 0;
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-20_000);
    if (Date.now() - lastProgress > 30_000) {
      lastProgress = Date.now();
      const line = chunk.toString().trim().split("\n").pop();
      if (line) log(`  ${line}`);
    }
  });
  const [code] = (await once(child, "exit")) as [number];
  const peakMemoryMb = memory.stop();
  const processSeconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`cli ${args.join(" ")} failed (exit ${code}):\n${stdout.slice(-5000)}\n${stderr}`);
  const summary = stdout.trim().split("\n").pop() ?? "";
  const parsed = summary.startsWith("{") ? (JSON.parse(summary) as Partial<CliImport>) : {};
  return {
    inserted: parsed.inserted ?? 0,
    rejected: parsed.rejected ?? 0,
    seconds: parsed.seconds ?? processSeconds,
    rowsPerSecond: parsed.rowsPerSecond ?? 0,
    processSeconds,
    peakMemoryMb,
  };
}

/**
 * PostgreSQL's own cost of the imported rows: copied out as stored, then with one COPY into a new
 * table made `like complaints including all` (same columns, generated search vector, defaults,
 * checks and indexes; not the triggers, not the root-cause rows). The first `rows` rows, by date, into
 * the empty table. Rows per second.
 */
export async function copyIntoIdenticalTable(url: string, file: string, rows: number, log: (m: string) => void) {
  // Own clients: after a COPY TO STDOUT, postgres.js does not hand its connection back to the pool.
  const reader = postgres(url, { max: 1, onnotice: () => {} });
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const columns = (
    await sql<{ name: string }[]>`
      select quote_ident(attname) as name from pg_attribute
      where attrelid = 'complaints'::regclass and attnum > 0 and not attisdropped and attgenerated = ''
      order by attnum`
  )
    .map((c) => c.name)
    .join(", ");
  const out = await reader
    .unsafe(
      `copy (select ${columns} from complaints where external_id like 'BX-%' order by received_on, id limit ${rows}) to stdout`,
    )
    .readable();
  await pipeline(out, createWriteStream(file));
  await reader.end({ timeout: 1 });
  await sql`drop table if exists bench_copy_target`;
  await sql`create table bench_copy_target (like complaints including all)`;
  await sql`checkpoint`.catch(() => log("  (no CHECKPOINT privilege)"));
  const started = performance.now();
  const into = await sql.unsafe(`copy bench_copy_target (${columns}) from stdin`).writable();
  await pipeline(createReadStream(file), into);
  const seconds = (performance.now() - started) / 1000;
  const { n } = first(await sql<{ n: number }[]>`select count(*)::int as n from bench_copy_target`, "count");
  await sql`drop table bench_copy_target`;
  rmSync(file, { force: true });
  await sql.end({ timeout: 5 });
  return { rows: n, seconds, rowsPerSecond: Math.round(n / seconds) };
}
