// `npm run bench:import-memory [-- --rows 50000,200000] [--files DIR]`: the peak resident memory of
// `npm run cli -- import complaints` at several file sizes, which should not grow with the file.
// Each size is imported into its own fresh database (impmem_*, a copy of one migrated and seeded
// template), dropped afterwards. With --files DIR the generated CSVs are kept there and reused.
import { rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDemoData } from "@/db/seed";
import { SEED_NOW } from "@/db/seed/dates";
import { readReference, writeComplaintsCsv } from "./dataset";
import { runCli } from "./import";
import { readCfpb } from "./text";

const { values: args } = parseArgs({
  options: { rows: { type: "string" }, keep: { type: "boolean" }, files: { type: "string" } },
});
const SIZES = (args.rows ?? "50000,200000").split(",").map(Number);
const SERVER_URL = process.env.BENCH_DATABASE_SERVER ?? "postgres://postgres@127.0.0.1:5432";
const TEMPLATE = "impmem_template";
const FILES = args.files ?? os.tmpdir();
const log = (m: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${m}`);

async function main() {
  const admin = postgres(`${SERVER_URL}/postgres`, { max: 1, onnotice: () => {} });
  const databases: string[] = [];
  try {
    await admin.unsafe(`drop database if exists ${TEMPLATE} with (force)`);
    await admin.unsafe(`create database ${TEMPLATE}`);
    databases.push(TEMPLATE);
    const handle = openDatabase({ url: `${SERVER_URL}/${TEMPLATE}`, max: 2 });
    await migrateDatabase(handle);
    await seedDemoData(handle.db, { now: SEED_NOW });
    const reference = await readReference(handle.sql!);
    await handle.close();
    const corpus = readCfpb();
    const results = [];
    for (const rows of SIZES) {
      const csv = path.join(FILES, `impmem-${rows}.csv`);
      const exists = (() => {
        try {
          return statSync(csv).size > 0;
        } catch {
          return false;
        }
      })();
      if (!exists) {
        log(`Writing ${rows.toLocaleString("en")} complaints to ${csv}…`);
        await writeComplaintsCsv(csv, rows, reference, corpus);
      }
      const mb = statSync(csv).size / 1e6;
      const database = `impmem_${rows}`;
      await admin.unsafe(`drop database if exists ${database} with (force)`);
      await admin.unsafe(`create database ${database} template ${TEMPLATE}`);
      databases.push(database);
      log(`Importing ${rows.toLocaleString("en")} rows (${mb.toFixed(0)} MB)…`);
      const run = await runCli(`${SERVER_URL}/${database}`, ["import", "complaints", csv], log);
      const result = { rows, csvMb: Math.round(mb), peakMb: run.peakMemoryMb, rowsPerSecond: run.rowsPerSecond };
      log(`  ${JSON.stringify(result)}`);
      results.push(result);
      if (!args.keep) await admin.unsafe(`drop database if exists ${database} with (force)`);
      if (!args.files) rmSync(csv, { force: true });
    }
    console.log(JSON.stringify(results));
  } finally {
    for (const database of databases.reverse())
      if (!args.keep || database === TEMPLATE)
        await admin.unsafe(`drop database if exists ${database} with (force)`).catch(() => {});
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
