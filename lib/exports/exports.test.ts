import { parse } from "csv-parse/sync";
import { eq, sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as exportCsv } from "@/app/api/v1/complaints/export/route";
import { GET as exportFile } from "@/app/api/v1/exports/[id]/file/route";
import { GET as exportJob } from "@/app/api/v1/exports/[id]/route";
import { db } from "@/db";
import { rowsOf } from "@/db/rows";
import { exportChunks, exportJobs, users } from "@/db/schema";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { createApiToken } from "@/lib/auth/tokens";
import { importComplaintsFile } from "@/lib/imports/engine";
import { scratchDir } from "@/lib/imports/fixtures/files";
import { canonicalCsv, canonicalRecord } from "@/lib/imports/fixtures/generate";
import { seedReferenceData } from "@/lib/imports/fixtures/reference-data";
import { startRunner, stopRunner } from "@/lib/jobs/runner";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { cleanupExports, enqueueExport, listExports, runExportJob, sweepExports } from "./jobs";

let database: TestDatabase;
const scratch = scratchDir();
const people = ["admin", "reviewer", "otherReviewer", "productManager", "leadership"] as const;
const tokens = {} as Record<(typeof people)[number], string>;
const roleOf = {
  admin: "admin",
  reviewer: "reviewer",
  otherReviewer: "reviewer",
  productManager: "product_manager",
  leadership: "leadership",
} as const;
const TOTAL = 60;

beforeAll(async () => {
  // A low threshold, so a test-sized list is "large".
  process.env.EXPORT_JOB_THRESHOLD = "25";
  process.env.JOBS_POLL_SECONDS = "0.5";
  database = await useTestDatabase();
  await seedReferenceData(database.db);
  for (const who of people) {
    const [user] = await db
      .insert(users)
      .values({ email: `${who}@exports.test`, name: `Test ${who}`, role: roleOf[who] })
      .returning();
    tokens[who] = (await createApiToken(db, user!.id, "test")).token;
  }
  const rows = Array.from({ length: TOTAL }, (_, i) => canonicalRecord(i, "EXJ"));
  rows[3]!.narrative = "Mejla mig på anna.svensson@example.com, tack";
  const result = await importComplaintsFile(scratch.write("seed.csv", canonicalCsv(rows)), { actor: CLI_ACTOR });
  expect(result.inserted).toBe(TOTAL);
  await startRunner("worker");
});

afterAll(async () => {
  await stopRunner();
  await database.drop();
  scratch.cleanup();
  delete process.env.EXPORT_JOB_THRESHOLD;
});

const request = (path: string, token: string, language = "en") =>
  new NextRequest(`http://localhost${path}`, {
    headers: { authorization: `Bearer ${token}`, "accept-language": language },
  });
const idParams = (id: string) => ({ params: Promise.resolve({ id }) });
const noParams = { params: Promise.resolve({}) };

type JobView = { id: string; status: string; rows: number; download: string | null; expiresAt: string | null };

/** Asks for an export as `who` and follows the job URL it answers until the file is ready. */
async function exportAsJob(who: keyof typeof tokens, query: string) {
  const asked = await exportCsv(request(`/api/v1/complaints/export?${query}`, tokens[who]), noParams);
  expect(asked.status).toBe(202);
  const { id, url } = (await asked.json()) as { id: string; url: string };
  expect(asked.headers.get("location")).toBe(url);
  const job = await vi.waitUntil(
    async () => {
      const view = (await (await exportJob(request(url, tokens[who]), idParams(id))).json()) as JobView;
      return view.status === "ready" || view.status === "failed" ? view : false;
    },
    { timeout: 60_000, interval: 100 },
  );
  return job;
}

const download = (who: keyof typeof tokens, id: string) =>
  exportFile(request(`/api/v1/exports/${id}/file`, tokens[who]), idParams(id));

describe("a large export", () => {
  it("runs as a job whose file its requester downloads when ready, with the same rows an immediate export gives", async () => {
    const job = await exportAsJob("reviewer", "market=SE");
    expect(job).toMatchObject({ status: "ready", rows: 48, download: `/api/v1/exports/${job.id}/file` });
    expect(new Date(job.expiresAt!).getTime()).toBeGreaterThan(Date.now());
    const file = await download("reviewer", job.id);
    expect(file.status).toBe(200);
    const records = parse(await file.text(), { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(48);
    expect(records.every((r) => r.market === "SE")).toBe(true);
    expect(records.some((r) => r.customer_ref !== "")).toBe(true);
    // The same rows, in the same order, as the immediate export of a list under the threshold gives.
    process.env.EXPORT_JOB_THRESHOLD = "1000";
    try {
      const immediate = await exportCsv(request("/api/v1/complaints/export?market=SE", tokens.reviewer), noParams);
      expect(immediate.status).toBe(200);
      expect(parse(await immediate.text(), { columns: true })).toEqual(records);
    } finally {
      process.env.EXPORT_JOB_THRESHOLD = "25";
    }
  });

  it("is written through the personal-data gate of the requester's role", async () => {
    const job = await exportAsJob("productManager", "");
    expect(job).toMatchObject({ status: "ready", rows: TOTAL });
    const text = await (await download("productManager", job.id)).text();
    const records = parse(text, { columns: true }) as Record<string, string>[];
    expect(records.every((r) => r.customer_ref === "")).toBe(true);
    expect(text).not.toContain("anna.svensson@example.com");
    const [stored] = await db.select({ access: exportJobs.access }).from(exportJobs).where(eq(exportJobs.id, job.id));
    expect(stored?.access).toBe("masked");
  });

  it("is downloaded only by the user who asked or an admin", async () => {
    const job = await exportAsJob("reviewer", "channel=customer_service,consumer_agency");
    expect((await download("otherReviewer", job.id)).status).toBe(404);
    expect((await exportJob(request(`/api/v1/exports/${job.id}`, tokens.otherReviewer), idParams(job.id))).status).toBe(
      404,
    );
    expect((await download("leadership", job.id)).status).toBe(403);
    expect((await download("admin", job.id)).status).toBe(200);
    const bad = await exportJob(request("/api/v1/exports/not-an-id", tokens.reviewer), idParams("not-an-id"));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('"path":"id"');
  });

  it("is removed once it expires, by the cleanup the runner schedules", async () => {
    const job = await exportAsJob("reviewer", "market=SE,NO");
    await db.update(exportJobs).set({ expiresAt: sql`now() - interval '1 minute'` }).where(eq(exportJobs.id, job.id));
    expect(await cleanupExports()).toBe(1);
    const [left] = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from ${exportChunks} where job_id = ${job.id}`),
    );
    expect(left?.n).toBe(0);
    const [row] = await db.select({ status: exportJobs.status }).from(exportJobs).where(eq(exportJobs.id, job.id));
    expect(row?.status).toBe("expired");
    expect((await download("reviewer", job.id)).status).toBe(404);
  });
});

describe("an export whose runner died", () => {
  it("is sent again by a runner's sweep and written from the start", async () => {
    const job = await exportAsJob("reviewer", "market=SE,NO");
    // As a runner killed half-way leaves it: running, silent, with a piece of the file written.
    await db
      .update(exportJobs)
      .set({ status: "running", worker: "dead@host:1", heartbeatAt: sql`now() - interval '1 hour'`, rows: 7 })
      .where(eq(exportJobs.id, job.id));
    expect(await sweepExports()).toEqual([job.id]);
    // Swept once: a second sweep finds it queued and sent.
    await enqueueExport(job.id);
    expect(await sweepExports()).toEqual([]);
    const done = await vi.waitUntil(
      async () => {
        const [row] = await db.select().from(exportJobs).where(eq(exportJobs.id, job.id));
        return row?.status === "ready" ? row : false;
      },
      { timeout: 60_000, interval: 100 },
    );
    expect(done).toMatchObject({ rows: TOTAL, attempts: 2 });
    const records = parse(await (await download("reviewer", job.id)).text(), { columns: true });
    expect(records).toHaveLength(TOTAL);
  });
});

describe("an export's message", () => {
  const userNamed = async (who: string) => {
    const [user] = await db
      .select()
      .from(users)
      .where(eq(users.email, `${who}@exports.test`));
    return user!;
  };
  const messageOf = async (id: string, language: string) => {
    const view = await exportJob(request(`/api/v1/exports/${id}`, tokens.admin, language), idParams(id));
    return ((await view.json()) as { message: string | null }).message;
  };
  const listed = async (who: string, locale: "en" | "sv") => {
    const user = await userNamed(who);
    const list = await listExports({
      userId: user.id,
      role: user.role,
      name: user.name,
      email: user.email,
      label: "test",
      locale,
    });
    return list.map((e) => e.message);
  };

  it("says how many complaints were written in the reader's language", async () => {
    const job = await exportAsJob("reviewer", "market=SE");
    expect(await messageOf(job.id, "sv")).toBe("48 klagomål");
    expect(await messageOf(job.id, "en")).toBe("48 complaints");
    const [stored] = await db.select({ message: exportJobs.message }).from(exportJobs).where(eq(exportJobs.id, job.id));
    expect(stored?.message).toMatch(/^\{"phrase":/);
    expect((await listed("reviewer", "sv"))[0]).toBe("48 klagomål");
  });

  it("says why it failed in the reader's language, never the error inside", async () => {
    const leader = await userNamed("leadership");
    const [job] = await db
      .insert(exportJobs)
      .values({ requestedBy: leader.id, fileName: "complaints.csv" })
      .returning({ id: exportJobs.id });
    // Leadership reads no complaints: the runner refuses to write the file for them.
    expect(await runExportJob(job!.id, "test@host:1")).toMatchObject({ status: "failed" });
    expect(await listed("leadership", "sv")).toEqual([
      "Exporten misslyckades: beställarens roll får inte längre exportera klagomål",
    ]);
    expect(await listed("leadership", "en")).toEqual([
      "The export failed: the requester's role may no longer export complaints",
    ]);
    const refused = await exportFile(request(`/api/v1/exports/${job!.id}/file`, tokens.admin, "sv"), idParams(job!.id));
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({
      error: { message: "Exporten misslyckades: beställarens roll får inte längre exportera klagomål" },
    });
  });

  it("reads a message kept as text before as it was written", async () => {
    const leader = await userNamed("leadership");
    const [job] = await db
      .insert(exportJobs)
      .values({ requestedBy: leader.id, fileName: "old.csv", status: "failed", message: "The export failed: timeout" })
      .returning({ id: exportJobs.id });
    expect(await messageOf(job!.id, "sv")).toBe("The export failed: timeout");
    await db.delete(exportJobs).where(eq(exportJobs.id, job!.id));
  });
});

describe("a small export", () => {
  it("stays immediate", async () => {
    const before = await db.select({ id: exportJobs.id }).from(exportJobs);
    const response = await exportCsv(
      request("/api/v1/complaints/export?market=SE&channel=disputes_board", tokens.reviewer),
      noParams,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const after = await db.select({ id: exportJobs.id }).from(exportJobs);
    expect(after).toHaveLength(before.length);
  });
});
