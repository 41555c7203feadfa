import { createReadStream, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { sql as dsql } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { importComplaintsFile } from "@/lib/imports/engine";

const COLUMNS = [
  "external_id", "received_on", "market", "channel", "summary", "product", "category",
  "journey_stage", "narrative", "customer_ref", "app_user", "severity", "status",
];

/** A canonical complaint CSV of `rows` rows using products and categories that exist. */
function writeCanonicalFile(file: string, rows: number, run: string, product: string, category: string) {
  const lines = [COLUMNS.join(",")];
  for (let i = 0; i < rows; i++) {
    const month = String((i % 12) + 1).padStart(2, "0");
    const day = String((i % 28) + 1).padStart(2, "0");
    lines.push(
      [
        `BENCHIMP-${run}-${i}`, `2019-${month}-${day}`, i % 3 ? "SE" : "NO", i % 10 ? "customer_service" : "consumer_agency",
        `Fakturan kom efter förfallodatum ${i}`, product, category, "after_purchase",
        `"Kunden betalade i tid, men betalningen registrerades inte. Rad ${i}, ""citerad"", med komma."`,
        `CUST-${100000 + (i % 900000)}`, i % 2 ? "true" : "false", "medium", "new",
      ].join(","),
    );
  }
  writeFileSync(file, lines.join("\n") + "\n");
}

export async function importScenario(handle: DbHandle, rows: number, log: (m: string) => void) {
  const sql = handle.sql!;
  const [product] = rowsOf<{ name: string }>(await handle.db.execute(dsql`select name from products order by name limit 1`));
  const [category] = rowsOf<{ name: string }>(
    await handle.db.execute(dsql`select p.name || ' > ' || c.name as name from categories c join categories p on p.id = c.parent_id order by 1 limit 1`),
  );
  const run = Date.now().toString(36);
  const file = path.join(tmpdir(), `bench-import-${run}.csv`);
  writeCanonicalFile(file, rows, run, product.name, category.name);

  const result = await importComplaintsFile(file, { actor: CLI_ACTOR, fileName: path.basename(file) });
  log(
    `  imported ${result.inserted} (rejected ${result.rejected}) in ${(result.elapsedMs / 1000).toFixed(1)} s ` +
      `(reading and checking ${(result.checkedMs / 1000).toFixed(1)} s, writing ${((result.elapsedMs - result.checkedMs) / 1000).toFixed(1)} s)`,
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
  return {
    rows,
    inserted: result.inserted,
    rejected: result.rejected,
    seconds: result.elapsedMs / 1000,
    checkSeconds: result.checkedMs / 1000,
    rowsPerSecond: result.rowsPerSecond,
    copyRowsPerSecond: rows / copySeconds,
  };
}
