import { expect, test } from "@playwright/test";
import { authFile } from "./support/roles";

const body = (externalId: string) => ({
  externalId,
  receivedOn: "2019-06-03",
  market: "SE",
  channel: "customer_service",
  summary: "API complaint",
});

test.describe("complaints API", () => {
  test.use({ storageState: authFile("reviewer") });

  test("201, 400 with field paths, 404 and 409", async ({ request }) => {
    const id0 = `api${Date.now().toString(36)}`;
    const created = await request.post("/api/v1/complaints", { data: body(id0) });
    expect(created.status()).toBe(201);
    const complaint = await created.json();
    expect(complaint).toMatchObject({ id: expect.any(String), version: 1, externalId: id0 });

    const invalid = await request.post("/api/v1/complaints", {
      data: { ...body(`${id0}-x`), market: "Sweden", receivedOn: "2019-02-30" },
    });
    expect(invalid.status()).toBe(400);
    const error = (await invalid.json()).error;
    expect(error.code).toBe("invalid");
    expect(error.details.map((d: { path: string }) => d.path).sort()).toEqual(["market", "receivedOn"]);
    expect((await request.get(`/api/v1/complaints?external_id=${id0}-x`).then((r) => r.json())).total).toBe(0);

    const listed = await request.get(`/api/v1/complaints?external_id=${id0}`);
    expect(await listed.json()).toMatchObject({ total: 1, data: [{ id: complaint.id }] });

    expect((await request.get("/api/v1/complaints/00000000-0000-4000-8000-000000000000")).status()).toBe(404);

    const patched = await request.patch(`/api/v1/complaints/${complaint.id}`, {
      data: { version: 1, severity: "medium" },
    });
    expect(patched.status()).toBe(200);
    expect((await patched.json()).version).toBe(2);
    const stale = await request.patch(`/api/v1/complaints/${complaint.id}`, { data: { version: 1, severity: "low" } });
    expect(stale.status()).toBe(409);
    expect((await stale.json()).error).toMatchObject({ code: "conflict", details: { currentVersion: 2 } });
  });
});

test("401 without credentials", async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const response = await anonymous.get("/api/v1/complaints");
  expect(response.status()).toBe(401);
  expect((await response.json()).error.code).toBe("unauthenticated");
  await anonymous.dispose();
});

test.describe("403 for roles that may not", () => {
  test.use({ storageState: authFile("product_manager") });
  test("product managers cannot create", async ({ request }) => {
    const response = await request.post("/api/v1/complaints", { data: body(`pm${Date.now()}`) });
    expect(response.status()).toBe(403);
  });
});
