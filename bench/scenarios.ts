import type postgres from "postgres";
import type { DbHandle } from "@/db/client";
import { getComplaintDetail } from "@/lib/complaints/detail-query";
import { parseComplaintFilters } from "@/lib/complaints/filters";
import { listComplaints } from "@/lib/complaints/list-query";
import { getDashboardData } from "@/lib/metric/dashboard";
import { getRootCauseReport } from "@/lib/root-causes/queries";
import type { RootCauseReportQuery } from "@/lib/root-causes/validations";

export type Scenario = {
  name: string;
  /** The p95 target in milliseconds (DESIGN.md, Targets). */
  p95: number;
  run: (i: number) => Promise<void>;
  /** The bare SQL the scenario stands on, for the ratio. */
  bare: (i: number) => Promise<void>;
};

const LIST_FILTERS = [
  "status=in_analysis&market=SE&sort=receivedOn.desc&page=3",
  "market=NO&severity=high&sort=receivedOn.desc",
  "channel=consumer_agency&received_from=2018-01-01&received_to=2018-12-31&sort=receivedOn.asc&page=2",
  "status=new,triaged&sort=updatedAt.desc",
];

// The list scenarios' filters as plain SQL: where, order by, offset.
const BARE_LISTS: [string, string, number][] = [
  ["status = 'in_analysis' and market = 'SE'", "received_on desc nulls last, id", 50],
  ["market = 'NO' and severity = 'high'", "received_on desc nulls last, id", 0],
  [
    "channel = 'consumer_agency' and received_on between '2018-01-01' and '2018-12-31'",
    "received_on nulls first, id desc",
    25,
  ],
  ["status in ('new', 'triaged')", "updated_at desc nulls last, id", 0],
];

/** The planner's estimate of the complaints matching `where`. */
async function bareEstimate(sql: postgres.Sql, where: string): Promise<number> {
  const [plan] = await sql.unsafe(`explain (format json) select 1 from complaints where ${where}`);
  return (plan["QUERY PLAN"] as { Plan: { "Plan Rows": number } }[])[0].Plan["Plan Rows"];
}

/** The planner's estimate, then (unless it is far past 10,000) a count that stops after 10,001 rows. */
async function bareTotal(sql: postgres.Sql, where: string): Promise<number> {
  const estimate = await bareEstimate(sql, where);
  if (estimate >= 50_000) return estimate;
  const [counted] = await sql.unsafe(
    `select count(*)::int as n from (select 1 from complaints where ${where} limit 10001) s`,
  );
  return counted.n;
}

/** A page of ids and the total side by side, as the list runs them. */
async function barePageAndTotal(sql: postgres.Sql, where: string, order: string, offset: number) {
  await Promise.all([
    sql.unsafe(`select id from complaints where ${where} order by ${order} limit 25 offset ${offset}`),
    bareTotal(sql, where),
  ]);
}

/** The read scenarios; ids for the complaint page are sampled once. */
export async function readScenarios(handle: DbHandle): Promise<Scenario[]> {
  const sql = handle.sql!;
  const db = handle.db;
  const ids = (await sql<{ id: string }[]>`select id from complaints tablesample system (1) limit 2000`).map(
    (r) => r.id,
  );
  const filters = LIST_FILTERS.map((f) => parseComplaintFilters(new URLSearchParams(f)));
  const searches = ["förfallodatum", "refund", "påminnelse", "invoice payment"].map((q) =>
    parseComplaintFilters(new URLSearchParams({ q })),
  );

  const productIds = (await sql<{ id: string }[]>`select id::text from products order by name limit 2`).map(
    (r) => r.id,
  );
  // A product manager's usual questions: a year or two, one market or all, their product, a channel.
  const reports: RootCauseReportQuery[] = [
    { market: "SE", from: "2019-01", to: "2019-12" },
    { from: "2018-01", to: "2019-12" },
    { market: "SE", from: "2019-01", to: "2019-06", product: productIds[0] },
    { from: "2019-01", to: "2019-12", channel: "consumer_agency", product: productIds[1] },
  ];

  return [
    {
      name: "complaint list",
      p95: 150,
      run: async (i) => void (await listComplaints(db, filters[i % filters.length])),
      // The same page ids and bounded count side by side, without joins to names or deadline columns.
      bare: async (i) => {
        const [where, order, offset] = BARE_LISTS[i % BARE_LISTS.length];
        await barePageAndTotal(sql, where, order, offset);
      },
    },
    {
      name: "full-text search",
      p95: 300,
      run: async (i) => void (await listComplaints(db, searches[i % searches.length])),
      bare: async (i) => {
        const words = (searches[i % searches.length].q ?? "").split(/\s+/);
        const match = words
          .map((w) => [`to_tsquery('english', '${w}:*')`, `to_tsquery('swedish', '${w}:*')`])
          .map(([en, sv]) => `(case when ${en}::text = ${sv}::text then ${en} else ${en} || ${sv} end)`)
          .join(" && ");
        // As the list does for a search: a match set the planner expects to be small is read once
        // (at most 10,001 rows), counted and sorted for the page; a large one is found walking the dates.
        const where = `search @@ (${match})`;
        if ((await bareEstimate(sql, where)) < (words.length === 1 ? 20_000 : 50_000)) {
          const [few] = await sql.unsafe(
            `with matches as materialized (select id from complaints where ${where} limit 10001)
             select (select count(*) from matches)::int as total,
               array(select id from complaints where id in (select id from matches)
                 order by (received_on + 0) desc nulls last, id limit 25) as ids`,
          );
          if (few.total <= 10_000) return;
        }
        await sql.unsafe(`select id from complaints where ${where} order by received_on desc nulls last, id limit 25`);
      },
    },
    {
      name: "complaint page",
      p95: 100,
      run: async (i) => void (await getComplaintDetail(db, ids[i % ids.length], { withHistory: true })),
      bare: async (i) => void (await sql`select * from complaints where id = ${ids[i % ids.length]}`),
    },
    {
      name: "dashboard data",
      p95: 100,
      run: async (i) => void (await getDashboardData({ market: i % 2 ? "SE" : null, role: "leadership" })),
      bare: async (i) => {
        const market = i % 2 ? "SE" : null;
        await sql`select month, sum(count)::int from complaint_month_counts
          where not excluded and (${market}::text is null or market = ${market}) group by month order by month`;
      },
    },
    {
      name: "root-cause report",
      p95: 300,
      run: async (i) => void (await getRootCauseReport(reports[i % reports.length], "product_manager")),
      bare: async (i) => {
        const q = reports[i % reports.length];
        await sql`select root_cause_id, market, month, sum(count)::int from root_cause_month_counts
          where not excluded and month between ${q.from!} and ${q.to!} and (${q.market ?? null}::text is null or market = ${q.market ?? null})
            and (${q.product ?? null}::uuid is null or product_id = ${q.product ?? null}::uuid)
            and (${q.channel ?? null}::channel is null or channel = ${q.channel ?? null}::channel)
          group by 1, 2, 3`;
      },
    },
  ];
}
