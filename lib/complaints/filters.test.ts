import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { rowsOf } from "@/db/rows";
import { complaintRootCauses, complaints, deadlineRules } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { acknowledgeDueSql, respondDueSql } from "./deadline-sql";
import { complaintDueDates } from "./deadlines";
import { filtersToSearchParams, parseComplaintFilters } from "./filters";
import { complaintOrderBy, complaintWhere } from "./list-where";
import { createFixtures, type Fixtures, insertComplaints } from "./test-fixtures";

let testDb: TestDatabase;
let f: Fixtures;
const ids: Record<string, string> = {};

async function matching(query: string): Promise<string[]> {
  const filters = parseComplaintFilters(new URLSearchParams(query));
  const rows = await db
    .select({ externalId: complaints.externalId })
    .from(complaints)
    .where(complaintWhere(filters))
    .orderBy(...complaintOrderBy(filters));
  return rows.map((r) => r.externalId);
}

beforeAll(async () => {
  testDb = await useTestDatabase();
  f = await createFixtures();
  const rows = await insertComplaints([
    {
      externalId: "a",
      receivedOn: "2019-01-10",
      summary: "Förfallodatumet var otydligt på fakturan",
      narrative: "Jag missade betalningen",
      status: "new",
      severity: "high",
      productId: f.products.invoice.id,
      categoryId: f.categories.missedDue.id,
      appUser: true,
    },
    {
      externalId: "b",
      receivedOn: "2019-02-10",
      market: "NO",
      channel: "consumer_agency",
      authorityId: f.authorities.forbruker.id,
      summary: "Waiting for refunds since March",
      status: "triaged",
      severity: "low",
      assigneeId: f.users.reviewer.id,
      categoryId: f.categories.refunds.id,
      journeyStage: "after_purchase",
      appUser: false,
    },
    {
      externalId: "c",
      receivedOn: "2019-03-10",
      channel: "disputes_board",
      authorityId: f.authorities.arnSe.id,
      summary: "The refund never arrived",
      status: "closed",
      excludedReason: "test",
      productId: f.products.account.id,
    },
  ]);
  for (const row of rows) ids[row.externalId] = row.id;
  await db
    .insert(complaintRootCauses)
    .values({ complaintId: ids.b!, rootCauseId: f.rootCauses.slowRefund.id, primary: true });
});

afterAll(async () => {
  await testDb.drop();
});

describe("parseComplaintFilters", () => {
  it("reads lists, dates, flags and sort from a URL", () => {
    const filters = parseComplaintFilters(
      new URLSearchParams(
        "status=new,triaged&status=closed&market=se&received_from=2019-01-01&overdue=true&sort=-reference&page=3&per_page=50",
      ),
    );
    expect(filters).toMatchObject({
      status: ["new", "triaged", "closed"],
      market: ["SE"],
      receivedFrom: "2019-01-01",
      overdue: true,
      sort: { key: "reference", direction: "desc" },
      page: 3,
      perPage: 50,
    });
  });
  it("accepts Next's searchParams object and defaults", () => {
    const filters = parseComplaintFilters({ severity: ["high", "low"], q: " refund " });
    expect(filters).toMatchObject({
      severity: ["high", "low"],
      q: "refund",
      page: 1,
      perPage: 25,
      sort: { key: "receivedOn", direction: "desc" },
    });
  });
  it("refuses bad values naming the parameter", () => {
    const attempt = (q: string) => {
      try {
        parseComplaintFilters(new URLSearchParams(q));
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        return (error as AppError).details as { path: string; message: string }[];
      }
      throw new Error("expected a refusal");
    };
    expect(attempt("status=lost")[0]!.path).toBe("status.0");
    expect(attempt("sort=password.asc")[0]!.path).toBe("sort");
    expect(attempt("sort=password.asc")[0]!.message).toMatch(/^Sort by one of: receivedOn, reference, .*due$/);
    expect(attempt("per_page=100000")[0]!.path).toBe("per_page");
    expect(attempt("received_from=2019-13-01")[0]!.path).toBe("received_from");
    expect(attempt("received_from=2019-05-01&received_to=2019-01-01")[0]!.path).toBe("received_to");
    expect(attempt("root_cause=abc")[0]!.path).toBe("root_cause.0");
    expect(attempt("overdue=perhaps")[0]!.path).toBe("overdue");
  });
  it("round-trips through URL parameters", () => {
    const filters = parseComplaintFilters(new URLSearchParams("status=new&q=refund&sort=status.asc&page=2"));
    expect(parseComplaintFilters(filtersToSearchParams(filters))).toEqual(filters);
  });
});

describe("complaintWhere", () => {
  it("filters by each field", async () => {
    expect(await matching("status=new,triaged&sort=externalId.asc")).toEqual(["a", "b"]);
    expect(await matching("market=NO")).toEqual(["b"]);
    expect(await matching("channel=disputes_board")).toEqual(["c"]);
    expect(await matching(`authority=${f.authorities.forbruker.id}`)).toEqual(["b"]);
    expect(await matching(`product=${f.products.invoice.id}`)).toEqual(["a"]);
    expect(await matching(`category=${f.categories.refunds.id}`)).toEqual(["b"]);
    expect(await matching(`root_cause=${f.rootCauses.slowRefund.id}`)).toEqual(["b"]);
    expect(await matching(`assignee=${f.users.reviewer.id}`)).toEqual(["b"]);
    expect(await matching(`assignee=none&sort=externalId.asc`)).toEqual(["a", "c"]);
    expect(await matching("severity=high")).toEqual(["a"]);
    expect(await matching("journey_stage=after_purchase")).toEqual(["b"]);
    expect(await matching("app_user=yes")).toEqual(["a"]);
    expect(await matching("app_user=no")).toEqual(["b"]);
    expect(await matching("app_user=unknown")).toEqual(["c"]);
    expect(await matching("received_from=2019-02-01&received_to=2019-02-28")).toEqual(["b"]);
    expect(await matching("excluded=yes")).toEqual(["c"]);
    expect(await matching("excluded=no&sort=receivedOn.asc")).toEqual(["a", "b"]);
    expect(await matching("external_id=c")).toEqual(["c"]);
  });
  it("selects a parent category's children", async () => {
    expect(await matching(`category=${f.categories.payments.id}&sort=externalId.asc`)).toEqual(["a", "b"]);
  });
  it("finds Swedish and English word forms", async () => {
    expect(await matching("q=förfallodatum")).toEqual(["a"]);
    expect(await matching("q=betalning")).toEqual(["a"]);
    expect(await matching("q=refunds&sort=externalId.asc")).toEqual(["b", "c"]);
    expect(await matching("q=refund arrived")).toEqual(["c"]);
    expect(await matching("q=kvittoblankett")).toEqual([]);
    expect(await matching("q=refund&sort=relevance.desc")).toHaveLength(2);
  });
  it("sorts by an allowed column in both directions", async () => {
    expect(await matching("sort=receivedOn.asc")).toEqual(["a", "b", "c"]);
    expect(await matching("sort=receivedOn.desc")).toEqual(["c", "b", "a"]);
    // Severity by rank (low < medium < high < critical), not by its name.
    expect(await matching("severity=low,high&sort=severity.asc")).toEqual(["b", "a"]);
    // Due date: eight weeks from receipt on every channel here, so the order of receipt.
    expect(await matching("sort=due.asc")).toEqual(["a", "b", "c"]);
    expect(await matching("sort=due.desc")).toEqual(["c", "b", "a"]);
  });
  it("treats open complaints past a due date as overdue, closed and excluded ones never", async () => {
    // All three were received in early 2019, long past every deadline.
    expect(await matching("overdue=true&sort=externalId.asc")).toEqual(["a", "b"]);
    await db
      .update(complaints)
      .set({ acknowledgedAt: new Date(), respondedAt: new Date() })
      .where(sql`${complaints.id} = ${ids.a}`);
    expect(await matching("overdue=true")).toEqual(["b"]);
  });
});

describe("deadline SQL", () => {
  it("computes the same due dates as the TypeScript rules", async () => {
    await db.insert(deadlineRules).values({
      market: "NO",
      channel: "consumer_agency",
      acknowledgeDays: 3,
      acknowledgeBusinessDays: false,
      finalResponseDays: 20,
      finalResponseBusinessDays: true,
    });
    const result = await db.execute(
      sql`select ${complaints.externalId} as "externalId", ${complaints.receivedOn} as "receivedOn", (${acknowledgeDueSql()})::text as ack, (${respondDueSql()})::text as respond from ${complaints} order by 1`,
    );
    const rows = rowsOf<{ externalId: string; receivedOn: string; ack: string; respond: string }>(result);
    const rule = {
      acknowledgeDays: 3,
      acknowledgeBusinessDays: false,
      finalResponseDays: 20,
      finalResponseBusinessDays: true,
    };
    const expected = {
      a: complaintDueDates({ receivedOn: "2019-01-10", rule: null, paymentService: true }),
      b: complaintDueDates({ receivedOn: "2019-02-10", rule, paymentService: false }),
      c: complaintDueDates({ receivedOn: "2019-03-10", rule: null, paymentService: false }),
    };
    expect(rows.map((r) => [r.externalId, r.ack, r.respond])).toEqual(
      Object.entries(expected).map(([k, v]) => [k, v.acknowledgeBy, v.respondBy]),
    );
  });
  it("adds business days in SQL exactly as in TypeScript for every weekday", async () => {
    const { addBusinessDays } = await import("./deadlines");
    const result = await db.execute(
      sql`select d::date::text as d, n, add_business_days(d::date, n)::text as due from generate_series('2019-04-01'::date, '2019-04-14'::date, '1 day') d, generate_series(1, 12) n`,
    );
    for (const row of rowsOf<{ d: string; n: number; due: string }>(result)) {
      expect(row.due, `${row.d} + ${row.n}`).toBe(addBusinessDays(row.d, Number(row.n)));
    }
  });
});
