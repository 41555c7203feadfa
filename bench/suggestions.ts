// How well the suggested root causes match the truth, on real complaints nobody here wrote: the CFPB
// complaints with a narrative (fixtures/cfpb), their `Issue` taken as the root cause. The earlier
// 80 % by date are tagged; each of the later 20 % asks for suggestions with its Issue hidden (the
// summary is the narrative's opening, never the Issue). Top-1 and top-3 accuracy are printed beside
// the baseline of always guessing the most common causes of the tagged part.
//
//   npm run bench:suggestions                 (in-memory PGlite)
//   SUGGESTIONS_DATABASE_URL=postgres://…     (a scratch database on a server: created and dropped)
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { type DbHandle, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { categories, complaintRootCauses, complaints, markets, products, rootCauses } from "@/db/schema";
import { allocateReferences } from "@/lib/complaints/reference";
import { must } from "@/lib/must";
import { getSuggestions, resetLexemeStats } from "@/lib/suggestions/engine";

const FIXTURES = path.join(process.cwd(), "fixtures", "cfpb");
const TRAIN_SHARE = 0.8;

type Record_ = {
  id: string;
  receivedOn: string;
  product: string;
  subProduct: string;
  issue: string;
  narrative: string;
};

/** The CFPB rows with a narrative from every export in fixtures/cfpb, one per complaint id. */
export function readCfpb(dir = FIXTURES): Record_[] {
  const out = new Map<string, Record_>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".csv"))
    .sort()) {
    const text = readFileSync(path.join(dir, file), "utf8");
    // One export starts with two lines an unzip tool left; the header is the line naming the columns.
    const start = text.indexOf("Date received,");
    const rows = parse(text.slice(start), { columns: true, skip_empty_lines: true, relax_quotes: true }) as Record<
      string,
      string
    >[];
    for (const r of rows) {
      const narrative = (r["Consumer complaint narrative"] ?? "").trim();
      const issue = (r.Issue ?? "").trim();
      if (!narrative || !issue || !r["Complaint ID"]) continue;
      out.set(r["Complaint ID"], {
        id: r["Complaint ID"],
        receivedOn: toIsoDate(r["Date received"] ?? ""),
        product: (r.Product ?? "").trim(),
        subProduct: (r["Sub-product"] ?? "").trim(),
        issue,
        narrative,
      });
    }
  }
  return [...out.values()].sort((a, b) => a.receivedOn.localeCompare(b.receivedOn) || a.id.localeCompare(b.id));
}

function toIsoDate(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(value);
  if (us) return `${us[3]}-${us[1]!.padStart(2, "0")}-${us[2]!.padStart(2, "0")}`;
  throw new Error(`Unreadable date ${value}`);
}

/** What a reviewer would write as the summary: the narrative's opening words, never the Issue. */
export function summaryOf(narrative: string): string {
  const flat = narrative.replace(/\s+/g, " ").trim();
  // split() always yields at least one part.
  const [sentence = ""] = flat.split(/(?<=[.!?])\s/);
  const cut = sentence.length <= 150 ? sentence : `${sentence.slice(0, 150).replace(/\s\S*$/, "")}…`;
  return cut.slice(0, 200);
}

async function openScratch(): Promise<{ handle: DbHandle; drop: () => Promise<void> }> {
  const server = process.env.SUGGESTIONS_DATABASE_URL;
  if (!server) return { handle: openDatabase({ dir: "memory://" }), drop: async () => {} };
  const name = `bench_suggestions_${randomBytes(4).toString("hex")}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  const handle = openDatabase({ url: url.toString(), max: 2 });
  return {
    handle,
    drop: async () => {
      await handle.close();
      const again = postgres(server, { max: 1, onnotice: () => {} });
      await again.unsafe(`drop database if exists "${name}" with (force)`);
      await again.end();
    },
  };
}

function idsByName<T extends { id: string; name: string }>(rows: T[]): Map<string, string> {
  return new Map(rows.map((r) => [r.name.toLowerCase(), r.id]));
}

export type Accuracy = { tested: number; top1: number; top3: number; baselineTop1: number; baselineTop3: number };

export async function measure(records: Record_[], handle: DbHandle): Promise<Accuracy & { msP95: number }> {
  const { db } = handle;
  const cut = Math.floor(records.length * TRAIN_SHARE);
  const train = records.slice(0, cut);
  const test = records.slice(cut);
  await db.insert(markets).values({ code: "US", name: "United States" }).onConflictDoNothing();
  const distinct = (values: string[]) => [...new Map(values.filter(Boolean).map((v) => [v.toLowerCase(), v])).values()];
  const productIds = idsByName(
    await db
      .insert(products)
      .values(distinct(records.map((r) => r.product)).map((name) => ({ name })))
      .returning(),
  );
  const categoryIds = idsByName(
    await db
      .insert(categories)
      .values(distinct(records.map((r) => r.subProduct)).map((name) => ({ name })))
      .returning(),
  );
  // Every Issue is a cause, also those only the later part has: the engine may suggest none of them.
  const causeIds = idsByName(
    await db
      .insert(rootCauses)
      .values(distinct(records.map((r) => r.issue)).map((name) => ({ name })))
      .returning(),
  );
  const refs = await allocateReferences(
    db,
    records.map((r) => r.receivedOn),
  );
  const inserted: { id: string; externalId: string }[] = [];
  for (let i = 0; i < records.length; i += 500) {
    const batch = records.slice(i, i + 500);
    inserted.push(
      ...(await db
        .insert(complaints)
        .values(
          batch.map((r, j) => ({
            reference: must(refs[i + j], "a reference per record"),
            source: "cfpb",
            externalId: r.id,
            receivedOn: r.receivedOn,
            market: "US",
            channel: "customer_service" as const,
            productId: productIds.get(r.product.toLowerCase()) ?? null,
            categoryId: categoryIds.get(r.subProduct.toLowerCase()) ?? null,
            summary: summaryOf(r.narrative),
            narrative: r.narrative,
          })),
        )
        .returning({ id: complaints.id, externalId: complaints.externalId })),
    );
  }
  const idOf = new Map(inserted.map((r) => [r.externalId, r.id]));
  for (let i = 0; i < train.length; i += 1000) {
    await db.insert(complaintRootCauses).values(
      train.slice(i, i + 1000).map((r) => ({
        complaintId: idOf.get(r.id)!,
        rootCauseId: causeIds.get(r.issue.toLowerCase())!,
        primary: true,
      })),
    );
  }
  await db.execute(sql`analyze complaints`);
  resetLexemeStats();

  const frequency = new Map<string, number>();
  for (const r of train) frequency.set(r.issue.toLowerCase(), (frequency.get(r.issue.toLowerCase()) ?? 0) + 1);
  const common = [...frequency.entries()].sort((a, b) => b[1] - a[1]).map(([issue]) => issue);
  let top1 = 0;
  let top3 = 0;
  let baselineTop1 = 0;
  let baselineTop3 = 0;
  const times: number[] = [];
  for (const r of test) {
    const truth = causeIds.get(r.issue.toLowerCase());
    const started = performance.now();
    const suggestions = await getSuggestions(db, idOf.get(r.id)!);
    times.push(performance.now() - started);
    const guessed = (suggestions?.causes ?? []).map((c) => c.rootCauseId);
    if (guessed[0] === truth) top1++;
    if (guessed.slice(0, 3).includes(truth!)) top3++;
    if (common[0] === r.issue.toLowerCase()) baselineTop1++;
    if (common.slice(0, 3).includes(r.issue.toLowerCase())) baselineTop3++;
  }
  times.sort((a, b) => a - b);
  const share = (n: number) => n / test.length;
  return {
    tested: test.length,
    top1: share(top1),
    top3: share(top3),
    baselineTop1: share(baselineTop1),
    baselineTop3: share(baselineTop3),
    msP95: times[Math.floor(times.length * 0.95)] ?? 0,
  };
}

async function main() {
  const records = readCfpb();
  const { handle, drop } = await openScratch();
  try {
    await migrateDatabase(handle);
    const result = await measure(records, handle);
    const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
    const cut = Math.floor(records.length * TRAIN_SHARE);
    console.log(
      [
        `Suggested root causes on ${records.length} CFPB complaints with a narrative (${new Set(records.map((r) => r.issue)).size} Issues as causes):`,
        `tagged the earlier ${cut} (to ${records[cut - 1]?.receivedOn ?? "none"}), asked on the later ${result.tested}.`,
        "",
        "                 top-1     top-3",
        `engine        ${pct(result.top1).padStart(8)}  ${pct(result.top3).padStart(8)}`,
        `most common   ${pct(result.baselineTop1).padStart(8)}  ${pct(result.baselineTop3).padStart(8)}`,
        "",
        `(p95 ${result.msP95.toFixed(0)} ms a complaint on this small set; the load benchmark measures it at scale)`,
      ].join("\n"),
    );
  } finally {
    await drop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
