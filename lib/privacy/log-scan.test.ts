import { sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as postComplaint } from "@/app/api/v1/complaints/route";
import { GET as errorsCsv } from "@/app/api/v1/imports/[id]/errors/route";
import { GET as getJobById } from "@/app/api/v1/imports/[id]/route";
import { GET as getJob, POST as upload } from "@/app/api/v1/imports/route";
import { db, getDatabase } from "@/db";
import { auditLog, importErrors, importJobs, users } from "@/db/schema";
import { createApiToken } from "@/lib/auth/tokens";
import { canonicalCsv, canonicalRecord } from "@/lib/imports/fixtures/generate";
import { seedReferenceData } from "@/lib/imports/fixtures/reference-data";
import { startRunner, stopRunner } from "@/lib/jobs/runner";
import { describeError, installConsoleSanitiser, logError, logger } from "@/lib/log";
import { type TestDatabase, useTestDatabase } from "@/test/db";

// Every kind of personal data; each is searched for in everything the server wrote or stored.
const PERSONAL = {
  personnummer: "811218-9876",
  mistyped: "19800101-1234",
  email: "zorro.kvist@example.se",
  card: "4111 1111 1111 1111",
  phone: "070-174 06 55",
  iban: "SE45 5000 0000 0583 9825 7466",
  customerRef: "CUST-665544",
};
const NEEDLES = [
  ...Object.values(PERSONAL),
  "8112189876",
  "800101",
  "zorro",
  "4111111111111111",
  "0701740655",
  "SE4550000000058398257466",
  "665544",
];
const NARRATIVE = `Personnummer ${PERSONAL.personnummer} (eller ${PERSONAL.mistyped}), mejl ${PERSONAL.email}, kort ${PERSONAL.card}, ring ${PERSONAL.phone}, konto ${PERSONAL.iban}, kund ${PERSONAL.customerRef}`;

const output: string[] = [];
let database: TestDatabase;
let token: string;

function hits(text: string): string[] {
  const lower = text.toLowerCase();
  return NEEDLES.filter((n) => lower.includes(n.toLowerCase()));
}

beforeAll(async () => {
  // Everything the server prints, through any door: stdout (the logger), stderr, and the console.
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    vi.spyOn(stream, "write").mockImplementation(((chunk: string | Uint8Array, ...rest: unknown[]) => {
      output.push(String(chunk));
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write);
  }
  for (const level of ["error", "warn", "log", "info"] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      output.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : JSON.stringify(a))).join(" "));
    });
  }
  installConsoleSanitiser();
  logger.level = "info";
  database = await useTestDatabase();
  await seedReferenceData(database.db);
  const [user] = await db.insert(users).values({ email: "r@logscan.test", name: "Rita", role: "reviewer" }).returning();
  token = (await createApiToken(db, user!.id, "test")).token;
  // Started imports go to the job runner, as in the web process.
  process.env.JOBS_POLL_SECONDS = "0.5";
  await startRunner("worker");
});
afterAll(async () => {
  await stopRunner();
  vi.restoreAllMocks();
  await database.drop();
});

const json = (path: string, method: string, body?: unknown) =>
  new NextRequest(`http://localhost${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const noParams = { params: Promise.resolve({}) };
const complaint = (externalId: string) => ({
  externalId,
  receivedOn: "2019-04-10",
  market: "SE",
  channel: "customer_service",
  summary: `Mejla ${PERSONAL.email}`,
  narrative: NARRATIVE,
  customerRef: PERSONAL.customerRef,
});

describe("failing requests leave no personal data in the output or stored messages", () => {
  it("a validation failure", async () => {
    const response = await postComplaint(
      json("/api/v1/complaints", "POST", { ...complaint("LOG-0"), severity: "huge", receivedOn: PERSONAL.mistyped }),
      noParams,
    );
    expect(response.status).toBe(400);
  });

  it("a constraint violation (the same external id twice)", async () => {
    expect((await postComplaint(json("/api/v1/complaints", "POST", complaint("LOG-1")), noParams)).status).toBe(201);
    const again = await postComplaint(json("/api/v1/complaints", "POST", complaint("LOG-1")), noParams);
    expect([400, 409]).toContain(again.status);
  });

  it("an outage: the database fails mid-request with the statement and its parameters in the error", async () => {
    const failure = Object.assign(
      new Error(`Failed query: insert into "complaints" ("narrative") values ($1)\nparams: ${NARRATIVE}`),
      { cause: Object.assign(new Error("Connection terminated unexpectedly"), { code: "08006" }) },
    );
    const real = getDatabase().db;
    const spy = vi.spyOn(real, "transaction").mockRejectedValueOnce(failure);
    const response = await postComplaint(json("/api/v1/complaints", "POST", complaint("LOG-2")), noParams);
    spy.mockRestore();
    // A connection that dropped is an outage: 503, and the body says so without the statement.
    expect(response.status).toBe(503);
    expect(JSON.stringify(await response.json())).not.toContain("zorro");
  });

  it("a statement the database itself rejects, quoting the value", async () => {
    const error = await db.execute(sql`select ${PERSONAL.personnummer}::int`).catch((e: unknown) => e);
    expect(describeError(error)).toMatchObject({ name: "DatabaseError", code: "22P02" });
    logError("Query failed", error, { narrative: NARRATIVE, body: { narrative: NARRATIVE } });
    console.error(error);
    console.error(`Failed to save ${NARRATIVE}`);
  });

  it("a failing import (a row dated 0000-01-01 among rows full of personal data)", async () => {
    const rows: Record<string, string>[] = Array.from({ length: 30 }, (_, i) => ({
      ...canonicalRecord(i, "LOGIMP"),
      narrative: NARRATIVE,
      customer_ref: PERSONAL.customerRef,
    }));
    rows[7]!.received_on = "0000-01-01";
    rows[9]!.product = PERSONAL.email;
    const response = await upload(
      new NextRequest("http://localhost/api/v1/imports?start=1&fileName=bad.csv", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
        body: canonicalCsv(rows),
      }),
      noParams,
    );
    expect(response.status).toBe(202);
    const { id } = await response.json();
    const idParams = { params: Promise.resolve({ id }) };
    let job: { status: string; message: string };
    for (;;) {
      job = await (await getJobById(json(`/api/v1/imports/${id}`, "GET"), idParams)).json();
      if (!["queued", "running"].includes(job.status)) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(job.status).toBe("failed");
    const errors = await db.select().from(importErrors);
    expect(errors.map((e) => e.line)).toEqual(expect.arrayContaining([9, 11]));
    output.push(JSON.stringify(job), await (await errorsCsv(json("/x", "GET"), idParams)).text());
    output.push(JSON.stringify(await (await getJob(json("/api/v1/imports", "GET"), noParams)).json()));
  });

  it("scans every captured line and every stored message: zero hits", async () => {
    const stored = [
      ...(await db.select({ m: importJobs.message }).from(importJobs)).map((r) => r.m ?? ""),
      ...(await db.select({ r: importErrors.reason }).from(importErrors)).map((r) => r.r),
      // The import's own audit entry carries its message; complaint snapshots are the record itself.
      ...(await db.select({ a: auditLog.after }).from(auditLog))
        .map((r) => JSON.stringify(r.a))
        .filter((a) => a.includes("message")),
    ];
    expect(output.join("\n").length).toBeGreaterThan(0);
    expect(output.join("\n")).toContain("Query failed");
    expect(hits(output.join("\n"))).toEqual([]);
    expect(hits(stored.join("\n"))).toEqual([]);
  });
});
