import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { rowsOf } from "@/db/rows";

const BATCH = 2000;

/**
 * Brings a market's complaints to its current search language: walks the complaints' primary key in
 * slices of BATCH ids, each slice one short statement of its own (its own transaction), and rewrites
 * the language of those of the market's complaints that differ, which re-stems them (the search
 * vector is generated from it). The app keeps working meanwhile; a complaint edited in between is
 * merely locked for its slice. Safe to run again or concurrently: it only moves rows towards the
 * market's language as it is at each slice. Answers how many complaints it re-indexed.
 */
export async function reindexMarketLanguage(db: Db, market: string): Promise<number> {
  let after = "00000000-0000-0000-0000-000000000000";
  let total = 0;
  for (;;) {
    const rows = rowsOf<{ last: string | null; changed: number | string }>(
      await db.execute(sql`
        with slice as (select id from complaints where id > ${after}::uuid order by id limit ${BATCH}),
        changed as (
          update complaints c set search_language = m.search_language
          from markets m
          where c.id in (select id from slice) and c.market = ${market} and m.code = c.market
            and c.search_language <> m.search_language
          returning 1)
        select (select max(id::text) from slice) as last, (select count(*) from changed) as changed`),
    );
    total += Number(rows[0]?.changed ?? 0);
    const last = rows[0]?.last;
    if (!last) return total;
    after = last;
  }
}

/**
 * Starts the re-index in the background of this process (a server action returns at once); a
 * failure is logged and the next language change, or `market language` on the command line, finishes it.
 */
export function reindexInBackground(db: Db, market: string) {
  reindexMarketLanguage(db, market).catch((error) =>
    console.error(
      `Re-indexing the complaints of ${market} failed; run: npm run cli -- market language --code ${market} --language <its language>`,
      error,
    ),
  );
}
