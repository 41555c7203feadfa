import { Readable } from "node:stream";
import { and, asc, eq, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { rowsOf } from "@/db/rows";
import { complaints, importJobBatches, importJobs } from "@/db/schema";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import type { ByteSource } from "./detect";
import { type ImportOptions, runImport } from "./engine";
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

/** A CSV handed out whole (the file already on disk). */
function wholeSource(rows: Record<string, string>[]): ByteSource {
  const bytes = Buffer.from(canonicalCsv(rows));
  return { size: bytes.length, open: () => Readable.from([bytes]) };
}

/** Whether the job of this file has recorded the format it detected, which it does before the check reads the file. */
async function checking(fileName: string): Promise<boolean> {
  const [job] = await db
    .select({ options: importJobs.options })
    .from(importJobs)
    .where(eq(importJobs.fileName, fileName));
  return !!(job?.options as { format?: unknown } | undefined)?.format;
}

/**
 * A CSV that arrives record by record, as a slow upload does: while the import checks it, record i
 * is handed out only once `before(i)` has settled, so a test can hold the file back until it sees
 * what it waits for. (Format detection reads it first, before the job records the format, and gets
 * it at once.)
 */
function pacedSource(
  fileName: string,
  rows: Record<string, string>[],
  before: (index: number) => Promise<void>,
): ByteSource {
  const [header, ...lines] = canonicalCsv(rows).split(/(?<=\n)(?=[A-Z]+-\d{7},)/);
  return {
    size: Buffer.byteLength(header + lines.join("")),
    open: () =>
      Readable.from(
        (async function* () {
          yield Buffer.from(header!);
          const paced = await checking(fileName);
          for (let i = 0; i < lines.length; i++) {
            if (paced) await before(i);
            yield Buffer.from(lines[i]!);
          }
        })(),
      ),
  };
}

async function stored(prefix: string) {
  return db
    .select()
    .from(complaints)
    .where(like(complaints.externalId, `${prefix}-%`))
    .orderBy(asc(complaints.externalId));
}

async function referencesTaken(): Promise<number> {
  const [row] = rowsOf<{ n: string }>(await db.execute(sql`select last_value as n from complaint_reference_seq`));
  return Number(row!.n);
}

const run = (source: ByteSource, options: Partial<ImportOptions> = {}) =>
  runImport(source, { actor, batchSize: 5, ...options });

/** Holds the rest of the file back until rows have been written: the reference sequence moves on outside any transaction. */
async function untilRowsWritten(since: number) {
  await vi.waitFor(async () => expect(await referencesTaken()).toBeGreaterThan(since), {
    timeout: 10_000,
    interval: 20,
  });
}

describe("rows taken to be new", () => {
  it("are updated, not duplicated, when one turns out to be stored", async () => {
    const rows = records("MEET", 30);
    // Imported alone first, with another summary: the file's first batches find nothing stored, so
    // the batch holding it goes in without the lookup and meets it.
    const lone = { ...rows[17], summary: "Stored before the file" };
    expect(await run(wholeSource([lone]), { speculate: false })).toMatchObject({ status: "completed", inserted: 1 });

    const result = await run(wholeSource(rows), { speculate: false, concurrency: 1 });
    expect(result).toMatchObject({ status: "completed", inserted: 29, updated: 1, unchanged: 0 });
    const after = await stored("MEET");
    expect(after.map((c) => c.externalId)).toEqual(rows.map((r) => r.external_id));
    expect(after[17]).toMatchObject({ summary: rows[17]!.summary, version: 2 });
  });
});

describe.runIf(onPostgres)("rows written while the file is checked", () => {
  it("commit once the whole file has checked out", async () => {
    const rows = records("EARLY", 60);
    const before = await referencesTaken();
    const result = await run(
      pacedSource("early.csv", rows, (i) => (i === 30 ? untilRowsWritten(before) : Promise.resolve())),
      {
        fileName: "early.csv",
      },
    );
    expect(result).toMatchObject({ status: "completed", inserted: 60 });
    expect(result.writtenWhileChecking).toBeGreaterThan(0);
    expect(result.writtenWhileChecking % 5).toBe(0);
    expect((await stored("EARLY")).map((c) => c.externalId)).toEqual(rows.map((r) => r.external_id));
    const [job] = await db.select().from(importJobs).where(eq(importJobs.id, result.jobId));
    expect(job).toMatchObject({ status: "completed", rowsWritten: 60 });
  });

  it("are followed by the rest of a file too big to keep, read again after them, its repeats still found", async () => {
    // Batches of 5: a file of more than 16 batches' rows is not kept between the passes.
    const rows = records("EARLYBIG", 300);
    rows[250]!.external_id = rows[3]!.external_id!;
    const before = await referencesTaken();
    let opened = 0;
    const source = pacedSource("early-big.csv", rows, (i) => (i === 60 ? untilRowsWritten(before) : Promise.resolve()));
    const result = await run(
      {
        ...source,
        open: () => {
          opened++;
          return source.open();
        },
      },
      { fileName: "early-big.csv", skipInvalid: true },
    );
    expect(result).toMatchObject({ status: "completed", inserted: 299, rejected: 1 });
    expect(result.errors.map((e) => e.column)).toEqual(["external_id"]);
    expect(result.writtenWhileChecking).toBeGreaterThan(0);
    expect(result.writtenWhileChecking).toBeLessThan(299);
    expect(opened).toBeGreaterThanOrEqual(3);
    const kept = rows.filter((_, i) => i !== 250).map((r) => r.external_id);
    expect((await stored("EARLYBIG")).map((c) => c.externalId)).toEqual(kept.sort());
    const [job] = await db.select().from(importJobs).where(eq(importJobs.id, result.jobId));
    expect(job).toMatchObject({ status: "completed", rowsWritten: 299 });
    // A resumed job would start at the row after those written early (each record here takes two lines).
    const early = result.writtenWhileChecking;
    const [first] = await db
      .select()
      .from(importJobBatches)
      .where(and(eq(importJobBatches.jobId, result.jobId), eq(importJobBatches.batch, 0)));
    expect(first).toMatchObject({ rows: early, segmentEnd: true, nextLine: 2 * (early < 250 ? early : early + 1) + 2 });
  });

  it("include a row taken to be new that is stored, updated in place", async () => {
    const rows = records("EARLYMEET", 40);
    const lone = { ...rows[22], summary: "Stored before the file" };
    await run(wholeSource([lone]));
    // The stored row is in the second half: held back until the first batches are written, it is met
    // by a batch taken to be new.
    const before = await referencesTaken();
    const result = await run(
      pacedSource("early-meet.csv", rows, (i) => (i === 20 ? untilRowsWritten(before) : Promise.resolve())),
      {
        fileName: "early-meet.csv",
      },
    );
    expect(result).toMatchObject({ status: "completed", inserted: 39, updated: 1 });
    expect(result.writtenWhileChecking).toBeGreaterThan(0);
    const after = await stored("EARLYMEET");
    expect(after).toHaveLength(40);
    expect(after[22]).toMatchObject({ summary: rows[22]!.summary, version: 2 });
  });

  it("are rolled back when a later row is invalid, so nothing is written", async () => {
    const rows = records("LATEBAD", 60);
    rows[57]!.market = "XX";
    const before = await referencesTaken();
    // The bad row is handed out only once rows have been written.
    const result = await run(
      pacedSource("late-bad.csv", rows, (i) => (i === 57 ? untilRowsWritten(before) : Promise.resolve())),
      {
        fileName: "late-bad.csv",
      },
    );
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
    const before = await referencesTaken();
    const result = await run(
      pacedSource("early-fail.csv", rows, (i) => (i === 30 ? untilRowsWritten(before) : Promise.resolve())),
      {
        fileName: "early-fail.csv",
        onProgress: (event) => {
          if (event.phase === "writing") throw new Error("stopped by the test");
        },
      },
    ).finally(() => process.off("unhandledRejection", listener));
    expect(unhandled).toEqual([]);
    expect(result.status).toBe("failed");
    // What went wrong inside is logged; the job says only that it failed on an error of ours.
    expect(result.message).toBe("The import failed on an error of ours; it is logged with the job's id");
    const [job] = await db.select().from(importJobs).where(eq(importJobs.id, result.jobId));
    expect(job!.rowsWritten).toBeGreaterThan(0);
    expect(await stored("EARLYFAIL")).toHaveLength(job!.rowsWritten);
  });

  it("are rolled back when the import is cancelled during the check", async () => {
    const fileName = "early-cancel.csv";
    // Enough records to go on being checked, one at a time, past the next progress report.
    const rows = records("EARLYCANCEL", 10_000);
    const before = await referencesTaken();
    const job = () => db.select().from(importJobs).where(eq(importJobs.fileName, fileName));
    const result = await run(
      pacedSource(fileName, rows, async (i) => {
        if (i === 30) {
          await untilRowsWritten(before);
          // What the Cancel button does: set the flag on the job row.
          await db.update(importJobs).set({ cancelRequested: true }).where(eq(importJobs.fileName, fileName));
        }
        // Each later record is handed out after a look at the job, which notices the cancel at its next report.
        if (i > 30) await job();
      }),
      { fileName },
    );
    expect(result.status).toBe("cancelled");
    expect(result.message).toContain("nothing was written");
    expect(result.rowsRead).toBeLessThan(rows.length);
    expect(await stored("EARLYCANCEL")).toHaveLength(0);
    expect(await referencesTaken()).toBeGreaterThan(before);
  });
});
