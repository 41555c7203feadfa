// A day's intake, as the bench brings it once the server runs: new complaints received today,
// imported through the product while its job runner is up, whose similar complaints the runner then
// finds (lib/suggestions/pools.ts) before they are opened.
import type postgres from "postgres";
import type { Db } from "@/db";
import { first } from "@/lib/must";
import { poolCoverage, poolDays } from "@/lib/suggestions/pools";
import { readReference, writeComplaintsCsv } from "./dataset";
import { runCli } from "./import";
import type { CfpbCorpus } from "./text";

export type Intake = {
  /** Complaints received today (this run's and any earlier run's of the same day). */
  rows: number;
  /** Open complaints the runner keeps pools for, and how long it took to find those it lacked. */
  inScope: number;
  /** SIMILAR_POOL_DAYS: how far back an open complaint is in the runner's care. */
  days: number;
  found: number;
  seconds: number;
  ids: string[];
};

export async function loadIntake(
  url: string,
  sql: postgres.Sql,
  db: Db,
  corpus: CfpbCorpus,
  rows: number,
  tmp: string,
  log: (m: string) => void,
): Promise<Intake> {
  const today = new Date().toISOString().slice(0, 10);
  const prefix = `BI${today.replaceAll("-", "")}`;
  const like = `${prefix}-%`;
  const count = async () =>
    first(
      await sql<{ n: number }[]>`select count(*)::int as n from complaints where external_id like ${like}`,
      "intake",
    ).n;
  if ((await count()) < rows) {
    const csv = `${tmp}-intake.csv`;
    const reference = await readReference(sql);
    await writeComplaintsCsv(csv, rows, reference, corpus, Number(today.replaceAll("-", "")), {
      receivedOn: today,
      prefix,
    });
    log(`Importing today's intake (${rows} new complaints) while the server runs…`);
    await runCli(url, ["import", "complaints", csv], log);
  }
  const started = performance.now();
  const before = await poolCoverage(db);
  let now = before;
  let logged = Date.now();
  const deadline = Date.now() + 60 * 60_000;
  while (now.pooled < now.inScope) {
    if (Date.now() > deadline) throw new Error(`The job runner found ${now.pooled} of ${now.inScope} pools in an hour`);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    now = await poolCoverage(db);
    if (Date.now() - logged > 30_000) {
      logged = Date.now();
      log(`  the job runner has found ${now.pooled} of ${now.inScope} similar-complaint pools`);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const found = now.pooled - before.pooled;
  log(`  ${found} pools found by the job runner in ${seconds.toFixed(0)} s`);
  const ids = await sql<{ id: string }[]>`
    select id from complaints where external_id like ${like} order by md5(id::text)`;
  return { rows: await count(), inScope: now.inScope, days: poolDays(), found, seconds, ids: ids.map((r) => r.id) };
}
