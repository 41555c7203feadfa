import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getOne, PATCH } from "@/app/api/v1/complaints/[id]/route";
import { GET as list, POST } from "@/app/api/v1/complaints/route";
import { db } from "@/db";
import { complaints } from "@/db/schema";
import { idParams, jsonRequest, noParams, tokensFor } from "@/test/api";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { createFixtures, type Fixtures } from "./test-fixtures";

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

const valid = {
  externalId: "API-1",
  receivedOn: "2019-04-10",
  market: "SE",
  channel: "customer_service",
  summary: "Refunds take too long",
  narrative: "Mitt personnummer är 811218-9876",
  customerRef: "CUST-API",
};

describe("POST /api/v1/complaints", () => {
  it("answers 201 with the complaint, id and version", async () => {
    const response = await POST(
      request("/api/v1/complaints", { method: "POST", token: tokens.reviewer, body: valid }),
      noParams,
    );
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({
      id: expect.any(String),
      version: 1,
      reference: expect.stringMatching(/^C-2019-/),
      externalId: "API-1",
      status: "new",
    });
  });

  it("answers 400 with each field's path and writes nothing", async () => {
    const before = await db.$count(complaints);
    const response = await POST(
      request("/api/v1/complaints", {
        method: "POST",
        token: tokens.reviewer,
        body: { ...valid, externalId: "API-2", receivedOn: "10/04/2019", severity: "huge", summary: "" },
      }),
      noParams,
    );
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe("invalid");
    expect(body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      "receivedOn",
      "severity",
      "summary",
    ]);
    expect(await db.$count(complaints)).toBe(before);
  });

  it("answers 400 for malformed JSON, 401 without a token and 403 for product managers", async () => {
    expect(
      (await POST(request("/api/v1/complaints", { method: "POST", token: tokens.reviewer, body: "{nope" }), noParams))
        .status,
    ).toBe(400);
    expect((await POST(request("/api/v1/complaints", { method: "POST", body: valid }), noParams)).status).toBe(401);
    expect(
      (await POST(request("/api/v1/complaints", { method: "POST", token: tokens.pm, body: valid }), noParams)).status,
    ).toBe(403);
  });
});

describe("GET /api/v1/complaints", () => {
  it("filters and answers rows with the total", async () => {
    const response = await list(request("/api/v1/complaints?external_id=API-1", { token: tokens.reviewer }), noParams);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.total).toBe(1);
    expect(body.totalIsEstimate).toBe(false);
    expect(body.data[0]).toMatchObject({ externalId: "API-1", customerRef: "CUST-API" });
  });
  it("finds word forms with q", async () => {
    const body = await (await list(request("/api/v1/complaints?q=refund", { token: tokens.admin }), noParams)).json();
    expect(body.data.map((r: { externalId: string }) => r.externalId)).toContain("API-1");
  });
  it("answers 400 for a bad filter and 403 for leadership", async () => {
    const bad = await list(request("/api/v1/complaints?sort=secret.asc", { token: tokens.reviewer }), noParams);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details[0].path).toBe("sort");
    expect((await list(request("/api/v1/complaints", { token: tokens.leadership }), noParams)).status).toBe(403);
  });
  it("hides personal data from product managers", async () => {
    const body = await (
      await list(request("/api/v1/complaints?external_id=API-1", { token: tokens.pm }), noParams)
    ).json();
    expect(body.data[0].customerRef).toBeNull();
  });
});

describe("GET and PATCH /api/v1/complaints/{id}", () => {
  async function idOf(externalId: string) {
    const body = await (
      await list(request(`/api/v1/complaints?external_id=${externalId}`, { token: tokens.reviewer }), noParams)
    ).json();
    return body.data[0].id as string;
  }

  it("reads one complaint, redacted for product managers, 404 for unknown ids", async () => {
    const id = await idOf("API-1");
    const full = await (
      await getOne(request(`/api/v1/complaints/${id}`, { token: tokens.reviewer }), idParams(id))
    ).json();
    expect(full).toMatchObject({
      id,
      customerRef: "CUST-API",
      narrative: "Mitt personnummer är 811218-9876",
      deadlines: { respondBy: "2019-06-05" },
    });
    const pm = await (await getOne(request(`/api/v1/complaints/${id}`, { token: tokens.pm }), idParams(id))).json();
    expect(pm).toMatchObject({ customerRef: null, narrative: "Mitt personnummer är [personal number]" });
    const missing = "00000000-0000-4000-8000-000000000000";
    expect(
      (await getOne(request(`/api/v1/complaints/${missing}`, { token: tokens.reviewer }), idParams(missing))).status,
    ).toBe(404);
    expect(
      (await getOne(request(`/api/v1/complaints/nope`, { token: tokens.reviewer }), idParams("nope"))).status,
    ).toBe(404);
    expect((await getOne(request(`/api/v1/complaints/${id}`, { token: tokens.leadership }), idParams(id))).status).toBe(
      403,
    );
  });

  it("patches with the version, then answers 409 for the stale one", async () => {
    const id = await idOf("API-1");
    const first = await PATCH(
      request(`/api/v1/complaints/${id}`, {
        method: "PATCH",
        token: tokens.reviewer,
        body: { version: 1, severity: "high", status: "triaged" },
      }),
      idParams(id),
    );
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ version: 2, severity: "high", status: "triaged" });
    const stale = await PATCH(
      request(`/api/v1/complaints/${id}`, {
        method: "PATCH",
        token: tokens.admin,
        body: { version: 1, severity: "low" },
      }),
      idParams(id),
    );
    expect(stale.status).toBe(409);
    const body = await stale.json();
    expect(body.error).toMatchObject({ code: "conflict", details: { currentVersion: 2 } });
    expect(body.error.details.changes[0].sentence).toBe(
      "Anna Lind set severity to high, changed status from new to triaged",
    );
  });

  it("answers 400 with paths for bad changes and workflow violations, 403 for product managers, 404 for unknown", async () => {
    const id = await idOf("API-1");
    const bad = await PATCH(
      request(`/api/v1/complaints/${id}`, {
        method: "PATCH",
        token: tokens.reviewer,
        body: { version: 2, severity: "huge", color: "red" },
      }),
      idParams(id),
    );
    expect(bad.status).toBe(400);
    const paths = (await bad.json()).error.details.map((d: { path: string }) => d.path);
    expect(paths).toContain("severity");
    const skip = await PATCH(
      request(`/api/v1/complaints/${id}`, {
        method: "PATCH",
        token: tokens.reviewer,
        body: { version: 2, status: "closed" },
      }),
      idParams(id),
    );
    expect(skip.status).toBe(400);
    expect((await skip.json()).error.details).toEqual([
      { path: "status", message: "From triaged the next status is in analysis" },
    ]);
    const noVersion = await PATCH(
      request(`/api/v1/complaints/${id}`, { method: "PATCH", token: tokens.reviewer, body: { severity: "low" } }),
      idParams(id),
    );
    expect((await noVersion.json()).error.details[0].path).toBe("version");
    expect(
      (
        await PATCH(
          request(`/api/v1/complaints/${id}`, {
            method: "PATCH",
            token: tokens.pm,
            body: { version: 2, severity: "low" },
          }),
          idParams(id),
        )
      ).status,
    ).toBe(403);
    const missing = "00000000-0000-4000-8000-000000000000";
    expect(
      (
        await PATCH(
          request(`/api/v1/complaints/${missing}`, {
            method: "PATCH",
            token: tokens.reviewer,
            body: { version: 1, severity: "low" },
          }),
          idParams(missing),
        )
      ).status,
    ).toBe(404);
  });
});
