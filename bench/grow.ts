// `npx tsx bench/grow.ts --from 1000000 --to 3000000`: a larger bench database made from a loaded one,
// for measuring how each read's cost grows with the table (README, "Performance", past one machine).
// Loading three million rows through the import would take hours on two cores and measure the import,
// which the 1,000,000-row load already does; the reads only need the larger table. So the loaded
// database is copied (`create database … template …`) and its complaints are copied inside PostgreSQL,
// each with its root-cause tags, a new reference from the product's own sequence and a new external id,
// until the table holds `--to` rows. The copies keep every column the reads filter, sort and search on
// (dates, market, product, text, status, assignee, severity, customer reference), so each month holds
// `--to / --from` times as many complaints with the same text distribution; purchase volumes grow by the
// same factor (a bigger bank, not a worse one). Families and duplicate links are not copied.
// Measure the result with `npm run bench -- --scale <to> --reuse`.
import { parseArgs } from "node:util";
import postgres from "postgres";
import { first } from "@/lib/must";
import type { BenchResult } from "./report";

const { values: args } = parseArgs({
  options: { from: { type: "string" }, to: { type: "string" }, batch: { type: "string" } },
});
const FROM = Number(args.from ?? 1_000_000);
const TO = Number(args.to ?? 3_000_000);
const BATCH = Number(args.batch ?? 50_000);
const SERVER_URL = process.env.BENCH_DATABASE_SERVER ?? "postgres://postgres@127.0.0.1:5432";
const SOURCE = `complaints_bench_${FROM}`;
const TARGET = `complaints_bench_${TO}`;

const log = (m: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${m}`);

// Every stored column of a complaint except its identity and its links to other complaints.
const COPIED = [
  "source",
  "received_on",
  "market",
  "channel",
  "authority_id",
  "product_id",
  "journey_stage",
  "category_id",
  "summary",
  "narrative",
  "customer_ref",
  "app_user",
  "severity",
  "status",
  "assignee_id",
  "outcome",
  "recommendation_followed",
  "acknowledged_at",
  "responded_at",
  "version",
  "created_by",
  "created_at",
  "updated_at",
];

async function main() {
  if (!(Number.isInteger(FROM) && Number.isInteger(TO) && TO > FROM))
    throw new Error("--to must be a whole number above --from");
  const admin = postgres(`${SERVER_URL}/postgres`, { max: 1, onnotice: () => {} });
  const [source] = await admin`select 1 from pg_database where datname = ${SOURCE}`;
  if (!source) throw new Error(`No ${SOURCE}: load it first (npm run bench -- --scale ${FROM} --load-only)`);
  log(`Copying ${SOURCE} to ${TARGET}…`);
  await admin.unsafe(`drop database if exists "${TARGET}" with (force)`);
  // A template must have no other connections: end any left from a bench run.
  await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${SOURCE} and pid <> pg_backend_pid()`;
  await admin.unsafe(`create database "${TARGET}" template "${SOURCE}"`);
  await admin.end();

  const sql = postgres(`${SERVER_URL}/${TARGET}`, { max: 1, onnotice: () => {} });
  const { n: start, last } = first(
    await sql<
      { n: number; last: string }[]
    >`select count(*)::int as n, (select id::text from complaints order by id desc limit 1) as last from complaints`,
    "count",
  );
  const rounds = Math.ceil((TO - start) / start);
  const columns = COPIED.join(", ");
  const copied = COPIED.map((c) => `s.${c}`).join(", ");
  let total = start;
  for (let round = 1; round <= rounds && total < TO; round++) {
    let after = "00000000-0000-0000-0000-000000000000";
    for (;;) {
      const limit = Math.min(BATCH, TO - total);
      if (limit <= 0) break;
      // One statement per batch: the originals (ids up to the first copy's), their copies, the copies' tags.
      const [row] = await sql.unsafe<{ complaints: number; tags: number; last: string | null }[]>(
        `with src as materialized (
           select c.*, uuid_time_ordered() as new_id from complaints c
           where c.id > $1::uuid and c.id <= $2::uuid order by c.id limit $3
         ), ins as (
           insert into complaints (id, reference, external_id, excluded_reason, ${columns})
           select s.new_id,
                  'C-' || extract(year from s.received_on)::int || '-' || regexp_replace('00000' || nextval('complaint_reference_seq')::text, '^0*([0-9]{6,})$', '\\1'),
                  'GROW${round}-' || s.external_id,
                  case when s.excluded_reason = 'duplicate' then null else s.excluded_reason end,
                  ${copied}
           from src s order by s.id
           returning 1
         ), tags as (
           insert into complaint_root_causes (complaint_id, root_cause_id, is_primary, note, tagged_by, tagged_at, suggestion_rank)
           select s.new_id, r.root_cause_id, r.is_primary, r.note, r.tagged_by, r.tagged_at, r.suggestion_rank
           from src s join complaint_root_causes r on r.complaint_id = s.id
           returning 1
         )
         select (select count(*)::int from ins) as complaints, (select count(*)::int from tags) as tags,
                (select id::text from src order by id desc limit 1) as last`,
        [after, last, limit],
      );
      if (!row?.last || row.complaints === 0) break;
      after = row.last;
      total += row.complaints;
      if (total % 250_000 < BATCH) log(`  ${total.toLocaleString("en")} complaints`);
    }
  }
  const factor = total / start;
  log(`Purchase volumes × ${factor.toFixed(2)}; vacuum and analyze…`);
  await sql`update purchase_volumes set purchases = round(purchases * ${factor}::float8)`;
  await sql`vacuum analyze`;
  const meta = first(await sql<{ v: string }[]>`select v::text from bench_meta limit 1`, "bench_meta");
  const loaded = JSON.parse(meta.v) as Pick<BenchResult, "dataset" | "copy"> & { imported: BenchResult["import"] };
  const stats = first(
    await sql<{ narrative: number; tagged: number }[]>`
      select count(*) filter (where narrative is not null)::int as narrative,
             (select count(distinct complaint_id)::int from complaint_root_causes) as tagged
      from complaints`,
    "stats",
  );
  const dataset = {
    ...loaded.dataset,
    rows: total,
    withNarrative: stats.narrative,
    withRootCause: stats.tagged,
    grownFrom: FROM,
  };
  await sql`update bench_meta set v = (${JSON.stringify({ ...loaded, dataset })}::text)::jsonb`;
  await sql.end();
  log(`${TARGET}: ${total.toLocaleString("en")} complaints. Measure it with npm run bench -- --scale ${TO} --reuse`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
