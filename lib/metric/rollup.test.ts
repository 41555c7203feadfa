import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { rowsOf } from "@/db/rows";
import { complaintRootCauses, complaints, products, rootCauses } from "@/db/schema";
import { exactly } from "@/lib/must";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { ensureMarkets, insertComplaints } from "./fixtures.test-util";

let database: TestDatabase;

beforeAll(async () => {
  database = await useTestDatabase();
  await ensureMarkets("SE", "NO");
});

afterAll(async () => {
  await database.drop();
});

type Row = Record<string, string | number | boolean | null>;

/** The rollup as it stands, zero rows left out, in a stable order. */
async function rollup(): Promise<Row[]> {
  return rowsOf<Row>(
    await db.execute(sql`
      select market, month, channel::text, authority_id::text, product_id::text, journey_stage::text, app_user, excluded, count
      from complaint_month_counts where count <> 0
      order by 1, 2, 3, 4 nulls first, 5 nulls first, 6 nulls first, 7 nulls first, 8`),
  );
}

/** The same figures counted directly from the complaints. */
async function directCount(): Promise<Row[]> {
  return rowsOf<Row>(
    await db.execute(sql`
      select market, to_char(received_on, 'YYYY-MM') as month, channel::text, authority_id::text, product_id::text,
             journey_stage::text, app_user, excluded_reason is not null as excluded, count(*)::int as count
      from complaints group by 1, 2, 3, 4, 5, 6, 7, 8
      order by 1, 2, 3, 4 nulls first, 5 nulls first, 6 nulls first, 7 nulls first, 8`),
  );
}

async function rootCauseRollup(): Promise<Row[]> {
  return rowsOf<Row>(
    await db.execute(sql`
      select market, month, root_cause_id::text, channel::text, product_id::text, journey_stage::text, is_primary,
             excluded, count
      from root_cause_month_counts where count <> 0 order by 1, 2, 3, 4, 5 nulls first, 6 nulls first, 7, 8`),
  );
}

async function rootCauseDirect(): Promise<Row[]> {
  return rowsOf<Row>(
    await db.execute(sql`
      select c.market, to_char(c.received_on, 'YYYY-MM') as month, t.root_cause_id::text, c.channel::text,
             c.product_id::text, c.journey_stage::text, t.is_primary, c.excluded_reason is not null as excluded,
             count(*)::int as count
      from complaint_root_causes t join complaints c on c.id = t.complaint_id
      group by 1, 2, 3, 4, 5, 6, 7, 8 order by 1, 2, 3, 4, 5 nulls first, 6 nulls first, 7, 8`),
  );
}

async function expectRollupsMatch() {
  expect(await rollup()).toEqual(await directCount());
  expect(await rootCauseRollup()).toEqual(await rootCauseDirect());
}

describe("complaint month rollups", () => {
  let productId: string;
  let causeA: string;
  let causeB: string;
  let ids: string[];

  it("counts inserted complaints, one batch or one by one", async () => {
    [{ id: productId }] = exactly(
      await db
        .insert(products)
        .values({ name: `Rollup product ${randomUUID()}` })
        .returning(),
      1,
      "product",
    );
    [{ id: causeA }, { id: causeB }] = exactly(
      await db
        .insert(rootCauses)
        .values([{ name: `Cause A ${randomUUID()}` }, { name: `Cause B ${randomUUID()}` }])
        .returning(),
      2,
      "root causes",
    );
    ids = await insertComplaints([
      { receivedOn: "2019-01-03", productId, journeyStage: "after_purchase", appUser: true },
      { receivedOn: "2019-01-31", productId, journeyStage: "after_purchase", appUser: true },
      { receivedOn: "2019-02-01", channel: "consumer_agency" },
      { receivedOn: "2019-02-14", market: "NO", excludedReason: "test" },
    ]);
    ids.push(
      ...(await insertComplaints([
        { receivedOn: "2019-01-10", productId, journeyStage: "after_purchase", appUser: true },
      ])),
    );
    const rows = await rollup();
    expect(rows.find((r) => r.month === "2019-01" && r.product_id === productId)?.count).toBe(3);
    await expectRollupsMatch();
  });

  it("counts root-cause tags as they are added, changed and removed", async () => {
    await db.insert(complaintRootCauses).values([
      { complaintId: ids[0]!, rootCauseId: causeA, primary: true },
      { complaintId: ids[0]!, rootCauseId: causeB },
      { complaintId: ids[1]!, rootCauseId: causeA },
      { complaintId: ids[3]!, rootCauseId: causeA },
    ]);
    await expectRollupsMatch();
    await db
      .update(complaintRootCauses)
      .set({ rootCauseId: causeB })
      .where(eq(complaintRootCauses.complaintId, ids[1]!));
    await db
      .update(complaintRootCauses)
      .set({ note: "only a note" })
      .where(eq(complaintRootCauses.complaintId, ids[0]!));
    await expectRollupsMatch();
    // The primary tag moves (as "make primary" does it): the report's count of tagged complaints follows.
    await db.update(complaintRootCauses).set({ primary: false }).where(eq(complaintRootCauses.complaintId, ids[0]!));
    await db
      .update(complaintRootCauses)
      .set({ primary: true })
      .where(and(eq(complaintRootCauses.complaintId, ids[0]!), eq(complaintRootCauses.rootCauseId, causeB)));
    await expectRollupsMatch();
    await db.delete(complaintRootCauses).where(eq(complaintRootCauses.complaintId, ids[3]!));
    await expectRollupsMatch();
  });

  it("moves counts when a complaint's market, month, dimensions or exclusion change", async () => {
    await db.update(complaints).set({ market: "NO" }).where(eq(complaints.id, ids[0]!));
    await expectRollupsMatch();
    await db.update(complaints).set({ receivedOn: "2018-12-31" }).where(eq(complaints.id, ids[1]!));
    await expectRollupsMatch();
    await db.update(complaints).set({ excludedReason: "duplicate" }).where(eq(complaints.id, ids[0]!));
    await expectRollupsMatch();
    await db.update(complaints).set({ excludedReason: null }).where(eq(complaints.id, ids[3]!));
    await db
      .update(complaints)
      .set({ appUser: false, journeyStage: "before_purchase" })
      .where(inArray(complaints.id, ids));
    await db.update(complaints).set({ status: "triaged" }).where(inArray(complaints.id, ids));
    await expectRollupsMatch();
    // The root-cause report filters by channel and product: tags move with those too.
    await db.update(complaints).set({ channel: "disputes_board" }).where(eq(complaints.id, ids[0]!));
    await db.update(complaints).set({ productId: null }).where(eq(complaints.id, ids[1]!));
    await expectRollupsMatch();
    // And the journey-stage filter: a tagged complaint's stage alone changes (set, changed, cleared).
    const stageCount = async (stage: string) =>
      rowsOf<{ n: number }>(
        await db.execute(sql`
          select coalesce(sum(count), 0)::int as n from root_cause_month_counts
          where root_cause_id = ${causeB}::uuid and journey_stage = ${stage}::journey_stage`),
      )[0]?.n;
    const taggedWithB = ids[1]!;
    await db.update(complaints).set({ journeyStage: "during_purchase" }).where(eq(complaints.id, taggedWithB));
    expect(await stageCount("during_purchase")).toBe(1);
    await expectRollupsMatch();
    await db.update(complaints).set({ journeyStage: "after_purchase" }).where(eq(complaints.id, taggedWithB));
    expect(await stageCount("during_purchase")).toBe(0);
    expect(await stageCount("after_purchase")).toBe(1);
    await db.update(complaints).set({ journeyStage: null }).where(eq(complaints.id, taggedWithB));
    expect(await stageCount("after_purchase")).toBe(0);
    await expectRollupsMatch();
  });

  it("takes deleted complaints and their tags out", async () => {
    await db.update(complaints).set({ journeyStage: "during_purchase" }).where(eq(complaints.id, ids[0]!));
    await db.delete(complaints).where(eq(complaints.id, ids[0]!));
    await expectRollupsMatch();
    await db.delete(complaints).where(inArray(complaints.id, ids.slice(1, 3)));
    await expectRollupsMatch();
  });

  it("rolls back with the transaction that wrote the complaint", async () => {
    const before = await rollup();
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(complaints).values({
          reference: `T-${randomUUID()}`,
          externalId: `ext-${randomUUID()}`,
          receivedOn: "2019-03-01",
          market: "SE",
          channel: "customer_service",
          summary: "Rolled back",
        });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await rollup()).toEqual(before);
  });

  it("upserts (an import re-run) keep the counts right", async () => {
    const externalId = `ext-upsert-${randomUUID()}`;
    const upsert = (receivedOn: string) =>
      db
        .insert(complaints)
        .values({
          reference: `T-${randomUUID()}`,
          externalId,
          receivedOn,
          market: "SE",
          channel: "customer_service",
          summary: "Upsert",
        })
        .onConflictDoUpdate({ target: [complaints.source, complaints.externalId], set: { receivedOn } });
    await upsert("2019-04-02");
    await upsert("2019-05-02");
    await expectRollupsMatch();
  });

  it("rebuilds (the migration's backfill) to exactly what the triggers keep", async () => {
    const kept = await rootCauseRollup();
    await db.execute(sql`select metric_rollups_rebuild()`);
    expect(await rootCauseRollup()).toEqual(kept);
    await expectRollupsMatch();
  });
});
