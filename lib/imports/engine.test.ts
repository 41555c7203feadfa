import { asc, eq, like, sql } from "drizzle-orm";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { complaintRootCauses, complaints, importErrors, importJobs, products, rootCauses } from "@/db/schema";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { importComplaintsFile } from "./engine";
import { scratchDir } from "./fixtures/files";
import { canonicalCsv, canonicalRecord } from "./fixtures/generate";
import { seedReferenceData } from "./fixtures/reference-data";
import { mappingConfigSchema } from "./validations";

let database: TestDatabase;
const scratch = scratchDir();
const actor = CLI_ACTOR;

beforeAll(async () => {
  database = await useTestDatabase();
  await seedReferenceData(database.db);
});
afterAll(async () => {
  await database.drop();
  scratch.cleanup();
});

const records = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => canonicalRecord(i, prefix));
// Each generated record's narrative spans two lines, so record i starts on line 2 + 2i.
const lineOf = (i: number) => 2 + 2 * i;

async function snapshot(prefix: string) {
  return db
    .select()
    .from(complaints)
    .where(like(complaints.externalId, `${prefix}-%`))
    .orderBy(asc(complaints.externalId));
}

describe("all or nothing", () => {
  it("writes nothing when three rows are bad, and names exactly those rows", async () => {
    const rows = records("BAD", 20);
    rows[3]!.received_on = "2018-02-30";
    rows[8]!.market = "XX";
    rows[15]!.summary = "x".repeat(201);
    const file = scratch.write("bad.csv", canonicalCsv(rows));

    const result = await importComplaintsFile(file, { actor });
    expect(result.status).toBe("failed");
    expect(result.rejected).toBe(3);
    expect(result.errors.map((e) => [e.line, e.column])).toEqual([
      [lineOf(3), "received_on"],
      [lineOf(8), "market"],
      [lineOf(15), "summary"],
    ]);
    expect(result.errors[0]!.reason).toContain("2018-02-30");
    expect(result.errors[1]!.reason).toContain('Unknown market "XX"');
    expect(result.errors[2]!.reason).toContain("at most 200");
    expect(await snapshot("BAD")).toHaveLength(0);
    const stored = await db
      .select()
      .from(importErrors)
      .where(eq(importErrors.jobId, result.jobId))
      .orderBy(asc(importErrors.line));
    expect(stored.map((e) => e.line)).toEqual([lineOf(3), lineOf(8), lineOf(15)]);

    const skipped = await importComplaintsFile(file, { actor, skipInvalid: true });
    expect(skipped.status).toBe("completed");
    expect(skipped.inserted).toBe(17);
    expect(skipped.rejected).toBe(3);
    const written = await snapshot("BAD");
    expect(written.map((c) => c.externalId)).not.toContain(rows[3]!.external_id);
    expect(written).toHaveLength(17);
  });

  it("dry run checks everything and writes nothing", async () => {
    const file = scratch.write("dry.csv", canonicalCsv(records("DRY", 5)));
    const result = await importComplaintsFile(file, { actor, dryRun: true });
    expect(result.status).toBe("completed");
    expect(result.message).toContain("5 rows would be written");
    expect(await snapshot("DRY")).toHaveLength(0);
  });
});

describe("idempotent re-import", () => {
  it("changes nothing the second time, and updates only what changed", async () => {
    const rows = records("IDEM", 30);
    const file = scratch.write("idem.csv", canonicalCsv(rows));
    const first = await importComplaintsFile(file, { actor, batchSize: 7 });
    expect(first).toMatchObject({ status: "completed", inserted: 30, updated: 0 });
    const before = await snapshot("IDEM");

    const again = await importComplaintsFile(file, { actor, batchSize: 7 });
    expect(again).toMatchObject({ status: "completed", inserted: 0, updated: 0, unchanged: 30 });
    expect(await snapshot("IDEM")).toEqual(before);

    rows[4]!.summary = "A corrected summary";
    rows[5]!.root_causes = "Slow refund";
    const changed = await importComplaintsFile(scratch.write("idem2.csv", canonicalCsv(rows)), { actor });
    expect(changed).toMatchObject({ inserted: 0, updated: 2, unchanged: 28 });
    const after = await snapshot("IDEM");
    expect(after[4]).toMatchObject({ summary: "A corrected summary", version: 2, reference: before[4]!.reference });
    const [slow] = await db.select().from(rootCauses).where(eq(rootCauses.name, "Slow refund"));
    const tags = await db.select().from(complaintRootCauses).where(eq(complaintRootCauses.complaintId, after[5]!.id));
    expect(tags.map((t) => t.rootCauseId)).toEqual([slow!.id]);
  });

  it("two imports of the same file at once end with each row once", async () => {
    // On PostgreSQL the batches race: one insert meets the other's rows, rolls back and runs again.
    const rows = records("RACE", 60);
    const file = scratch.write("race.csv", canonicalCsv(rows));
    const results = await Promise.all([
      importComplaintsFile(file, { actor, batchSize: 10 }),
      importComplaintsFile(file, { actor, batchSize: 10 }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["completed", "completed"]);
    expect(results[0].inserted + results[1].inserted).toBe(60);
    expect(results[0].inserted + results[0].unchanged).toBe(60);
    const stored = await snapshot("RACE");
    expect(stored.map((c) => c.externalId)).toEqual(rows.map((r) => r.external_id).sort());
    expect(new Set(stored.map((c) => c.reference)).size).toBe(60);
  });

  it("leaves fields the file does not carry alone", async () => {
    const rows = records("KEEP", 2);
    await importComplaintsFile(scratch.write("keep.csv", canonicalCsv(rows)), { actor });
    await db.update(complaints).set({ status: "triaged" }).where(like(complaints.externalId, "KEEP-%"));
    const narrow =
      "external_id,received_on,market,channel,summary\n" +
      rows.map((r) => [r.external_id, r.received_on, r.market, r.channel, r.summary].join(",")).join("\n");
    const result = await importComplaintsFile(scratch.write("keep2.csv", narrow), { actor });
    expect(result).toMatchObject({ status: "completed", unchanged: 2 });
    expect((await snapshot("KEEP")).map((c) => c.status)).toEqual(["triaged", "triaged"]);
  });
});

describe("reading files", () => {
  it("resolves products by alias, categories as Parent > Child and root causes", async () => {
    const file = scratch.write("refs.csv", canonicalCsv(records("REF", 4)));
    await importComplaintsFile(file, { actor });
    const [row] = await snapshot("REF");
    const [account] = await db.select().from(products).where(eq(products.name, "Klarna delbetalningskonto"));
    expect(row!.productId).toBe(account!.id);
    expect(row!.categoryId).not.toBeNull();
    const tags = await db.select().from(complaintRootCauses).where(eq(complaintRootCauses.complaintId, row!.id));
    expect(tags).toHaveLength(2);
    expect(tags.filter((t) => t.primary)).toHaveLength(1);
  });

  it("reads Windows-1252 with ; and skips junk lines before the header", async () => {
    const rows = records("WIN", 3);
    rows[0]!.summary = "Förfallodatum missat – påminnelseavgift €";
    rows[1]!.narrative = 'Kunden skrev: "Jag förstod inte"; sedan ringde hon';
    const text = "Exported from the old tool\r\n\r\n" + canonicalCsv(rows, ";").replace(/\n/g, "\r\n");
    const file = scratch.write("win.csv", iconv.encode(text, "win1252"));
    const result = await importComplaintsFile(file, { actor });
    expect(result.format).toMatchObject({ encoding: "windows-1252", delimiter: ";", headerLine: 3 });
    expect(result.inserted).toBe(3);
    const stored = await snapshot("WIN");
    expect(stored[0]!.summary).toBe(rows[0]!.summary);
    expect(stored[1]!.narrative).toBe(rows[1]!.narrative.replace(/\n/g, "\r\n"));
  });

  it("reads UTF-8 with a BOM and tabs", async () => {
    const file = scratch.write("bom.tsv", "\uFEFF" + canonicalCsv(records("BOM", 2), "\t"));
    const result = await importComplaintsFile(file, { actor });
    expect(result.format).toMatchObject({ encoding: "utf-8", bom: true, delimiter: "\t" });
    expect(result.inserted).toBe(2);
  });

  it("keeps a field of more than 30,000 characters byte for byte", async () => {
    const rows = records("LONG", 2);
    const long =
      Array.from({ length: 700 }, (_, i) => `Rad ${i}: "citat", komma; och åäö.\n`).join("") + "x".repeat(8000);
    expect(long.length).toBeGreaterThan(30_000);
    rows[1]!.narrative = long;
    const result = await importComplaintsFile(scratch.write("long.csv", canonicalCsv(rows)), { actor });
    expect(result.inserted).toBe(2);
    const stored = await snapshot("LONG");
    expect(stored[1]!.narrative).toBe(long);
  });

  it("reads dates in a mapping's explicit format, and only in that format", async () => {
    const text = "id;datum;land;rubrik\nD-1;18.03.2019;SE;Sen faktura\nD-2;2019-03-18;SE;Sen faktura\n";
    const mapping = mappingConfigSchema.parse({
      source: "oldtool",
      columns: { id: "external_id", datum: "received_on", land: "market", rubrik: "summary" },
      constants: { channel: "customer_service" },
      dateFormat: "DD.MM.YYYY",
    });
    const result = await importComplaintsFile(scratch.write("dates.csv", text), { actor, mapping, skipInvalid: true });
    expect(result.inserted).toBe(1);
    expect(result.errors).toMatchObject([
      { line: 3, column: "datum", reason: '"2019-03-18" is not a date in the form DD.MM.YYYY' },
    ]);
    const [row] = await db.select().from(complaints).where(sql`${complaints.source} = 'oldtool'`);
    expect(row).toMatchObject({ externalId: "D-1", receivedOn: "2019-03-18", channel: "customer_service" });
  });

  it("fails clearly when a required column is missing", async () => {
    const result = await importComplaintsFile(scratch.write("cols.csv", "external_id,market\nA,SE\n"), { actor });
    expect(result.status).toBe("failed");
    expect(result.message).toContain("received_on, channel, summary");
    const [job] = await db.select().from(importJobs).where(eq(importJobs.id, result.jobId));
    expect(job!.status).toBe("failed");
  });

  it("reports a row with the wrong number of fields and a repeated external id", async () => {
    const text =
      "external_id,received_on,market,channel,summary\nR-1,2019-01-02,SE,customer_service,One\nR-2,2019-01-02,SE\nR-1,2019-01-03,SE,customer_service,Again\n";
    const result = await importComplaintsFile(scratch.write("ragged.csv", text), { actor });
    expect(result.errors.map((e) => [e.line, e.column])).toEqual([
      [3, null],
      [4, "external_id"],
    ]);
    expect(result.errors[1]!.reason).toContain("line 2");
  });

  it("names a row holding a NUL character, which the database cannot store, and writes nothing", async () => {
    const rows = records("NUL", 4);
    rows[2]!.narrative = "Before\u0000after";
    const result = await importComplaintsFile(scratch.write("nul.csv", canonicalCsv(rows)), { actor });
    expect(result).toMatchObject({ status: "failed", rejected: 1 });
    expect(result.errors).toMatchObject([
      { line: lineOf(2), column: "narrative", reason: "Contains a NUL character, which cannot be stored" },
    ]);
    expect(await snapshot("NUL")).toHaveLength(0);
  });
});
