import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as runCheck } from "@/app/api/v1/remediation-actions/[id]/effectiveness-checks/route";
import { GET as getOne, PATCH } from "@/app/api/v1/remediation-actions/[id]/route";
import { GET as list, POST } from "@/app/api/v1/remediation-actions/route";
import { db } from "@/db";
import { effectivenessChecks, remediationActions } from "@/db/schema";
import { createFixtures, type Fixtures, insertComplaints } from "@/lib/complaints/test-fixtures";
import { idParams, jsonRequest, noParams, tokensFor } from "@/test/api";
import { type TestDatabase, useTestDatabase } from "@/test/db";

let testDb: TestDatabase;
let f: Fixtures;
let tokens: Record<string, string> = {};

beforeAll(async () => {
  testDb = await useTestDatabase();
  f = await createFixtures();
  tokens = await tokensFor(f.users);
});
afterAll(async () => testDb.drop());

const request = jsonRequest;

async function post(body: unknown, token = tokens.reviewer) {
  return POST(request("/api/v1/remediation-actions", { method: "POST", token, body }), noParams);
}
async function patch(id: string, body: unknown, token = tokens.reviewer) {
  return PATCH(request(`/api/v1/remediation-actions/${id}`, { method: "PATCH", token, body }), idParams(id));
}

describe("POST /api/v1/remediation-actions", () => {
  it("answers 201 with the action, id and version", async () => {
    const [evidence] = await insertComplaints([{ summary: "Mitt personnummer är 811218-9876" }]);
    const response = await post({
      title: "Rename",
      market: "SE",
      ownerId: f.users.pm.id,
      rootCauseIds: [f.rootCauses.unclearName.id],
      evidenceReferences: [evidence!.reference],
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      id: expect.any(String),
      version: 1,
      status: "proposed",
      title: "Rename",
      market: "SE",
    });
  });

  it("answers 400 with field paths, 401 without a token and 403 for product managers and leadership", async () => {
    const before = await db.$count(remediationActions);
    const bad = await post({ title: "", dueOn: "soon", rootCauseIds: ["x"] });
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.error.code).toBe("invalid");
    expect(body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      "dueOn",
      "rootCauseIds.0",
      "title",
    ]);
    expect((await post("{nope")).status).toBe(400);
    expect(
      (await POST(request("/api/v1/remediation-actions", { method: "POST", body: { title: "x" } }), noParams)).status,
    ).toBe(401);
    expect((await post({ title: "x" }, tokens.pm)).status).toBe(403);
    expect((await post({ title: "x" }, tokens.leadership)).status).toBe(403);
    expect(await db.$count(remediationActions)).toBe(before);
  });
});

describe("GET /api/v1/remediation-actions", () => {
  it("answers rows with root causes, the latest check and the total, filtered", async () => {
    const response = await list(
      request(
        `/api/v1/remediation-actions?owner=${f.users.pm.id}&root_cause=${f.rootCauses.unclearName.id}&market=se&perPage=10`,
        { token: tokens.leadership },
      ),
      noParams,
    );
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ total: 1, page: 1, perPage: 10 });
    expect(body.data[0]).toMatchObject({
      title: "Rename",
      ownerName: "Petra Holm",
      rootCauses: [{ name: "Unclear product name" }],
      latestCheck: null,
    });
  });

  it("refuses a bad filter by its parameter name", async () => {
    const response = await list(
      request("/api/v1/remediation-actions?status=done&sort=secret", { token: tokens.reviewer }),
      noParams,
    );
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(["sort", "status.0"]);
  });
});

describe("GET and PATCH /api/v1/remediation-actions/{id}", () => {
  let id: string;
  beforeAll(async () => {
    id = (await (await post({ title: "Owned by Petra", ownerId: f.users.pm.id, market: "SE" })).json()).id;
  });

  it("answers the action with evidence redacted for product managers and left out for leadership", async () => {
    const created = await (
      await post({
        title: "With evidence",
        evidenceReferences: [(await insertComplaints([{ summary: "Ring 070-123 45 67" }]))[0]!.reference],
      })
    ).json();
    const pm = await (
      await getOne(request(`/api/v1/remediation-actions/${created.id}`, { token: tokens.pm }), idParams(created.id))
    ).json();
    expect(pm.evidence[0].summary).toBe("Ring [phone]");
    expect(pm).toMatchObject({ latestCheck: null, rootCauses: [] });
    const leadership = await (
      await getOne(
        request(`/api/v1/remediation-actions/${created.id}`, { token: tokens.leadership }),
        idParams(created.id),
      )
    ).json();
    expect(leadership.evidence).toBeUndefined();
    expect(
      (await getOne(request("/api/v1/remediation-actions/nope", { token: tokens.pm }), idParams("nope"))).status,
    ).toBe(404);
  });

  it("changes fields with the version and answers 409 when it is stale", async () => {
    const first = await patch(id, { version: 1, title: "Owned by Petra (renamed)", dueOn: "2019-09-30" });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ version: 2, title: "Owned by Petra (renamed)", dueOn: "2019-09-30" });
    const stale = await patch(id, { version: 1, title: "Again" });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error).toMatchObject({
      code: "conflict",
      details: { currentVersion: 2, yourVersion: 1 },
    });
    const bad = await patch(id, { version: 2, status: "shipped", unknownField: 1 });
    expect(bad.status).toBe(400);
  });

  it("lets the owning product manager change status and notes only", async () => {
    const ok = await patch(id, { version: 2, status: "approved", notes: "Legal agreed" }, tokens.pm);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: "approved", notes: "Legal agreed", version: 3 });
    expect((await patch(id, { version: 3, title: "Mine" }, tokens.pm)).status).toBe(403);
    const other = (await (await post({ title: "Owned by Erik", ownerId: f.users.reviewer2.id })).json()).id;
    const refused = await patch(other, { version: 1, notes: "Mine" }, tokens.pm);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe("forbidden");
    expect((await patch(id, { version: 3, notes: "x" }, tokens.leadership)).status).toBe(403);
  });

  it("refuses a transition the workflow does not allow, naming the field", async () => {
    const response = await patch(id, { version: 3, status: "verified" });
    expect(response.status).toBe(400);
    expect((await response.json()).error.details).toEqual([
      { path: "status", message: "From approved the next status is in progress or cancelled" },
    ]);
  });
});

describe("POST /api/v1/remediation-actions/{id}/effectiveness-checks", () => {
  it("refuses an action that has not shipped, then stores a check the list shows as the latest", async () => {
    const created = await (
      await post({
        title: "Checked by API",
        market: "SE",
        ownerId: f.users.pm.id,
        rootCauseIds: [f.rootCauses.technical.id],
      })
    ).json();
    const check = (token = tokens.reviewer, body?: unknown) =>
      runCheck(
        request(`/api/v1/remediation-actions/${created.id}/effectiveness-checks`, { method: "POST", token, body }),
        idParams(created.id),
      );
    const early = await check();
    expect(early.status).toBe(400);
    expect((await early.json()).error.message).toContain("Only a shipped action can be checked");
    let version = 1;
    for (const changes of [
      { status: "approved" },
      { status: "in_progress" },
      { status: "shipped", shippedOn: "2019-03-01" },
    ]) {
      version = (await (await patch(created.id, { version, ...changes })).json()).version;
    }
    expect((await check(tokens.reviewer, { months: 99 })).status).toBe(400);
    expect((await check(tokens.leadership)).status).toBe(403);
    const response = await check(tokens.pm, { months: 3 });
    expect(response.status).toBe(201);
    const stored = await response.json();
    expect(stored).toMatchObject({
      beforeFrom: "2018-12",
      beforeTo: "2019-02",
      kind: "not_enough_after",
      verdict: expect.stringContaining("Not enough data yet"),
    });
    const body = await (
      await list(
        request(`/api/v1/remediation-actions?root_cause=${f.rootCauses.technical.id}`, { token: tokens.reviewer }),
        noParams,
      )
    ).json();
    expect(body.data.find((a: { id: string }) => a.id === created.id).latestCheck).toMatchObject({
      id: stored.id,
      verdict: stored.verdict,
    });
  });
});

describe("checks read by leadership", () => {
  it("withhold a check with 1 to 4 complaints in a window, whose rates would give the count back", async () => {
    const created = await (
      await post({ title: "Small numbers", market: "SE", rootCauseIds: [f.rootCauses.slowRefund.id] })
    ).json();
    const figures = {
      beforeFrom: "2018-10",
      beforeTo: "2019-03",
      afterFrom: "2019-05",
      afterTo: "2019-10",
      beforePurchases: 6_000_000,
      afterPurchases: 6_000_000,
    };
    await db.insert(effectivenessChecks).values({
      actionId: created.id,
      ...figures,
      beforeComplaints: 3,
      afterComplaints: 12,
      rateBefore: 0.5,
      rateAfter: 2,
      rateRatio: 4,
      ciLow: 1.1,
      ciHigh: 14,
      verdict: "More complaints after shipping: the rate rose 300 %",
    });
    const detail = async (token: string, language?: string) => {
      const asked = request(`/api/v1/remediation-actions/${created.id}`, { token });
      if (language) asked.headers.set("accept-language", language);
      return (await getOne(asked, idParams(created.id))).json();
    };
    const latest = async (token: string) =>
      (
        (
          await (
            await list(
              request(`/api/v1/remediation-actions?root_cause=${f.rootCauses.slowRefund.id}`, { token }),
              noParams,
            )
          ).json()
        ).data as { id: string; latestCheck: unknown }[]
      ).find((a) => a.id === created.id)!.latestCheck;

    expect((await detail(tokens.reviewer!)).latestCheck).toMatchObject({
      beforeComplaints: 3,
      rateBefore: 0.5,
      withheld: false,
      // Kept as an English sentence (a check of before): read as it was written, with its kind.
      verdict: "More complaints after shipping: the rate rose 300 %",
      kind: "more",
    });
    expect(await latest(tokens.pm!)).toMatchObject({ beforeComplaints: 3, rateRatio: 4, withheld: false });
    const withheld = {
      beforeComplaints: null,
      afterComplaints: null,
      rateBefore: null,
      rateAfter: null,
      rateRatio: null,
      ciLow: null,
      ciHigh: null,
      withheld: true,
      kind: "withheld",
      verdict: "Withheld: fewer than 5 complaints before or after shipping",
    };
    expect((await detail(tokens.leadership!)).latestCheck).toMatchObject({ ...withheld, beforePurchases: 6_000_000 });
    expect(await latest(tokens.leadership!)).toMatchObject(withheld);
    expect((await detail(tokens.leadership!, "sv-SE,sv;q=0.9")).latestCheck).toMatchObject({
      ...withheld,
      verdict: "Dold: färre än 5 klagomål före eller efter leveransen",
    });
  });
});
