import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { agreementSampleComplaints, auditLog } from "@/db/schema";
import { actorFor, createFixtures, type Fixtures, insertComplaints, ok } from "@/lib/complaints/test-fixtures";
import { perform } from "@/lib/operations";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { createAgreementSample, saveAgreementCoding } from "./agreement";
import { getAgreementSample, listAgreementSamples } from "./agreement-queries";

let database: TestDatabase;
let f: Fixtures;

beforeAll(async () => {
  database = await useTestDatabase();
  f = await createFixtures();
  await insertComplaints([
    ...Array.from({ length: 8 }, (_, i) => ({ summary: `Sampled ${i}`, receivedOn: "2019-02-10" })),
    { summary: "Excluded", receivedOn: "2019-02-11", excludedReason: "test" as const },
    { summary: "Other market", receivedOn: "2019-02-12", market: "NO" },
    { summary: "Other month", receivedOn: "2019-04-01" },
  ]);
});
afterAll(async () => {
  await database.drop();
});

describe("tagging agreement", () => {
  let sampleId: string;

  it("draws a random sample of counted complaints in the scope, for two reviewers", async () => {
    const reviewer = actorFor(f.users.reviewer);
    const same = await perform(reviewer, createAgreementSample, {
      name: "Same coder",
      coderA: f.users.reviewer.id,
      coderB: f.users.reviewer.id,
      size: 5,
    });
    expect("error" in same && same.fieldErrors?.coderB).toEqual(["Choose two different coders"]);
    const pm = await perform(reviewer, createAgreementSample, {
      name: "With a PM",
      coderA: f.users.reviewer.id,
      coderB: f.users.pm.id,
      size: 5,
    });
    expect("error" in pm && pm.fieldErrors?.coderB).toEqual(["Choose an active reviewer or admin"]);
    const refused = await perform(actorFor(f.users.pm), createAgreementSample, {
      name: "By a PM",
      coderA: f.users.reviewer.id,
      coderB: f.users.reviewer2.id,
      size: 5,
    });
    expect("error" in refused && refused.error.code).toBe("forbidden");
    const empty = await perform(reviewer, createAgreementSample, {
      name: "Nothing",
      coderA: f.users.reviewer.id,
      coderB: f.users.reviewer2.id,
      size: 5,
      market: "SE",
      from: "2010-01",
      to: "2010-02",
    });
    expect("error" in empty && empty.error.message).toBe("No complaint matches");

    const created = await ok(
      perform(reviewer, createAgreementSample, {
        name: "February, Sweden",
        coderA: f.users.reviewer.id,
        coderB: f.users.reviewer2.id,
        size: 6,
        market: "SE",
        from: "2019-02",
        to: "2019-02",
      }),
    );
    sampleId = created.id;
    expect(created.size).toBe(6);
    const members = await db
      .select()
      .from(agreementSampleComplaints)
      .where(eq(agreementSampleComplaints.sampleId, sampleId));
    expect(members.map((m) => m.position).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
    const sample = await getAgreementSample(sampleId, f.users.admin.id);
    expect(sample!.items.every((i) => i.summary.startsWith("Sampled") && i.market === "SE")).toBe(true);
  });

  it("lets only the two coders code, one code each, and shows nobody any code until both are done", async () => {
    const a = actorFor(f.users.reviewer);
    const b = actorFor(f.users.reviewer2);
    const sample = (await getAgreementSample(sampleId, f.users.reviewer.id))!;
    const { unclearName, slowRefund } = f.rootCauses;
    // A: unclear, unclear, unclear, slow, slow, none. B: unclear, unclear, slow, slow, slow, none.
    const codesA = [unclearName.id, unclearName.id, unclearName.id, slowRefund.id, slowRefund.id, null];
    const codesB = [unclearName.id, unclearName.id, slowRefund.id, slowRefund.id, slowRefund.id, null];

    const outsider = await perform(actorFor(f.users.admin), saveAgreementCoding, {
      sampleId,
      complaintId: sample.items[0]!.complaintId,
      rootCauseId: null,
    });
    expect("error" in outsider && outsider.error.code).toBe("forbidden");

    for (const [i, item] of sample.items.entries()) {
      // A first codes everything as slow refund, then changes their mind: the last code counts.
      await ok(
        perform(a, saveAgreementCoding, { sampleId, complaintId: item.complaintId, rootCauseId: slowRefund.id }),
      );
      await ok(
        perform(a, saveAgreementCoding, { sampleId, complaintId: item.complaintId, rootCauseId: codesA[i] ?? "none" }),
      );
    }
    // A has finished, B has not: neither coder sees the other's codes yet.
    const forB = (await getAgreementSample(sampleId, f.users.reviewer2.id))!;
    expect(forB).toMatchObject({ viewerCoder: "b", results: null, myCodes: {} });
    const forA = (await getAgreementSample(sampleId, f.users.reviewer.id))!;
    expect(forA.viewerCoder).toBe("a");
    expect(Object.values(forA.myCodes)).toEqual(codesA);
    expect(forA.results).toBeNull();
    expect((await listAgreementSamples()).find((s) => s.id === sampleId)).toMatchObject({
      codedA: 6,
      codedB: 0,
      kappa: null,
    });

    for (const [i, item] of sample.items.slice(0, 5).entries()) {
      await ok(perform(b, saveAgreementCoding, { sampleId, complaintId: item.complaintId, rootCauseId: codesB[i] }));
    }
    expect((await getAgreementSample(sampleId, f.users.reviewer.id))!.results).toBeNull();
    expect((await getAgreementSample(sampleId, f.users.reviewer2.id))!.results).toBeNull();
    // Nor does anyone else, who could tell a coder.
    expect((await getAgreementSample(sampleId, f.users.admin.id))!.results).toBeNull();
    await ok(perform(b, saveAgreementCoding, { sampleId, complaintId: sample.items[5]!.complaintId, rootCauseId: "" }));

    const done = (await getAgreementSample(sampleId, f.users.reviewer2.id))!;
    const { results } = done;
    // 5 of 6 agree. A's mix: 3 unclear, 2 slow, 1 none; B's: 2, 3, 1. Chance: (3·2 + 2·3 + 1·1) / 36 = 13/36.
    expect(results!.overall.observed).toBeCloseTo(5 / 6);
    expect(results!.overall.expected).toBeCloseTo(13 / 36);
    expect(results!.overall.kappa).toBeCloseTo((5 / 6 - 13 / 36) / (1 - 13 / 36));
    expect(results!.codes.map((c) => c.name)).toEqual(["Slow refund", "Unclear product name", "None of these"]);
    // The code without a root cause is named in the reader's language; root causes keep their names (data).
    const inSwedish = (await getAgreementSample(sampleId, f.users.reviewer2.id, "sv"))!.results!;
    expect(inSwedish.codes.map((c) => c.name)).toEqual(["Slow refund", "Unclear product name", "Ingen av dessa"]);
    expect(results!.matrix).toEqual([
      [2, 0, 0],
      [1, 2, 0],
      [0, 0, 1],
    ]);
    expect(results!.disagreements).toEqual([
      expect.objectContaining({ position: 3, a: "Unclear product name", b: "Slow refund" }),
    ]);
    expect(results!.causes.find((c) => c.name === "Slow refund")).toMatchObject({ byA: 2, byB: 3 });
    expect((await listAgreementSamples()).find((s) => s.id === sampleId)!.kappa!.kappa).toBeCloseTo(
      results!.overall.kappa!,
    );

    const final = await perform(a, saveAgreementCoding, {
      sampleId,
      complaintId: sample.items[0]!.complaintId,
      rootCauseId: null,
    });
    expect("error" in final && final.error).toMatchObject({
      code: "conflict",
      message: "Both coders have finished: the codes are final",
    });
    const outside = await perform(a, saveAgreementCoding, {
      sampleId,
      complaintId: f.users.admin.id,
      rootCauseId: null,
    });
    expect("error" in outside && outside.fieldErrors?.complaintId).toEqual(["Not in the sample"]);
    const logged = await db.select().from(auditLog).where(eq(auditLog.entityId, sampleId));
    expect(logged.filter((e) => e.action === "agreement.code")).toHaveLength(18);
    expect(logged.filter((e) => e.action === "agreement.sample.create")).toHaveLength(1);
  });
});
