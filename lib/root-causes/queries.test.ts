import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as MATRIX } from "@/app/api/v1/reports/root-causes/matrix/route";
import { GET } from "@/app/api/v1/reports/root-causes/route";
import { db } from "@/db";
import { rowsOf } from "@/db/rows";
import {
  complaintRootCauses,
  productAliases,
  products,
  remediationActions,
  remediationRootCauses,
  rootCauses,
} from "@/db/schema";
import { CLI_ACTOR } from "@/lib/auth/actor";
import type { Role } from "@/lib/domain/values";
import { type ComplaintSeed, ensureMarkets, insertComplaints, setVolume } from "@/lib/metric/fixtures.test-util";
import { exactly } from "@/lib/must";
import { createUser, issueToken } from "@/lib/users/service";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import type { RootCauseMatrix } from "./matrix";
import { getRootCauseReport } from "./queries";
import type { RootCauseReport } from "./report";

let database: TestDatabase;
const tokens = {} as Record<Role, string>;
let productId: string;
let otherProductId: string;
let missedDueDate: string;
let productName: string;
let unclearName: string;

/** Complaints tagged with causes in order (the first is primary), as the app tags them. */
async function tagged(seed: ComplaintSeed, causes: string[], count = 1) {
  const ids = await insertComplaints(Array.from({ length: count }, () => seed));
  if (causes.length) {
    await db
      .insert(complaintRootCauses)
      .values(
        ids.flatMap((complaintId) => causes.map((rootCauseId, i) => ({ complaintId, rootCauseId, primary: i === 0 }))),
      );
  }
}

beforeAll(async () => {
  database = await useTestDatabase();
  await ensureMarkets("SE", "NO");
  for (const role of ["admin", "reviewer", "product_manager", "leadership"] as const) {
    tokens[role] = await db.transaction(async (tx) => {
      const user = await createUser(tx, CLI_ACTOR, { email: `${role}-${randomUUID()}@bank.example`, name: role, role });
      return (await issueToken(tx, CLI_ACTOR, { userId: user.id, name: "test" })).token;
    });
  }
  productName = `Delbetalning ${randomUUID()}`;
  [{ id: productId }, { id: otherProductId }] = exactly(
    await db
      .insert(products)
      .values([{ name: productName }, { name: `Other ${randomUUID()}` }])
      .returning(),
    2,
    "products",
  );
  await db.insert(productAliases).values({ productId, alias: `Konto ${productId}` });
  [{ id: missedDueDate }, { id: unclearName }] = exactly(
    await db
      .insert(rootCauses)
      .values([{ name: `Missed due date ${randomUUID()}` }, { name: `Unclear product name ${randomUUID()}` }])
      .returning(),
    2,
    "root causes",
  );
  const [action] = await db
    .insert(remediationActions)
    .values({ title: "Automatic invoice payment", market: "SE" })
    .returning();
  await db.insert(remediationRootCauses).values({ actionId: action!.id, rootCauseId: missedDueDate });

  // SE: 1,000,000 purchases a month from 2018-10 to 2019-02; March has complaints but no volume.
  for (const month of ["2018-10", "2018-11", "2018-12", "2019-01", "2019-02"]) await setVolume("SE", month, 1_000_000);
  await setVolume("SE", "2019-01", 100_000, productId);
  // Q1 2019 in SE: 12 due-date complaints (2 of them also unclear name), 6 unclear-name ones, 10 untagged.
  await tagged({ receivedOn: "2019-01-10", productId, journeyStage: "after_purchase" }, [missedDueDate], 8);
  await tagged(
    {
      receivedOn: "2019-02-10",
      productId: otherProductId,
      channel: "consumer_agency",
      journeyStage: "during_purchase",
    },
    [missedDueDate, unclearName],
    2,
  );
  await tagged({ receivedOn: "2019-03-05" }, [missedDueDate], 2);
  await tagged({ receivedOn: "2019-01-20", productId, journeyStage: "before_purchase" }, [unclearName], 6);
  await tagged({ receivedOn: "2019-02-01" }, [], 10);
  // Left out: an excluded duplicate, another market.
  await tagged({ receivedOn: "2019-01-11", excludedReason: "duplicate" }, [missedDueDate]);
  await tagged({ receivedOn: "2019-01-11", market: "NO" }, [missedDueDate], 3);
  // Q4 2018 (the previous period): 24 due-date complaints.
  await tagged({ receivedOn: "2018-11-15" }, [missedDueDate], 24);
});

afterAll(async () => {
  await database.drop();
});

const causeRow = (report: RootCauseReport, id: string) => report.rootCauses.find((r) => r.id === id)!;

describe("getRootCauseReport", () => {
  it("counts the scope's tagged complaints per cause, per million purchases, against the period before", async () => {
    const report = await getRootCauseReport({ market: "SE", from: "2019-01", to: "2019-03" }, "reviewer");
    expect(report).toMatchObject({
      market: "SE",
      from: "2019-01",
      to: "2019-03",
      previous: { from: "2018-10", to: "2018-12" },
      denominator: "market",
      purchases: 2_000_000,
      complaints: 28,
      tagged: 18,
      suppressesSmallCells: false,
    });
    expect(report.coverage).toBeCloseTo(18 / 28);
    const due = causeRow(report, missedDueDate);
    // 12 tagged, 10 of them in the months with a volume (March has none): 5 per million, against 24 on 3,000,000.
    expect(due).toMatchObject({
      complaints: 12,
      primary: 12,
      previous: { complaints: 24, perMillion: 8 },
      actions: 1,
      suppressed: false,
    });
    expect(due.perMillion).toBeCloseTo(5);
    expect(due.changeInRate).toBeCloseTo(5 / 8 - 1);
    expect(due.share).toBeCloseTo(12 / 18);
    // Each month per million purchases of that month too; March has no volume: a gap, not a zero.
    expect(due.months).toEqual([
      { month: "2019-01", complaints: 8, perMillion: 8 },
      { month: "2019-02", complaints: 2, perMillion: 2 },
      { month: "2019-03", complaints: 2, perMillion: null },
    ]);
    expect(causeRow(report, unclearName)).toMatchObject({ complaints: 8, primary: 6, actions: 0 });
    expect(report.rootCauses[0]?.id).toBe(missedDueDate);
    // The top causes (12 and 8 of 20 tags: both needed for 80 %); only the due date has an action, not shipped.
    expect(report.actionRate).toMatchObject({ causes: 2, withAction: 1, withShipped: 0, share: 0.5 });
    expect(report.actionRate.uncovered.map((c) => c.id)).toEqual([unclearName]);
  });

  it("filters by channel and by product (id, name or old name), rating a product per million of its own purchases", async () => {
    const byChannel = await getRootCauseReport(
      { market: "SE", from: "2019-01", to: "2019-03", channel: "consumer_agency" },
      "reviewer",
    );
    expect(byChannel.complaints).toBe(2);
    expect(byChannel.rootCauses.map((r) => [r.id, r.complaints, r.primary])).toEqual([
      [missedDueDate, 2, 2],
      [unclearName, 2, 0],
    ]);

    for (const product of [productId, productName.toUpperCase(), `Konto ${productId}`]) {
      const report = await getRootCauseReport(
        { market: "SE", from: "2019-01", to: "2019-03", product },
        "product_manager",
      );
      expect(report.product).toEqual({ id: productId, name: productName });
      expect(report).toMatchObject({ denominator: "product", purchases: 100_000, complaints: 14, tagged: 14 });
      expect(causeRow(report, missedDueDate).perMillion).toBeCloseTo(80);
    }
  });

  it("filters by journey stage, counts and coverage of that stage only", async () => {
    const after = await getRootCauseReport(
      { market: "SE", from: "2019-01", to: "2019-03", journeyStage: "after_purchase" },
      "product_manager",
    );
    expect(after).toMatchObject({ journeyStage: "after_purchase", complaints: 8, tagged: 8, coverage: 1 });
    expect(after.rootCauses.map((r) => [r.id, r.complaints])).toEqual([[missedDueDate, 8]]);
    // The rate stays per million of the market's purchases: the stage narrows the complaints, not the purchases.
    expect(causeRow(after, missedDueDate).perMillion).toBeCloseTo(4);
    const during = await getRootCauseReport(
      { market: "SE", from: "2019-01", to: "2019-03", journeyStage: "during_purchase" },
      "product_manager",
    );
    expect(during.rootCauses.map((r) => [r.id, r.complaints, r.primary])).toEqual([
      [missedDueDate, 2, 2],
      [unclearName, 2, 0],
    ]);
    // A stage no complaint of the previous period had: nothing to compare against.
    expect(causeRow(during, missedDueDate).previous.complaints).toBe(0);
  });

  it("answers for all markets, summing numerators and denominators", async () => {
    const report = await getRootCauseReport({ from: "2019-01", to: "2019-03" }, "admin");
    expect(report.market).toBeNull();
    expect(causeRow(report, missedDueDate).complaints).toBe(15);
    // NO has no volume, so its 3 complaints are listed but not in the rate, nor in January's.
    expect(causeRow(report, missedDueDate).perMillion).toBeCloseTo(5);
    expect(causeRow(report, missedDueDate).months[0]).toEqual({ month: "2019-01", complaints: 11, perMillion: 8 });
  });

  it("withholds small cells from leadership", async () => {
    const report = await getRootCauseReport(
      { market: "SE", from: "2019-01", to: "2019-03", channel: "consumer_agency" },
      "leadership",
    );
    expect(report.suppressesSmallCells).toBe(true);
    expect(report.complaints).toBeNull();
    expect(report.rootCauses.every((r) => r.suppressed && r.complaints === null && r.perMillion === null)).toBe(true);
    const wide = await getRootCauseReport({ market: "SE", from: "2019-01", to: "2019-03" }, "leadership");
    expect(causeRow(wide, missedDueDate)).toMatchObject({ complaints: 12, suppressed: false });
    // A withheld month's rate is withheld with it (it would give the count back).
    expect(causeRow(wide, missedDueDate).months[1]).toEqual({ month: "2019-02", complaints: null, perMillion: null });
  });
});

const get = (query: string, token: string | null = tokens.product_manager) =>
  GET(
    new NextRequest(`http://localhost/api/v1/reports/root-causes${query}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    }),
    {
      params: Promise.resolve({}),
    },
  );

const matrix = (query: string, token: string | null = tokens.product_manager, language = "en") =>
  MATRIX(
    new NextRequest(`http://localhost/api/v1/reports/root-causes/matrix${query}`, {
      headers: { "accept-language": language, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    }),
    { params: Promise.resolve({}) },
  );

describe("GET /api/v1/reports/root-causes", () => {
  it("answers the report for every role that reads reports", async () => {
    for (const role of ["admin", "reviewer", "product_manager", "leadership"] as const) {
      const response = await get("?market=SE&from=2019-01&to=2019-03", tokens[role]);
      expect(response.status).toBe(200);
      const body = (await response.json()) as RootCauseReport;
      expect(causeRow(body, missedDueDate).complaints).toBe(12);
    }
  });

  it("defaults the period to the year of the latest month with a volume", async () => {
    const body = (await (await get("?market=SE")).json()) as RootCauseReport;
    expect(body).toMatchObject({ from: "2019-01", to: "2019-02", previous: { from: "2018-11", to: "2018-12" } });
  });

  it("names the field of invalid input, and refuses callers without a token", async () => {
    const invalid = await get("?market=SE&channel=fax&from=2019-13");
    expect(invalid.status).toBe(400);
    const { error } = (await invalid.json()) as { error: { code: string; details: { path: string }[] } };
    expect(error.code).toBe("invalid");
    expect(error.details.map((d) => d.path).sort()).toEqual(["channel", "from"]);

    const unknown = await get("?market=SE&product=No%20such%20product");
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { details: { path: string }[] } }).error.details[0]!.path).toBe(
      "product",
    );

    const stage = await get("?market=SE&journeyStage=sideways");
    expect(stage.status).toBe(400);
    expect(((await stage.json()) as { error: { details: { path: string }[] } }).error.details[0]?.path).toBe(
      "journeyStage",
    );
    const filtered = (await (
      await get("?market=SE&from=2019-01&to=2019-03&journeyStage=before_purchase")
    ).json()) as RootCauseReport;
    expect(filtered.rootCauses.map((r) => [r.id, r.complaints])).toEqual([[unclearName, 6]]);

    expect((await get("?market=XX")).status).toBe(404);
    expect((await get("?market=SE", null)).status).toBe(401);
  });

  it("answers cause × product and cause × journey stage, each row adding up to the report's count", async () => {
    const report = (await (await get("?market=SE&from=2019-01&to=2019-03")).json()) as RootCauseReport;
    for (const by of ["product", "journey_stage"]) {
      const response = await matrix(`?market=SE&from=2019-01&to=2019-03&by=${by}`);
      expect(response.status).toBe(200);
      const body = (await response.json()) as RootCauseMatrix;
      expect(body).toMatchObject({ by, from: "2019-01", to: "2019-03", market: "SE" });
      for (const row of body.rows) {
        expect(row.total).toBe(causeRow(report, row.id).complaints);
        expect(row.cells.reduce((sum, c) => sum + (c.complaints ?? 0), 0)).toBe(row.total);
      }
    }
    const csv = await matrix("?market=SE&from=2019-01&to=2019-03&by=product&format=csv");
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect((await csv.text()).split("\n")[0]).toMatch(/^root_cause_id,root_cause,total,/);
    const stage = (await (
      await matrix("?market=SE&from=2019-01&to=2019-03&by=journey_stage&journeyStage=before_purchase")
    ).json()) as RootCauseMatrix;
    expect(stage.rows.map((r) => [r.id, r.total])).toEqual([[unclearName, 6]]);
    const bad = await matrix("?market=SE&by=colour");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { details: { path: string }[] } }).error.details[0]!.path).toBe("by");
  });

  it("names journey stages in the caller's language, the CSV's own headers staying canonical", async () => {
    const query = "?market=SE&from=2019-01&to=2019-03&by=journey_stage";
    const names = async (language: string) =>
      ((await (await matrix(query, tokens.product_manager, language)).json()) as RootCauseMatrix).columns.map(
        (c) => c.name,
      );
    expect(await names("sv")).toContain("Före köpet");
    expect(await names("en")).toContain("Before purchase");
    const csv = await (await matrix(`${query}&format=csv`, tokens.product_manager, "sv")).text();
    expect(csv.split("\n")[0]).toMatch(/^root_cause_id,root_cause,total,.*Före köpet/);
  });

  it("answers the cause table as CSV with format=csv, the cumulative share beside each cause", async () => {
    const json = (await (await get("?market=SE&from=2019-01&to=2019-03")).json()) as RootCauseReport;
    expect(json.rootCauses.at(-1)?.cumulativeShare).toBeCloseTo(1, 10);
    const response = await get("?market=SE&from=2019-01&to=2019-03&format=csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(response.headers.get("content-disposition")).toContain('filename="root-causes-SE-2019-01-2019-03.csv"');
    const [header, ...lines] = (await response.text()).trim().split("\n");
    expect(header!.split(",")).toContain("cumulative_share");
    expect(lines).toHaveLength(json.rootCauses.length);
    const first = json.rootCauses[0];
    expect(lines[0]!.split(",").slice(0, 3)).toEqual([first!.id, first!.name, String(first!.complaints)]);
    const bad = await get("?market=SE&format=xml");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { details: { path: string }[] } }).error.details[0]!.path).toBe("format");
  });
});

describe("the matrix read from the rollup", () => {
  it("counts each cell as the complaints themselves do, after complaints move between cells", async () => {
    const direct = async (by: "product_id" | "journey_stage") =>
      rowsOf<{ cause: string; column: string | null; n: number }>(
        await db.execute(sql`
          select t.root_cause_id::text as cause, c.${sql.raw(by)}::text as column, count(distinct c.id)::int as n
          from complaint_root_causes t join complaints c on c.id = t.complaint_id
          where c.excluded_reason is null and c.market = 'SE'
            and c.received_on >= '2019-01-01' and c.received_on < '2019-04-01'
          group by 1, 2`),
      )
        .map((r) => `${r.cause}|${r.column}|${r.n}`)
        .sort();
    const fromMatrix = async (by: "product" | "journey_stage") => {
      const body = (await (await matrix(`?market=SE&from=2019-01&to=2019-03&by=${by}`)).json()) as RootCauseMatrix;
      return body.rows
        .flatMap((row) => row.cells.filter((c) => c.complaints).map((c) => `${row.id}|${c.column}|${c.complaints}`))
        .sort();
    };
    // Move tagged complaints: one to another stage and product, one out of the count, one out of the period.
    const moved = rowsOf<{ id: string }>(
      await db.execute(sql`
        select c.id::text as id from complaints c join complaint_root_causes t on t.complaint_id = c.id
        where c.market = 'SE' and c.received_on >= '2019-01-01' and c.received_on < '2019-04-01'
        order by c.id limit 3`),
    ).map((r) => r.id);
    expect(moved).toHaveLength(3);
    await db.execute(
      sql`update complaints set journey_stage = 'after_purchase', product_id = ${otherProductId}::uuid where id = ${moved[0]}::uuid`,
    );
    await db.execute(sql`update complaints set excluded_reason = 'duplicate' where id = ${moved[1]}::uuid`);
    await db.execute(sql`update complaints set received_on = '2018-06-01' where id = ${moved[2]}::uuid`);

    expect(await fromMatrix("product")).toEqual(await direct("product_id"));
    expect(await fromMatrix("journey_stage")).toEqual(await direct("journey_stage"));
    expect((await fromMatrix("product")).length).toBeGreaterThan(1);
  });
});
