import { asc, eq } from "drizzle-orm";
import { db } from "@/db";
import { publications } from "@/db/schema";
import { combine, type MonthCell, targetsByYear, type YearFigure } from "./compute";
import { yearOf } from "./months";
import { publicTable } from "./public-table";
import { type Restatement, restatementsOf } from "./publication";
import { assertMarket, type Executor, getMarkets, getTargets } from "./queries";

export type PublicMonth = {
  month: string;
  complaints: number;
  purchases: number | null;
  perMillion: number | null;
  /** Changes to this month after it was first published, oldest first; empty when none. */
  restatements: Restatement[];
};

export type PublicZeroMission = {
  market: string;
  from: string | null;
  to: string | null;
  months: PublicMonth[];
  years: YearFigure[];
};

/**
 * The published zero-mission figures of a market: the v1 shape, from publications only (never the
 * live counts), each month carrying its restatements. Years are weighted over their published months.
 */
export async function getPublishedZeroMission(market: string, executor: Executor = db): Promise<PublicZeroMission> {
  await assertMarket(market, executor);
  const rows = await executor
    .select()
    .from(publications)
    .where(eq(publications.market, market))
    .orderBy(asc(publications.month));
  const history = await restatementsOf(
    executor,
    rows.map((r) => r.id),
  );
  const cells: MonthCell[] = rows.map((r) => ({
    market,
    month: r.month,
    complaints: r.complaints,
    purchases: r.purchases,
  }));
  const targets = targetsByYear(await getTargets(market, executor), cells);
  const years = [...new Set(rows.map((r) => yearOf(r.month)))].sort((a, b) => a - b);
  return {
    market,
    from: rows[0]?.month ?? null,
    to: rows.at(-1)?.month ?? null,
    months: rows.map((r) => ({
      month: r.month,
      complaints: r.complaints,
      purchases: r.purchases,
      perMillion: r.perMillion,
      restatements: history.get(r.id) ?? [],
    })),
    years: years.map((year) => ({
      year,
      ...combine(cells.filter((c) => yearOf(c.month) === year)),
      target: targets.get(year) ?? null,
    })),
  };
}

/** `year,jan,…,dec,average` with whole numbers; an unpublished month is an empty cell. */
export function publicCsv(data: PublicZeroMission): string {
  const header = [
    "year",
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
    "average",
  ];
  const lines = [header.join(",")];
  for (const row of publicTable(data)) {
    lines.push([row.year, ...row.months.map((m) => m?.value ?? ""), row.average ?? ""].join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}

/** The markets the public zero-mission page offers (no sign-in: codes and names only). */
export function getPublicMarkets() {
  return getMarkets();
}
