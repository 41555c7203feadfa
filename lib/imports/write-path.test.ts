import { Readable } from "node:stream";
import { asc, eq, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { rowsOf } from "@/db/rows";
import { complaints, importJobs } from "@/db/schema";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { useTestDatabase, type TestDatabase } from "@/test/db";
import type { ByteSource } from "./detect";
import { runImport, type ImportOptions } from "./engine";
import { canonicalCsv, canonicalRecord } from "./fixtures/generate";
import { seedReferenceData } from "./fixtures/reference-data";

const actor = CLI_ACTOR;
const onPostgres = !!process.env.TEST_DATABASE_URL;
let database: TestDatabase;

beforeAll(async () => {
  database = await useTestDatabase();
  await seedReferenceData(database.db);
});
afterAll(() => database.drop());

const records = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => canonicalRecord(i, prefix));

/** A CSV that arrives in pieces of `rowsPerChunk` records, `delayMs` apart, as a slow upload or disk would. */
function slowSource(rows: Record<string, string>[], rowsPerChunk: number, delayMs: number): ByteSource {
  const [header, ...lines] = canonicalCsv(rows).split(/(?<=\n)(?=[A-Z]+-\d{7},)/);
  const chunks = [header];
  for (let i = 0; i < lines.length; i += rowsPerChunk) chunks.push(lines.slice(i, i + rowsPerChunk).join(""));
  const bytes = Buffer.byteLength(chunks.join(""));
  return {
    size: bytes,
    open: () =>
      Readable.from(
        (async function* () {
          for (const chunk of chunks) {
            yield Buffer.from(chunk);
            await new Promise((resolve) => setTimeout(resolve, delayMs));
          }
        })(),
      ),
  };
}

async function stored(prefix: string) {
  return db.select().from(complaints).where(like(complaints.externalId, `${prefix}-%`)).orderBy(asc(complaints.externalId));
}

async function referencesTaken(): Promise<number> {
  const [row] = rowsOf<{ n: string }>(await db.execute(sql`select last_value as n from complaint_reference_seq`));
  return Number(row.n);
}

const run = (source: ByteSource, options: Partial<ImportOptions> = {}) => runImport(source, { actor, batchSize: 5, ...options });

describe("rows taken to be new", () => {
  it("are updated, not duplicated, when one turns out to be stored", async () => {
    const rows = records("MEET", 30);
    // Imported alone first, with another summary: the file's first batches find nothing stored, so
    // the batch holding it goes in without the lookup and meets it.
    const lone = { ...rows[17], summary: "Stored before the file" };
    expect(await run(slowSource([lone], 1, 0), { speculate: false })).toMatchObject({ status: "completed", inserted: 1 });

    const result = await run(slowSource(rows, 30, 0), { speculate: false, concurrency: 1 });
    expect(result).toMatchObject({ status: "completed", inserted: 29, updated: 1, unchanged: 0 });
    const after = await stored("MEET");
    expect(after.map((c) => c.externalId)).toEqual(rows.map((r) => r.external_id));
    expect(after[17]).toMatchObject({ summary: rows[17].summary, version: 2 });
  });
});

describe.runIf(onPostgres)("rows written while the file is checked", () => {
  it("commit once the whole file has checked out", async () => {
    const rows = records("EARLY", 60);
    const result = await run(slowSource(rows, 5, 40));
    expect(result).toMatchObject({ status: "completed", inserted: 60 });
    expect(result.writtenWhileChecking).toBeGreaterThan(0);
    expect(result.writtenWhileChecking % 5).toBe(0);
    expect((await stored("EARLY")).map((c) => c.externalId)).toEqual(rows.map((r) => r.external_id));
    const [job] = await db.select().from(importJobs).where(eq(importJobs.id, result.jobId));
    expect(job).toMatchObject({ status: "completed", rowsWritten: 60 });
  });

  it("include a row taken to be new that is stored, updated in place", async () => {
    const rows = records("EARLYMEET", 40);
    const lone = { ...rows[22], summary: "Stored before the file" };
    await run(slowSource([lone], 1, 0));
    const result = await run(slowSource(rows, 5, 40));
    expect(result).toMatchObject({ status: "completed", inserted: 39, updated: 1 });
    expect(result.writtenWhileChecking).toBeGreaterThan(0);
    const after = await stored("EARLYMEET");
    expect(after).toHaveLength(40);
    expect(after[22]).toMatchObject({ summary: rows[22].summary, version: 2 });
  });

  it("are rolled back when a later row is invalid, so nothing is written", async () => {
    const rows = records("LATEBAD", 60);
    rows[57].market = "XX";
    const before = await referencesTaken();
    const result = await run(slowSource(rows, 5, 40));
    expect(result).toMatchObject({ status: "failed", rejected: 1, writtenWhileChecking: 0 });
    expect(result.errors.map((e) => e.column)).toEqual(["market"]);
    expect(await stored("LATEBAD")).toHaveLength(0);
    // References are drawn from a sequence, which a rollback does not give back: rows had been written.
    expect(await referencesTaken()).toBeGreaterThan(before);
  });

  it("stay committed when the import then fails, and the import says so", async () => {
    const rows = records("EARLYFAIL", 60);
    // Outside a test runner an unhandled rejection ends the process: none may occur on the way.
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", listener);
    const result = await run(slowSource(rows, 5, 40), {
      onProgress: (event) => {
        if (event.phase === "writing") throw new Error("stopped by the test");
      },
    }).finally(() => process.off("unhandledRejection", listener));
    expect(unhandled).toEqual([]);
    expect(result.status).toBe("failed");
    expect(result.message).toContain("stopped by the test");
    const [job] = await db.select().from(importJobs).where(eq(importJobs.id, result.jobId));
    expect(job.rowsWritten).toBeGreaterThan(0);
    expect(await stored("EARLYFAIL")).toHaveLength(job.rowsWritten);
  });

  it("are rolled back when the import is cancelled during the check", async () => {
    // Long enough to be checked for more than two progress reports (one a second).
    const rows = records("EARLYCANCEL", 250);
    const before = await referencesTaken();
    let asked = false;
    const result = await run(slowSource(rows, 5, 60), {
      onProgress: (event) => {
        if (event.phase === "validating" && !asked) {
          asked = true;
          void db.execute(sql`update import_jobs set cancel_requested = true where status = 'running'`).then(() => undefined);
        }
      },
    });
    expect(result.status).toBe("cancelled");
    expect(result.message).toContain("nothing was written");
    expect(await stored("EARLYCANCEL")).toHaveLength(0);
    expect(await referencesTaken()).toBeGreaterThan(before);
  });
});
