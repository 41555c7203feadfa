import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportCsv } from "@/app/api/v1/complaints/export/route";
import { POST as cancel } from "@/app/api/v1/imports/[id]/cancel/route";
import { GET as errorsCsv } from "@/app/api/v1/imports/[id]/errors/route";
import { GET as getJob } from "@/app/api/v1/imports/[id]/route";
import { GET as listJobs, POST as upload } from "@/app/api/v1/imports/route";
import { db } from "@/db";
import { users } from "@/db/schema";
import { createApiToken } from "@/lib/auth/tokens";
import type { Role } from "@/lib/domain/values";
import { startRunner, stopRunner } from "@/lib/jobs/runner";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { canonicalCsv, canonicalRecord } from "./fixtures/generate";
import { seedReferenceData } from "./fixtures/reference-data";

let database: TestDatabase;
const tokens = {} as Record<Role, string>;

beforeAll(async () => {
  database = await useTestDatabase();
  await seedReferenceData(database.db);
  for (const role of ["admin", "reviewer", "product_manager", "leadership"] as Role[]) {
    const [user] = await db
      .insert(users)
      .values({ email: `${role}@imports.test`, name: `Test ${role}`, role })
      .returning();
    tokens[role] = (await createApiToken(db, user!.id, "test")).token;
  }
  // Started imports go to the job runner, as in the web process.
  process.env.JOBS_POLL_SECONDS = "0.5";
  await startRunner("worker");
});
afterAll(async () => {
  await stopRunner();
  await database.drop();
});

function request(path: string, token: string, init: { method?: string; body?: string } = {}) {
  return new NextRequest(`http://localhost${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
    body: init.body,
  });
}
const noParams = { params: Promise.resolve({}) };
const idParams = (id: string) => ({ params: Promise.resolve({ id }) });

/** Follows the job as the wizard does, by reading its row until it has finished. */
async function waitForJob(id: string) {
  for (;;) {
    const job = await (await getJob(request(`/api/v1/imports/${id}`, tokens.reviewer), idParams(id))).json();
    if (!["queued", "running"].includes(job.status)) return job;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("/api/v1/imports", () => {
  it("imports an uploaded CSV in the background and reports its progress", async () => {
    const rows = Array.from({ length: 12 }, (_, i) => canonicalRecord(i, "API"));
    rows[0]!.customer_ref = "CUST-SECRET";
    rows[0]!.narrative = "Ring mig på 070-123 45 67";
    const response = await upload(
      request("/api/v1/imports?start=1&fileName=api.csv", tokens.reviewer, {
        method: "POST",
        body: canonicalCsv(rows),
      }),
      noParams,
    );
    expect(response.status).toBe(202);
    const created = await response.json();
    expect(created.format).toMatchObject({ delimiter: ",", headerLine: 1 });
    const job = await waitForJob(created.id);
    expect(job).toMatchObject({
      status: "completed",
      rowsRead: 12,
      rowsWritten: 12,
      percent: 100,
      createdBy: "Test reviewer",
    });
    expect(job.counts).toEqual({ inserted: 12, updated: 0, unchanged: 0 });

    const history = await (await listJobs(request("/api/v1/imports", tokens.admin), noParams)).json();
    expect(history.data.map((j: { id: string }) => j.id)).toContain(created.id);
  });

  it("stores every problem of a failed import as a downloadable CSV", async () => {
    const rows = Array.from({ length: 5 }, (_, i) => canonicalRecord(i, "APIBAD"));
    rows[1]!.channel = "pigeon";
    rows[3]!.received_on = "2999-01-01";
    const created = await (
      await upload(
        request("/api/v1/imports?start=1", tokens.reviewer, { method: "POST", body: canonicalCsv(rows) }),
        noParams,
      )
    ).json();
    const job = await waitForJob(created.id);
    expect(job).toMatchObject({ status: "failed", rowsRejected: 2, rowsWritten: 0 });
    const csv = await (
      await errorsCsv(request(`/api/v1/imports/${created.id}/errors`, tokens.reviewer), idParams(created.id))
    ).text();
    expect(csv.split("\n")[0]).toBe("line,column,reason");
    expect(csv).toContain('4,channel,"""pigeon"" is not one of');
    expect(csv).toContain("8,received_on,2999-01-01 is in the future");

    const again = await cancel(
      request(`/api/v1/imports/${created.id}/cancel`, tokens.reviewer, { method: "POST" }),
      idParams(created.id),
    );
    expect(again.status).toBe(409);
  });

  it("keeps product managers and leadership out", async () => {
    for (const role of ["product_manager", "leadership"] as Role[]) {
      const response = await upload(
        request("/api/v1/imports?start=1", tokens[role], { method: "POST", body: "external_id\nX\n" }),
        noParams,
      );
      expect(response.status).toBe(403);
    }
  });

  it("answers 400 for an empty upload and 404 for an unknown job", async () => {
    expect(
      (await upload(request("/api/v1/imports", tokens.reviewer, { method: "POST", body: "" }), noParams)).status,
    ).toBe(400);
    const id = "00000000-0000-4000-8000-000000000000";
    expect((await getJob(request(`/api/v1/imports/${id}`, tokens.reviewer), idParams(id))).status).toBe(404);
  });
});

describe("/api/v1/complaints/export", () => {
  it("streams the filtered list as canonical CSV", async () => {
    const response = await exportCsv(
      request("/api/v1/complaints/export?externalId=API-0000000", tokens.reviewer),
      noParams,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const lines = (await response.text()).trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("CUST-SECRET");
    expect(lines[1]).toContain("070-123 45 67");
  });

  it("gives a product manager redacted text and no customer reference", async () => {
    const bytes = Buffer.from(
      await (
        await exportCsv(
          request("/api/v1/complaints/export?externalId=API-0000000&excel=1", tokens.product_manager),
          noParams,
        )
      ).arrayBuffer(),
    );
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString("utf8");
    expect(text.startsWith("external_id;")).toBe(true);
    expect(text).not.toContain("CUST-SECRET");
    expect(text).toContain("Ring mig på [phone]");
  });

  it("refuses leadership and names a bad filter", async () => {
    expect((await exportCsv(request("/api/v1/complaints/export", tokens.leadership), noParams)).status).toBe(403);
    const bad = await exportCsv(request("/api/v1/complaints/export?status=sleeping", tokens.reviewer), noParams);
    expect(bad.status).toBe(400);
  });
});
