import type { DbHandle } from "@/db/client";
import { parseComplaintFilters } from "@/lib/complaints/filters";
import { getComplaintDetail } from "@/lib/complaints/detail-query";
import { listComplaints } from "@/lib/complaints/list-query";
import { getDashboardData } from "@/lib/metric/dashboard";

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

/** The read scenarios; ids for the complaint page are sampled once. */
export async function readScenarios(handle: DbHandle): Promise<Scenario[]> {
  const sql = handle.sql!;
  const db = handle.db;
  const ids = (await sql<{ id: string }[]>`select id from complaints tablesample system (1) limit 2000`).map((r) => r.id);
  const filters = LIST_FILTERS.map((f) => parseComplaintFilters(new URLSearchParams(f)));
  const searches = ["förfallodatum", "refund", "påminnelse", "invoice payment"].map((q) =>
    parseComplaintFilters(new URLSearchParams({ q })),
  );

  return [
    {
      name: "complaint list",
      p95: 150,
      run: async (i) => void (await listComplaints(db, filters[i % filters.length])),
      bare: async (i) => {
        const f = filters[i % filters.length];
        // The same page and total, without joins to names or deadline columns.
        if (i % filters.length === 0) {
          await sql`select id, count(*) over () from complaints where status = 'in_analysis' and market = 'SE' order by received_on desc, id desc limit 25 offset ${(f.page - 1) * 25}`;
        } else if (i % filters.length === 1) {
          await sql`select id, count(*) over () from complaints where market = 'NO' and severity = 'high' order by received_on desc, id desc limit 25`;
        } else if (i % filters.length === 2) {
          await sql`select id, count(*) over () from complaints where channel = 'consumer_agency' and received_on between '2018-01-01' and '2018-12-31' order by received_on, id limit 25 offset 25`;
        } else {
          await sql`select id, count(*) over () from complaints where status in ('new', 'triaged') order by updated_at desc, id desc limit 25`;
        }
      },
    },
    {
      name: "full-text search",
      p95: 300,
      run: async (i) => void (await listComplaints(db, searches[i % searches.length])),
      bare: async (i) => {
        const term = (searches[i % searches.length].q ?? "").split(/\s+/).map((w) => `${w}:*`).join(" & ");
        await sql`select id, count(*) over () from complaints
          where search @@ (to_tsquery('swedish', ${term}) || to_tsquery('english', ${term}))
          order by received_on desc, id desc limit 25`;
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
  ];
}
