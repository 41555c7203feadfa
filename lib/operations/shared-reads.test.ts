import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { complaintRootCauses } from "@/db/schema";
import { tagRootCause } from "@/lib/complaints/case-work";
import { actorFor, createFixtures, type Fixtures, insertComplaints, ok } from "@/lib/complaints/test-fixtures";
import { readRootCauseReport } from "@/lib/root-causes/operations";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { perform, run } from ".";
import { forgetSharedReads, sharedRead } from "./shared-reads";

let testDb: TestDatabase;
let f: Fixtures;
const before = process.env.READ_CACHE_SECONDS;
const query = { market: "SE", from: "2019-03", to: "2019-03" };

beforeAll(async () => {
  process.env.READ_CACHE_SECONDS = "30";
  testDb = await useTestDatabase();
  f = await createFixtures();
});
afterAll(async () => {
  process.env.READ_CACHE_SECONDS = before;
  forgetSharedReads();
  await testDb.drop();
});

/** Complaints in March 2019 with the slow-refund cause, written straight into the database. */
async function taggedComplaints(n: number) {
  const rows = await insertComplaints(Array.from({ length: n }, (_, i) => ({ summary: `Refund late ${i}` })));
  await db
    .insert(complaintRootCauses)
    .values(rows.map((r) => ({ complaintId: r.id, rootCauseId: f.rootCauses.slowRefund.id, primary: true })));
  return rows;
}

describe("shared reads", () => {
  it("answer readers of a role from memory, each with a copy, until this process writes", async () => {
    const reviewer = actorFor(f.users.reviewer);
    await taggedComplaints(2);
    const first = await ok(run(reviewer, readRootCauseReport, query));
    expect(first.report.tagged).toBe(2);

    // A change no operation of this process made is not seen while the answer is kept…
    const [untagged] = await insertComplaints([{ summary: "Refund late, not yet analysed" }]);
    const second = await ok(run(actorFor(f.users.reviewer2), readRootCauseReport, query));
    expect(second.report.tagged).toBe(2);
    expect(second.report.complaints).toBe(first.report.complaints);
    // …and what one reader does to their copy, the next does not see.
    second.report.rootCauses.length = 0;
    expect((await ok(run(reviewer, readRootCauseReport, query))).report.rootCauses).not.toHaveLength(0);

    // A write through an operation forgets it: the next reader sees both changes.
    await ok(perform(reviewer, tagRootCause, { complaintId: untagged!.id, rootCauseId: f.rootCauses.slowRefund.id }));
    const third = await ok(run(reviewer, readRootCauseReport, query));
    expect(third.report.tagged).toBe(3);
    expect(third.report.complaints).toBe((first.report.complaints ?? 0) + 1);
  });

  it("are kept apart by role: leadership's answer withholds small cells, a reviewer's does not", async () => {
    const leadership = await ok(run(actorFor(f.users.leadership), readRootCauseReport, query));
    const reviewer = await ok(run(actorFor(f.users.reviewer), readRootCauseReport, query));
    expect(leadership.report.suppressesSmallCells).toBe(true);
    expect(reviewer.report.suppressesSmallCells).toBe(false);
  });

  it("ask the database once for readers who ask together, and keep nothing a write overtook", async () => {
    // Each load waits until the test lets it answer, so both readers are asking while it is under way.
    let loads = 0;
    const answers: (() => void)[] = [];
    const load = () => {
      loads += 1;
      const n = loads;
      return new Promise<{ loads: number }>((resolve) => answers.push(() => resolve({ loads: n })));
    };
    const together = Promise.all([sharedRead("together", load), sharedRead("together", load)]);
    expect(loads).toBe(1);
    answers.shift()!();
    expect(await together).toEqual([{ loads: 1 }, { loads: 1 }]);

    const overtaken = sharedRead("overtaken", load);
    forgetSharedReads();
    answers.shift()!();
    await overtaken;
    const after = sharedRead("overtaken", load);
    expect(loads).toBe(3);
    answers.shift()!();
    await after;
  });

  it("are off with READ_CACHE_SECONDS=0", async () => {
    process.env.READ_CACHE_SECONDS = "0";
    try {
      let loads = 0;
      const load = async () => ++loads;
      await sharedRead("off", load);
      await sharedRead("off", load);
      expect(loads).toBe(2);
    } finally {
      process.env.READ_CACHE_SECONDS = "30";
    }
  });
});
