import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/rows";
import {
  auditLog,
  authorities,
  complaints,
  markets,
  productAliases,
  products,
  purchaseVolumes,
  remediationActions,
  statusTransitions,
  users,
} from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { planComplaints } from "./complaints-plan";
import { shiftMonth } from "./dates";
import { DEMO_PASSWORD, seedDemoData } from "./index";
import { luhnCheckDigit } from "./personal-data";
import { createRng } from "./random";
import { planVolumes } from "./volumes";

// A start in mid-year, so the 24 demo months straddle three calendar years and nothing lines up by luck.
const NOW = new Date("2026-07-15T09:30:00Z");
/** The demo's months: the 24 before NOW's month, oldest first. */
const MONTHS = Array.from({ length: 24 }, (_, i) => shiftMonth("2026-07", i - 24));
const FIRST_YEAR = MONTHS.slice(0, 12);
const SECOND_YEAR = MONTHS.slice(12);

let database: TestDatabase;
let firstRun: { seeded: boolean; summary: Record<string, number> };
let seedMs = 0;

async function query<T>(text: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await database.db.execute(text));
}

/** Complaints per million purchases over twelve demo months. */
async function figure(market: string, months: string[]): Promise<number> {
  const [row] = await query<{ complaints: number; purchases: number }>(sql`
    select
      (select count(*)::int from complaints
        where market = ${market} and excluded_reason is null
          and to_char(received_on, 'YYYY-MM') in ${sql.raw(`('${months.join("','")}')`)}) as complaints,
      (select sum(purchases)::float8 from purchase_volumes
        where market = ${market} and product_id is null
          and month in ${sql.raw(`('${months.join("','")}')`)}) as purchases`);
  return (row!.complaints / row!.purchases) * 1e6;
}

beforeAll(async () => {
  database = await useTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

describe("seedDemoData", () => {
  it("writes nothing when any part fails", async () => {
    // A complaint already holding one of the demo external ids makes the complaints step fail late.
    await database.db.insert(markets).values({ code: "SE", name: "Sverige" });
    await database.db.insert(complaints).values({
      reference: "C-2017-999999",
      externalId: "DEMO-000050",
      receivedOn: "2017-12-01",
      market: "SE",
      channel: "customer_service",
      summary: "Blocks the seed",
    });
    await expect(seedDemoData(database.db, { now: NOW })).rejects.toThrow();
    expect(await database.db.select().from(users)).toHaveLength(0);
    expect(await database.db.select().from(products)).toHaveLength(0);
    expect(await database.db.select().from(purchaseVolumes)).toHaveLength(0);
    await database.db.delete(complaints).where(eq(complaints.externalId, "DEMO-000050"));
  });

  it("seeds the demo data set quickly, reusing rows that already exist", async () => {
    const logged: string[] = [];
    const started = Date.now();
    firstRun = await seedDemoData(database.db, { now: NOW, log: (m) => logged.push(m) });
    seedMs = Date.now() - started;
    console.info(`demo seed on ${database.kind}: ${seedMs} ms`, firstRun.summary);
    expect(firstRun.seeded).toBe(true);
    expect(seedMs).toBeLessThan(60_000);
    expect(logged.some((m) => m.startsWith("complaints:"))).toBe(true);
    // The market the failed attempt left behind was kept, not duplicated.
    expect(firstRun.summary.markets).toBe(1);
    expect(await database.db.select().from(markets)).toHaveLength(2);
    expect(firstRun.summary.complaints).toBeGreaterThanOrEqual(5000);
    expect(firstRun.summary.complaints).toBeLessThanOrEqual(7000);
  });

  it("does nothing the second time", async () => {
    const before = await database.db.select({ n: count() }).from(complaints);
    const again = await seedDemoData(database.db, { now: NOW });
    expect(again).toEqual({ seeded: false, summary: {} });
    expect(await database.db.select({ n: count() }).from(complaints)).toEqual(before);
    expect(await database.db.select().from(users)).toHaveLength(5);
  });

  it("creates the five demo users, one per role and two reviewers, with the demo password", async () => {
    const rows = await database.db.select().from(users);
    const roles = rows.map((u) => u.role).sort();
    expect(roles).toEqual(["admin", "leadership", "product_manager", "reviewer", "reviewer"]);
    expect(rows.every((u) => u.active)).toBe(true);
    const admin = rows.find((u) => u.email === "admin@demo.example")!;
    expect(admin.name).toBe("Alva Admin");
    expect(admin.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(admin.passwordHash, DEMO_PASSWORD)).toBe(true);
  });

  it("creates two markets with the four authority channels each", async () => {
    const rows = await database.db.select().from(authorities);
    expect(rows).toHaveLength(8);
    for (const market of ["SE", "NO"]) {
      const channels = rows
        .filter((a) => a.market === market)
        .map((a) => a.channel)
        .sort();
      expect(channels).toEqual([
        "consumer_agency",
        "data_protection_authority",
        "disputes_board",
        "financial_supervisor",
      ]);
    }
    expect(rows.map((a) => a.shortName)).toContain("ARN");
  });

  it('resolves the old name "Klarna konto" to the renamed product', async () => {
    const [row] = await database.db
      .select({ name: products.name })
      .from(productAliases)
      .innerJoin(products, eq(products.id, productAliases.productId))
      .where(sql`lower(${productAliases.alias}) = lower(${"Klarna konto"})`);
    expect(row?.name).toBe("Klarna delbetalningskonto");
    const [invoice] = await database.db.select().from(products).where(eq(products.name, "Faktura"));
    expect(invoice!.paymentService).toBe(true);
  });

  it("points every complaint at rows that exist and agree with it", async () => {
    const [broken] = await query<{ n: number }>(sql`
      select count(*)::int as n from complaints c
      left join markets m on m.code = c.market
      left join authorities a on a.id = c.authority_id
      left join products p on p.id = c.product_id
      left join categories cat on cat.id = c.category_id
      left join users u on u.id = c.assignee_id
      left join complaints d on d.id = c.duplicate_of_id
      left join complaint_families f on f.id = c.family_id
      where m.code is null
        or (c.channel <> 'customer_service' and (a.id is null or a.market <> c.market or a.channel <> c.channel))
        or (c.product_id is not null and p.id is null)
        or (c.category_id is not null and (cat.id is null or cat.parent_id is null))
        or (c.assignee_id is not null and u.role <> 'reviewer')
        or (c.duplicate_of_id is not null and (d.id is null or d.excluded_reason is not null))
        or (c.family_id is not null and f.id is null)`);
    expect(broken!.n).toBe(0);
    const [unassignedWork] = await query<{ n: number }>(
      sql`select count(*)::int as n from complaints where status <> 'new' and assignee_id is null`,
    );
    expect(unassignedWork!.n).toBe(0);
  });

  it("records a status trail that starts at new and ends at the complaint's status", async () => {
    const [mismatch] = await query<{ n: number }>(sql`
      select count(*)::int as n from complaints c
      where (select t.to_status from status_transitions t where t.complaint_id = c.id order by t.at desc limit 1) is distinct from c.status
         or (select t.to_status from status_transitions t where t.complaint_id = c.id order by t.at limit 1) is distinct from 'new'`);
    expect(mismatch!.n).toBe(0);
    const statuses = await query<{ status: string }>(sql`select distinct status::text as status from complaints`);
    expect(statuses.map((s) => s.status).sort()).toEqual(["analysed", "closed", "in_analysis", "new", "triaged"]);
    expect((await database.db.select({ n: count() }).from(statusTransitions))[0]!.n).toBe(
      firstRun.summary.statusTransitions,
    );
  });

  it("obeys the analysis rules: analysed complaints name a root cause, verified actions rest on a check", async () => {
    const [untagged] = await query<{ n: number }>(sql`
      select count(*)::int as n from complaints c
      where c.status in ('analysed', 'closed') and c.excluded_reason is null
        and not exists (select 1 from complaint_root_causes t where t.complaint_id = c.id)`);
    expect(untagged!.n).toBe(0);
    const [unchecked] = await query<{ n: number }>(sql`
      select count(*)::int as n from remediation_actions a
      where a.status = 'verified' and not exists (
        select 1 from effectiveness_checks e
        where e.action_id = a.id and e.rate_ratio is not null and e.ci_low <= 1)`);
    expect(unchecked!.n).toBe(0);
  });

  it("puts the Swedish figure near 40 in its first year and lower in its second, and Norway near 25–30", async () => {
    const se2018 = await figure("SE", FIRST_YEAR);
    const se2019 = await figure("SE", SECOND_YEAR);
    expect(se2018).toBeGreaterThan(36);
    expect(se2018).toBeLessThan(44);
    expect(se2019).toBeLessThan(se2018);
    expect(se2019).toBeGreaterThan(32);
    const no2019 = await figure("NO", SECOND_YEAR);
    expect(no2019).toBeGreaterThan(24);
    expect(no2019).toBeLessThan(31);
  });

  it("covers the 24 months before the month it started in, and nothing happens after its start", async () => {
    const volumeMonths = await query<{ month: string }>(
      sql`select distinct month from purchase_volumes order by month`,
    );
    expect(volumeMonths.map((v) => v.month)).toEqual(MONTHS);
    const [range] = await query<{ first: string; last: string }>(sql`
      select to_char(min(received_on), 'YYYY-MM') as first, to_char(max(received_on), 'YYYY-MM') as last
      from complaints`);
    expect(range).toEqual({ first: MONTHS[0], last: MONTHS[23] });
    const [future] = await query<{ n: number }>(sql`
      select
        (select count(*)::int from complaints
          where created_at > ${NOW.toISOString()}::timestamptz or updated_at > ${NOW.toISOString()}::timestamptz
             or responded_at > ${NOW.toISOString()}::timestamptz or acknowledged_at > ${NOW.toISOString()}::timestamptz)
        + (select count(*)::int from status_transitions where at > ${NOW.toISOString()}::timestamptz)
        + (select count(*)::int from complaint_root_causes where tagged_at > ${NOW.toISOString()}::timestamptz)
        + (select count(*)::int from remediation_actions where created_at > ${NOW.toISOString()}::timestamptz)
        as n`);
    expect(future!.n).toBe(0);
    // The most recent complaints are still being worked on.
    const [open] = await query<{ n: number }>(sql`
      select count(*)::int as n from complaints
      where status <> 'closed' and received_on >= ${`${MONTHS[23]}-01`}::date`);
    expect(open!.n).toBeGreaterThan(20);
  });

  it("numbers complaints in the years of their dates", async () => {
    const [wrong] = await query<{ n: number }>(sql`
      select count(*)::int as n from complaints
      where reference not like 'C-' || extract(year from received_on)::int || '-%'`);
    expect(wrong!.n).toBe(0);
    const years = await query<{ year: string }>(
      sql`select distinct substr(reference, 3, 4) as year from complaints order by 1`,
    );
    expect(years.map((y) => y.year)).toEqual(["2024", "2025", "2026"]);
  });

  it("moves the remediation actions with the data: the rename ships ten months before the demo's end", async () => {
    const rows = await database.db.select().from(remediationActions);
    const shipped = rows.map((a) => a.shippedOn).filter((d) => d !== null);
    // On the bank's timeline the rename shipped 2019-03-01 and 24/7 service 2019-01-15 (the data ends 2019-12).
    expect(shipped.sort()).toEqual([`${MONTHS[12]}-15`, `${MONTHS[14]}-01`]);
    expect(rows.every((a) => a.createdAt <= NOW && (a.dueOn === null || a.dueOn >= `${MONTHS[9]}-01`))).toBe(true);
  });

  it("keeps per-product volumes within the market total", async () => {
    const [over] = await query<{ n: number }>(sql`
      select count(*)::int as n from (
        select v.market, v.month, sum(v.purchases) as products,
          (select t.purchases from purchase_volumes t where t.market = v.market and t.month = v.month and t.product_id is null) as total
        from purchase_volumes v where v.product_id is not null group by v.market, v.month
      ) s where s.total is null or s.products > s.total`);
    expect(over!.n).toBe(0);
  });

  it("families share a customer and end at the disputes board with its recommendation", async () => {
    const families = await query<{ customers: number; channels: string[] }>(sql`
      select count(distinct customer_ref)::int as customers, array_agg(channel::text order by received_on) as channels
      from complaints where family_id is not null group by family_id`);
    expect(families.length).toBeGreaterThan(10);
    expect(families.every((f) => f.customers === 1 && f.channels[0] === "customer_service")).toBe(true);
    const [arn] = await query<{ n: number }>(sql`
      select count(*)::int as n from complaints
      where family_id is not null and channel = 'disputes_board' and status = 'closed' and recommendation_followed is not null`);
    expect(arn!.n).toBeGreaterThan(0);
  });

  it("writes narratives with personal data for redaction to find, and a seed.demo audit entry", async () => {
    const rows = await query<{ narrative: string }>(
      sql`select narrative from complaints where market = 'SE' and narrative ~ '[0-9]{6}-[0-9]{4}'`,
    );
    const numbers = rows.flatMap((r) => r.narrative.match(/\b(?:\d{2})?(\d{6})-(\d{3})(\d)\b/g) ?? []);
    expect(numbers.length).toBeGreaterThan(10);
    for (const n of numbers) {
      const digits = n.replace("-", "").slice(-10);
      expect(luhnCheckDigit(digits.slice(0, 9))).toBe(Number(digits[9]));
    }
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.action, "seed.demo"));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorLabel).toBe("system");
    expect(audit[0]!.meta).toMatchObject({ summary: { complaints: firstRun.summary.complaints } });
  });
});

describe("demo data plan", () => {
  it("draws the same complaints every time, apart from ids", () => {
    const volumes = new Map(
      planVolumes()
        .filter((v) => !v.product)
        .map((v) => [`${v.market}:${v.month}`, v.purchases]),
    );
    const strip = ({
      id,
      duplicateOf,
      familyId,
      ...rest
    }: ReturnType<typeof planComplaints>["complaints"][number]) => ({
      ...rest,
      duplicate: duplicateOf !== null,
      family: familyId !== null,
    });
    const a = planComplaints(createRng("demo:complaints"), volumes).complaints.map(strip);
    const b = planComplaints(createRng("demo:complaints"), volumes).complaints.map(strip);
    expect(a).toEqual(b);
    expect(planVolumes()).toEqual(planVolumes());
  });

  it("draws the same monthly counts whatever month the demo starts in", () => {
    const volumes = new Map(
      planVolumes()
        .filter((v) => !v.product)
        .map((v) => [`${v.market}:${v.month}`, v.purchases]),
    );
    const perMonth = (offset: number) => {
      const counts = new Map<string, number>();
      for (const c of planComplaints(createRng("demo:complaints"), volumes, offset).complaints) {
        if (c.excludedReason) continue;
        const key = `${c.market}:${c.receivedOn.slice(0, 7)}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      return counts;
    };
    expect(perMonth(0)).toEqual(perMonth(78));
  });
});
