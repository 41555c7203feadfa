// The benchmark's data set as files the product imports itself: a canonical complaint CSV (through
// `import complaints`) and purchase volumes (through `import purchases`). Family and duplicate links
// have no CSV column, so they are set afterwards, the way a reviewer's bulk action would leave them.
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import type postgres from "postgres";
import { type CfpbCorpus, seededRandom, textGenerator } from "./text";

export type Reference = {
  markets: string[];
  products: string[];
  /** "Parent > Child" as the canonical CSV names a category. */
  categories: string[];
  rootCauses: string[];
};

export async function readReference(sql: postgres.Sql): Promise<Reference> {
  const markets = (await sql<{ code: string }[]>`select code from markets order by code`).map((r) => r.code);
  const products = (await sql<{ name: string }[]>`select name from products order by name`).map((r) => r.name);
  const categories = (
    await sql<{ name: string }[]>`
      select p.name || ' > ' || c.name as name from categories c join categories p on p.id = c.parent_id order by 1`
  ).map((r) => r.name);
  const rootCauses = (await sql<{ name: string }[]>`select name from root_causes order by name`).map((r) => r.name);
  return { markets, products, categories, rootCauses };
}

const HEADER = [
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
  "excluded_reason",
  "root_causes",
];

const FIRST_DAY = Date.UTC(2016, 0, 1);
const DAYS = 1461; // 2016–2019
const DAY_MS = 86_400_000;

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export type DatasetSummary = {
  rows: number;
  bytes: number;
  withNarrative: number;
  withRootCause: number;
  followUps: number;
  duplicates: number;
  narrativeChars: { p50: number; p95: number; max: number };
  /** Sample values a search scenario looks for (they exist in the data). */
  samples: { externalIds: string[]; customerRefs: string[] };
  /** Set when the database was grown from a loaded one by bench/grow.ts: that load's row count. */
  grownFrom?: number;
};

/**
 * Writes `rows` complaints, in the order of their received date as a history load would come.
 * About 20 % have no narrative; half of the Swedish and English ones are in each market's language
 * (Sweden writes Swedish, Norway's customers here write English); root causes on about half;
 * 3 % get a follow-up at an authority (a family) and 2 % a duplicate. With `intake`, a day's new
 * complaints instead: all received that day, new and untagged, external ids `<prefix>-<n>`.
 */
export async function writeComplaintsCsv(
  file: string,
  rows: number,
  reference: Reference,
  corpus: CfpbCorpus,
  seed = 1,
  intake?: { receivedOn: string; prefix: string },
): Promise<DatasetSummary> {
  const random = seededRandom(seed);
  const text = textGenerator(corpus, random);
  const pick = <T>(list: T[]): T => {
    const item = list[Math.floor(random() * list.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  };
  const out = createWriteStream(file);
  let bytes = 0;
  const write = async (line: string) => {
    bytes += Buffer.byteLength(line) + 1;
    if (!out.write(`${line}\n`)) await once(out, "drain");
  };
  await write(HEADER.join(","));
  const summary: DatasetSummary = {
    rows: 0,
    bytes: 0,
    withNarrative: 0,
    withRootCause: 0,
    followUps: 0,
    duplicates: 0,
    narrativeChars: { p50: 0, p95: 0, max: 0 },
    samples: { externalIds: [], customerRefs: [] },
  };
  const lengths: number[] = [];
  const customers = Math.max(10, Math.floor(rows * 0.6));
  const statusWeights = [
    ["new", 0.12],
    ["triaged", 0.13],
    ["in_analysis", 0.15],
    ["analysed", 0.25],
    ["closed", 0.35],
  ] as const;
  const status = () => {
    let x = random();
    for (const [name, weight] of statusWeights) if ((x -= weight) < 0) return name;
    return "closed";
  };
  const row = async (externalId: string, day: number, channel: string, base?: Record<string, string>) => {
    const market = base?.market ?? pick(reference.markets);
    const swedish = market === "SE";
    const hasNarrative = random() >= 0.2;
    const length = text.length();
    const narrative = hasNarrative ? (swedish ? text.swedish(length) : text.english(length)) : "";
    if (hasNarrative) {
      summary.withNarrative++;
      if (lengths.length < 200_000) lengths.push(narrative.length);
    }
    // A day's intake is new: not yet analysed, so untagged.
    const st = intake ? "new" : status();
    // Analysed and closed complaints carry root causes, and some in analysis: about half of all.
    const tagged = st === "analysed" || st === "closed" ? random() < 0.8 : st === "in_analysis" && random() < 0.3;
    const causes = tagged
      ? random() < 0.15
        ? [pick(reference.rootCauses), pick(reference.rootCauses)]
        : [pick(reference.rootCauses)]
      : [];
    if (causes.length) summary.withRootCause++;
    const values = {
      market,
      customer: base?.customer ?? `CUST-${String(100000 + Math.floor(random() * customers)).padStart(7, "0")}`,
      product: base?.product ?? pick(reference.products),
      category: base?.category ?? pick(reference.categories),
    };
    const received =
      intake?.receivedOn ?? new Date(FIRST_DAY + Math.min(DAYS - 1, day) * DAY_MS).toISOString().slice(0, 10);
    await write(
      [
        externalId,
        received,
        market,
        channel,
        csvField(swedish ? text.swedishSummary() : text.englishSummary()),
        csvField(values.product),
        csvField(values.category),
        pick(["before_purchase", "during_purchase", "after_purchase", "after_purchase"]),
        csvField(narrative),
        values.customer,
        pick(["true", "false", ""]),
        pick(["low", "medium", "medium", "high", "critical"]),
        base?.excluded ? "closed" : st,
        base?.excluded ?? "",
        csvField(causes.join("|")),
      ].join(","),
    );
    summary.rows++;
    if (summary.samples.externalIds.length < 200 && random() < 0.01) summary.samples.externalIds.push(externalId);
    if (summary.samples.customerRefs.length < 200 && random() < 0.01)
      summary.samples.customerRefs.push(values.customer);
    return values;
  };

  const channels = ["consumer_agency", "disputes_board", "financial_supervisor", "data_protection_authority"];
  for (let i = 0; summary.rows < rows; i++) {
    const day = Math.floor((summary.rows / rows) * DAYS);
    const first = await row(
      `${intake?.prefix ?? "BX"}-${i}`,
      day,
      random() < 0.93 ? "customer_service" : pick(channels),
    );
    const r = intake ? 1 : random();
    if (r < 0.03 && summary.rows < rows) {
      await row(`BX-${i}-F`, day + 20 + Math.floor(random() * 60), pick(channels), first);
      summary.followUps++;
    } else if (r < 0.05 && summary.rows < rows) {
      await row(`BX-${i}-D`, day + Math.floor(random() * 3), "customer_service", { ...first, excluded: "duplicate" });
      summary.duplicates++;
    }
  }
  out.end();
  await once(out, "finish");
  lengths.sort((a, b) => a - b);
  summary.bytes = bytes;
  summary.narrativeChars = {
    p50: lengths[Math.floor(lengths.length * 0.5)] ?? 0,
    p95: lengths[Math.floor(lengths.length * 0.95)] ?? 0,
    max: lengths[lengths.length - 1] ?? 0,
  };
  return summary;
}

/** Monthly purchases per market and product for 2016–2019, as `import purchases` reads them. */
export async function writePurchasesCsv(file: string, reference: Reference, rows: number) {
  const random = seededRandom(7);
  const out = createWriteStream(file);
  out.write("market,month,purchases,product\n");
  // About 2,000 purchases per complaint, spread over markets, products and months.
  const perCell = Math.max(
    1000,
    Math.round((rows * 2000) / (reference.markets.length * reference.products.length * 48)),
  );
  for (const market of reference.markets)
    for (let m = 0; m < 48; m++) {
      const month = `${2016 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
      for (const product of reference.products)
        out.write(`${market},${month},${Math.round(perCell * (0.7 + random() * 0.6))},${csvField(product)}\n`);
    }
  out.end();
  await once(out, "finish");
}

/** Links each follow-up to its first complaint in a family, and each duplicate to its original. */
export async function linkFamiliesAndDuplicates(sql: postgres.Sql) {
  await sql`
    with pairs as (
      select f.id as follow_up, c.id as first, gen_random_uuid() as family
      from complaints f join complaints c on c.source = f.source and c.external_id = left(f.external_id, -2)
      where f.external_id like 'BX-%-F' and f.family_id is null
    ), families as (
      -- A data-modifying CTE runs whether or not it is referenced; the foreign key is checked at the end.
      insert into complaint_families (id, note) select family, 'bench' from pairs returning id
    )
    update complaints set family_id = pairs.family
    from pairs where complaints.id in (pairs.follow_up, pairs.first)`;
  await sql`
    update complaints d set duplicate_of_id = c.id
    from complaints c
    where d.external_id like 'BX-%-D' and d.duplicate_of_id is null
      and c.source = d.source and c.external_id = left(d.external_id, -2)`;
}
