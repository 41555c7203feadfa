import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDatabase } from "@/db";
import { deadlineNoticesQuery } from "@/lib/notifications/queries";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { parseComplaintFilters } from "./filters";
import { listQuery } from "./list-query";
import { createFixtures, type Fixtures } from "./test-fixtures";

// Plans only mean something on real PostgreSQL with realistic row counts and statistics.
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const ROWS = 50_000;

let testDb: TestDatabase;
let f: Fixtures;

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] };

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

async function planOf(query: string): Promise<PlanNode[]> {
  return planOfSql(
    listQuery(getDatabase().db, parseComplaintFilters(new URLSearchParams(query)), "2019-12-31").toSQL(),
  );
}

async function planOfSql({ sql: text, params }: { sql: string; params: unknown[] }): Promise<PlanNode[]> {
  const client = getDatabase().sql!;
  const [row] = await client.unsafe(`explain (format json) ${text}`, params as never[]);
  return nodes((row!["QUERY PLAN"] as { Plan: PlanNode }[])[0]!.Plan);
}

describe.skipIf(!onPostgres)("list queries use indexes on PostgreSQL", () => {
  beforeAll(async () => {
    testDb = await useTestDatabase();
    f = await createFixtures();
    const client = getDatabase().sql!;
    const { reviewer, reviewer2 } = f.users;
    await client.unsafe(
      `insert into complaints (reference, external_id, received_on, market, channel, product_id, category_id, summary, narrative, customer_ref, severity, status, assignee_id, journey_stage, app_user, excluded_reason)
       select 'C-X-' || g, 'gen-' || g, date '2018-01-01' + (g % 730),
              case when g % 14 = 0 then 'NO' else 'SE' end,
              (array['customer_service','customer_service','customer_service','consumer_agency','disputes_board','financial_supervisor'])[1 + g % 6]::channel,
              case when g % 3 = 0 then $1::uuid when g % 3 = 1 then $2::uuid end,
              case when g % 4 = 0 then $3::uuid when g % 4 = 1 then $4::uuid end,
              (array['Förfallodatumet var otydligt','Refund never arrived','Kundtjänst svarade inte','Payment not registered','Klarna konto oklart'])[1 + g % 5] || ' ' || g,
              'Narrative number ' || g, 'CUST-' || (g % 9000),
              (array['low','medium','high','critical'])[1 + g % 4]::severity,
              (array['new','triaged','in_analysis','analysed','closed','closed','closed','closed','closed','closed'])[1 + g % 10]::complaint_status,
              case when g % 5 = 0 then $5::uuid when g % 5 = 1 then $6::uuid end,
              (array['before_purchase','during_purchase','after_purchase'])[1 + g % 3]::journey_stage,
              case when g % 3 = 0 then null else g % 2 = 0 end,
              case when g % 50 = 0 then 'duplicate'::excluded_reason end
       from generate_series(1, ${ROWS}) g`,
      [
        f.products.account.id,
        f.products.invoice.id,
        f.categories.missedDue.id,
        f.categories.refunds.id,
        reviewer.id,
        reviewer2.id,
      ],
    );
    await client.unsafe(
      `insert into complaint_root_causes (complaint_id, root_cause_id, is_primary)
       select id, $1::uuid, true from complaints where external_id like 'gen-%' and right(external_id, 2) = '07'`,
      [f.rootCauses.slowRefund.id],
    );
    await client.unsafe("vacuum analyze complaints");
    await client.unsafe("vacuum analyze complaint_root_causes");
  }, 180_000);

  afterAll(async () => {
    await testDb?.drop();
  });

  it.each([
    ["the default page", ""],
    ["a journey stage", "journey_stage=after_purchase"],
    ["a severity", "severity=critical"],
    ["app users", "app_user=yes"],
    ["excluded complaints", "excluded=yes"],
    ["a status filter sorted by date", "status=new&sort=receivedOn.desc"],
    ["a market and channel filter", "market=NO&channel=disputes_board"],
    ["an assignee's open complaints", `status=new,triaged,in_analysis&assignee=${"$reviewer"}`],
    ["a product's complaints sorted by reference", `product=${"$product"}&sort=reference.asc`],
    ["a date range", "received_from=2019-03-01&received_to=2019-03-31"],
    ["a root cause", `root_cause=${"$rootCause"}`],
    ["full-text search", "q=förfallodatum"],
    ["full-text search with a filter", "q=refunds&market=SE&status=new"],
    ["the overdue queue", "overdue=true&status=new"],
    ["severity and status sorted by severity", "severity=critical&status=triaged&sort=severity.desc"],
  ])("%s: no sequential scan of complaints", async (_label, template) => {
    const query = template
      .replace("$reviewer", f.users.reviewer.id)
      .replace("$product", f.products.invoice.id)
      .replace("$rootCause", f.rootCauses.slowRefund.id);
    const plan = await planOf(query);
    const seqScans = plan.filter((n) => n["Node Type"] === "Seq Scan" && n["Relation Name"] === "complaints");
    if (process.env.SHOW_PLANS)
      console.log(_label, JSON.stringify(plan.map((n) => [n["Node Type"], n["Relation Name"], n["Index Name"]])));
    expect(seqScans, JSON.stringify(plan.map((n) => [n["Node Type"], n["Relation Name"], n["Index Name"]]))).toEqual(
      [],
    );
  });

  it("the deadline badge on every page reads only the reviewer's open complaints", async () => {
    const plan = await planOfSql(deadlineNoticesQuery(f.users.reviewer.id, "2019-12-31").toSQL());
    const used = plan.map((n) => [n["Node Type"], n["Relation Name"], n["Index Name"]]);
    expect(
      plan.filter((n) => n["Relation Name"] === "complaints").map((n) => n["Index Name"]),
      JSON.stringify(used),
    ).toEqual(["complaints_open_assignee_idx"]);
  });
});
