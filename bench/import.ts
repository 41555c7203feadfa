import { spawn } from "node:child_process";
import { once } from "node:events";
import { createWriteStream, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { sql as dsql } from "drizzle-orm";
import type postgres from "postgres";
import type { DbHandle } from "@/db/client";
import { rowsOf } from "@/db/rows";

const COLUMNS = [
  "external_id",
  "received_on",
  "market",
  "channel",
  "summary",
  "product",
  "category",
  "journey_stage",
  "narrative",
  "customer_ref",
  "app_user",
  "severity",
  "status",
];

/** A canonical complaint CSV of `rows` rows using products and categories that exist, written as a stream. */
async function writeCanonicalFile(file: string, rows: number, run: string, product: string, category: string) {
  const out = createWriteStream(file);
  out.write(COLUMNS.join(",") + "\n");
  for (let i = 0; i < rows; i++) {
    const month = String((i % 12) + 1).padStart(2, "0");
    const day = String((i % 28) + 1).padStart(2, "0");
    const line = [
      `BENCHIMP-${run}-${i}`,
      `2019-${month}-${day}`,
      i % 3 ? "SE" : "NO",
      i % 10 ? "customer_service" : "consumer_agency",
      `Fakturan kom efter förfallodatum ${i}`,
      product,
      category,
      "after_purchase",
      `"Kunden betalade i tid, men betalningen registrerades inte. Rad ${i}, ""citerad"", med komma."`,
      `CUST-${100000 + (i % 900000)}`,
      i % 2 ? "true" : "false",
      "medium",
      "new",
    ].join(",");
    if (!out.write(line + "\n")) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

type CliResult = {
  status: string;
  inserted: number;
  rejected: number;
  seconds: number;
  checkedSeconds: number;
  writtenWhileChecking: number;
  rowsPerSecond: number;
};

/** `npm run cli -- import complaints FILE` against the bench database, as an operator runs it; its summary line parsed. */
async function runCliImport(url: string, file: string): Promise<{ result: CliResult; processSeconds: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "cli/index.ts", "import", "complaints", file], {
    env: { ...process.env, DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, "exit")) as [number];
  const processSeconds = (performance.now() - started) / 1000;
  const summary = stdout.trim().split("\n").pop() ?? "";
  if (code !== 0 || !summary.startsWith("{"))
    throw new Error(`The CLI import failed (exit ${code}):\n${stdout}\n${stderr}`);
  return { result: JSON.parse(summary) as CliResult, processSeconds };
}

/** Leaves the table as the set-up left it, so every run measures the same table. */
async function removeRows(sql: postgres.Sql, run: string) {
  await sql`delete from complaints where external_id like ${`BENCHIMP-${run}-%`}`;
  await sql`vacuum complaints`;
}

/** A checkpoint first, so an import is not measured against one that earlier writes set off. */
async function checkpoint(sql: postgres.Sql, log: (m: string) => void) {
  await sql`checkpoint`.catch(() => log("  (no CHECKPOINT privilege: the import may run during a checkpoint)"));
}

/**
 * PostgreSQL's own cost of these rows: the imported rows, as stored, copied out and then into
 * `complaints` again in one COPY, with the table's indexes, triggers and checks, and nothing of the
 * import (no reading, checking or lookups). An import on two connections can beat it; its ratio to
 * the import shows how much of the import's time the database itself takes.
 */
async function databaseCopy(sql: postgres.Sql, run: string, log: (m: string) => void): Promise<number> {
  const columns = (
    await sql<{ name: string }[]>`
      select quote_ident(attname) as name from pg_attribute
      where attrelid = 'complaints'::regclass and attnum > 0 and not attisdropped and attgenerated = ''
      order by attnum`
  ).map((c) => c.name);
  const list = columns.join(", ");
  const chunks: Buffer[] = [];
  const out = await sql
    .unsafe(`copy (select ${list} from complaints where external_id like 'BENCHIMP-${run}-%') to stdout`)
    .readable();
  for await (const chunk of out) chunks.push(chunk as Buffer);
  await removeRows(sql, run);
  await checkpoint(sql, log);
  const started = performance.now();
  const into = await sql.unsafe(`copy complaints (${list}) from stdin`).writable();
  await pipeline(Readable.from(chunks), into);
  return (performance.now() - started) / 1000;
}

/**
 * Imports a canonical file of `rows` new complaints `runs` times from the CLI, each from a
 * checkpoint and each removed afterwards, and reports the median run: this machine's speed
 * varies from one minute to the next. Then PostgreSQL's own COPY of the same rows, for scale.
 */
export async function importScenario(
  handle: DbHandle,
  url: string,
  rows: number,
  runs: number,
  log: (m: string) => void,
) {
  const sql = handle.sql!;
  const [product] = rowsOf<{ name: string }>(
    await handle.db.execute(dsql`select name from products order by name limit 1`),
  );
  const [category] = rowsOf<{ name: string }>(
    await handle.db.execute(
      dsql`select p.name || ' > ' || c.name as name from categories c join categories p on p.id = c.parent_id order by 1 limit 1`,
    ),
  );
  const run = Date.now().toString(36);
  const file = path.join(tmpdir(), `bench-import-${run}.csv`);
  await writeCanonicalFile(file, rows, run, product.name, category.name);

  const results: (CliResult & { processSeconds: number })[] = [];
  try {
    for (let i = 1; i <= runs; i++) {
      await checkpoint(sql, log);
      const { result, processSeconds } = await runCliImport(url, file);
      results.push({ ...result, processSeconds });
      log(
        `  run ${i}: ${result.rowsPerSecond.toLocaleString("en")} rows/s, ${result.inserted} imported (rejected ${result.rejected}) in ${result.seconds.toFixed(1)} s ` +
          `(reading and checking ${result.checkedSeconds.toFixed(1)} s, ${result.writtenWhileChecking} rows of them written meanwhile; ` +
          `the CLI process, with its start-up, ${processSeconds.toFixed(1)} s)`,
      );
      if (i < runs) await removeRows(sql, run);
    }
    const copySeconds = await databaseCopy(sql, run, log);
    log(`  PostgreSQL's own COPY of the stored rows into complaints: ${copySeconds.toFixed(1)} s`);
    const middle = [...results].sort((a, b) => a.rowsPerSecond - b.rowsPerSecond)[Math.floor(results.length / 2)];
    return {
      rows,
      runs: results.map((r) => r.rowsPerSecond),
      inserted: middle.inserted,
      rejected: middle.rejected,
      seconds: middle.seconds,
      checkSeconds: middle.checkedSeconds,
      writtenWhileChecking: middle.writtenWhileChecking,
      processSeconds: middle.processSeconds,
      rowsPerSecond: middle.rowsPerSecond,
      databaseCopyRowsPerSecond: rows / copySeconds,
    };
  } finally {
    await removeRows(sql, run);
    rmSync(file, { force: true });
  }
}
