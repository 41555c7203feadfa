import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { rowsOf } from "@/db/rows";

const WORDS_SV = [
  "förfallodatum",
  "faktura",
  "betalning",
  "återbetalning",
  "kundtjänst",
  "delbetalning",
  "ränta",
  "påminnelse",
  "avgift",
  "kort",
  "inkasso",
  "kreditupplysning",
  "autogiro",
  "retur",
  "leverans",
  "butik",
  "app",
  "inloggning",
  "bankid",
  "saldo",
  "limit",
  "kontoutdrag",
  "avbetalning",
  "dröjsmålsränta",
  "ångerrätt",
  "reklamation",
  "bedrägeri",
  "spärr",
  "överföring",
  "swish",
  "kreditprövning",
  "avslag",
  "uppsägning",
  "personuppgifter",
  "samtal",
  "chatt",
  "väntetid",
  "felaktig",
  "dubbeldebitering",
  "kvitto",
];
const WORDS_EN = [
  "refund",
  "invoice",
  "payment",
  "due date",
  "reminder",
  "fee",
  "card",
  "account",
  "statement",
  "merchant",
  "collection",
  "credit check",
  "direct debit",
  "return",
  "delivery",
  "store",
  "app",
  "login",
  "balance",
  "limit",
  "instalment",
  "interest",
  "withdrawal",
  "dispute",
  "fraud",
  "block",
  "transfer",
  "rejection",
  "cancellation",
  "personal data",
  "call",
  "chat",
  "waiting time",
  "incorrect",
  "double charge",
  "receipt",
  "chargeback",
  "late fee",
  "overdraft",
  "verification",
];

/**
 * Tops the complaints table up to `target` rows with generated complaints spread over 2016–2019,
 * using the reference data already in the database (markets, products, categories, users).
 * Runs in chunks of one INSERT … SELECT each, so a million rows take a minute or two.
 */
export async function generateComplaints(db: Db, target: number, log: (m: string) => void): Promise<number> {
  const [{ n }] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from complaints`));
  let have = n;
  const chunk = 100_000;
  while (have < target) {
    const size = Math.min(chunk, target - have);
    const started = Date.now();
    await db.execute(sql`
      with refs as (
        select
          (select array_agg(code) from markets) as markets,
          (select array_agg(id) from products) as products,
          (select array_agg(id) from categories where parent_id is not null) as categories,
          (select array_agg(id) from users where role = 'reviewer') as reviewers,
          array[${sql.raw(WORDS_SV.map((w) => `'${w}'`).join(","))}] as sv,
          array[${sql.raw(WORDS_EN.map((w) => `'${w}'`).join(","))}] as en
      ), gen as (
        -- One random number per column, so filters on two columns are independent as in real data
        -- (one shared number tied status to market: no Swedish complaint was ever in analysis).
        select g, random() as r1, random() as r2, random() as r3, random() as r4, random() as r5, random() as r6,
          random() as r7, random() as r8, random() as r9, random() as r10, random() as r11, refs.*
        from generate_series(1, ${size}::int) g, refs
      )
      insert into complaints (reference, source, external_id, received_on, market, channel, product_id, category_id,
        journey_stage, summary, narrative, customer_ref, app_user, severity, status, assignee_id, created_at, updated_at)
      select
        'C-B-' || lpad(nextval('complaint_reference_seq')::text, 9, '0'),
        'bench',
        'BENCH-' || ${have}::int + g,
        date '2016-01-01' + (r1 * 1460)::int,
        markets[1 + floor(r2 * array_length(markets, 1))::int],
        (case when r3 < 0.9 then 'customer_service' when r3 < 0.95 then 'consumer_agency' else 'disputes_board' end)::channel,
        products[1 + floor(r4 * array_length(products, 1))::int],
        categories[1 + floor(r5 * array_length(categories, 1))::int],
        (array['before_purchase','during_purchase','after_purchase'])[1 + floor(r6 * 3)::int]::journey_stage,
        left(sv[1 + (g * 7 + ${have}::int) % ${WORDS_SV.length}] || ' ' || en[1 + (g * 13 + 5) % ${WORDS_EN.length}] || ' complaint ' || g, 200),
        'Kunden skriver att ' || sv[1 + (g * 31 + 3) % ${WORDS_SV.length}] || 'et inte stämde. The customer says the ' ||
          en[1 + (g * 17 + 11) % ${WORDS_EN.length}] || 's were wrong.',
        'CUST-' || lpad(((r7 * 900000)::int + 100000)::text, 6, '0'),
        case when r8 < 0.4 then true when r8 < 0.8 then false else null end,
        (array['low','medium','high','critical'])[1 + floor(r9 * 4)::int]::severity,
        (array['new','triaged','in_analysis','analysed','closed'])[1 + floor(r10 * 5)::int]::complaint_status,
        reviewers[1 + floor(r11 * array_length(reviewers, 1))::int],
        -- Logged on the day received and last touched some days later, as the list's updatedAt sort expects.
        (date '2016-01-01' + (r1 * 1460)::int)::timestamptz,
        (date '2016-01-01' + (r1 * 1460)::int)::timestamptz + (r7 * interval '60 days')
      from gen`);
    have += size;
    log(`  ${have.toLocaleString("en")} complaints (${Math.round(size / ((Date.now() - started) / 1000))} rows/s)`);
  }
  // A third of the generated complaints carry a primary root cause, as analysed complaints do.
  // Chosen by a hash of the id, so re-running tags nothing twice.
  await db.execute(sql`
    insert into complaint_root_causes (complaint_id, root_cause_id, is_primary)
    select c.id, rc.ids[1 + (abs(hashtext(c.id::text)) / 3) % array_length(rc.ids, 1)], true
    from complaints c, (select array_agg(id) as ids from root_causes) rc
    where c.source = 'bench' and abs(hashtext(c.id::text)) % 3 = 0
      and not exists (select 1 from complaint_root_causes t where t.complaint_id = c.id)`);
  return have;
}
