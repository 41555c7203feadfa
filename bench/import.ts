import { spawn } from "node:child_process";
import { once } from "node:events";
import { createReadStream, createWriteStream, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { sql as dsql } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { rowsOf } from "@/db/rows";

const COLUMNS = [
  "external_id", "received_on", "market", "channel", "summary", "product", "category",
  "journey_stage", "narrative", "customer_ref", "app_user", "severity", "status",
];

/** A canonical complaint CSV of `rows` rows using products and categories that exist, written as a stream. */
async function writeCanonicalFile(file: string, rows: number, run: string, product: string, category: string) {
  const out = createWriteStream(file);
  out.write(COLUMNS.join(",") + "\n");
  for (let i = 0; i < rows; i++) {
    const month = String((i % 12) + 1).padStart(2, "0");
    const day = String((i % 28) + 1).padStart(2, "0");
    const line = [
      `BENCHIMP-${run}-${i}`, `2019-${month}-${day}`, i % 3 ? "SE" : "NO", i % 10 ? "customer_service" : "consumer_agency",
      `Fakturan kom efter förfallodatum ${i}`, product, category, "after_purchase",
      `"Kunden betalade i tid, men betalningen registrerades inte. Rad ${i}, ""citerad"", med komma."`,
      `CUST-${100000 + (i % 900000)}`, i % 2 ? "true" : "false", "medium", "new",
    ].join(",");
    if (!out.write(line + "\n")) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

type CliResult = { status: string; inserted: number; rejected: number; seconds: number; checkedSeconds: number; writtenWhileChecking: number; rowsPerSecond: number };

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
  if (code !== 0 || !summary.startsWith("{")) throw new Error(`The CLI import failed (exit ${code}):\n${stdout}\n${stderr}`);
  return { result: JSON.parse(summary) as CliResult, processSeconds };
}

export async function importScenario(handle: DbHandle, url: string, rows: number, log: (m: string) => void) {
  const sql = handle.sql!;
  const [product] = rowsOf<{ name: string }>(await handle.db.execute(dsql`select name from products order by name limit 1`));
  const [category] = rowsOf<{ name: string }>(
    await handle.db.execute(dsql`select p.name || ' > ' || c.name as name from categories c join categories p on p.id = c.parent_id order by 1 limit 1`),
  );
  const run = Date.now().toString(36);
  const file = path.join(tmpdir(), `bench-import-${run}.csv`);
  await writeCanonicalFile(file, rows, run, product.name, category.name);
  // Start from a checkpoint, so the import is not measured against one the set-up's writes set off.
  await sql`checkpoint`.catch(() => log("  (no CHECKPOINT privilege: the import may run during a checkpoint)"));

  const { result, processSeconds } = await runCliImport(url, file);
  log(
    `  imported ${result.inserted} (rejected ${result.rejected}) in ${result.seconds.toFixed(1)} s ` +
      `(reading and checking ${result.checkedSeconds.toFixed(1)} s, ${result.writtenWhileChecking} rows of them written meanwhile; ` +
      `the CLI process, with its start-up, ${processSeconds.toFixed(1)} s)`,
  );

  // COPY of the same bytes into an unindexed table of text columns: the floor for any import.
  // A temporary table lives on one connection: reserve it for the whole measurement.
  const conn = await sql.reserve();
  await conn.unsafe(`create temporary table bench_copy (${COLUMNS.map((c) => `${c} text`).join(", ")})`);
  const started = performance.now();
  const writable = await conn.unsafe("copy bench_copy from stdin with (format csv, header true)").writable();
  await pipeline(createReadStream(file), writable);
  const copySeconds = (performance.now() - started) / 1000;
  await conn.unsafe("drop table bench_copy");
  conn.release();

  // Leave the bench database as it was, so every run measures the same table.
  await sql`delete from complaints where external_id like ${`BENCHIMP-${run}-%`}`;
  rmSync(file, { force: true });
  return {
    rows,
    inserted: result.inserted,
    rejected: result.rejected,
    seconds: result.seconds,
    checkSeconds: result.checkedSeconds,
    writtenWhileChecking: result.writtenWhileChecking,
    processSeconds,
    rowsPerSecond: result.rowsPerSecond,
    copyRowsPerSecond: rows / copySeconds,
  };
}
