import { parse } from "csv-parse/sync";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { complaints } from "@/db/schema";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { parseComplaintFilters } from "@/lib/complaints/filters";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { importComplaintsFile } from "./engine";
import { type ExportOptions, exportComplaintsCsv } from "./export";
import { scratchDir } from "./fixtures/files";
import { canonicalCsv, canonicalRecord } from "./fixtures/generate";
import { seedReferenceData } from "./fixtures/reference-data";

let database: TestDatabase;
const scratch = scratchDir();

beforeAll(async () => {
  database = await useTestDatabase();
  await seedReferenceData(database.db);
  const rows = Array.from({ length: 23 }, (_, i) => canonicalRecord(i, "EXP"));
  rows[0]!.narrative = '=HYPERLINK("http://evil.example","click")';
  rows[1]!.summary = "-5 kr dragits två gånger";
  rows[2]!.narrative = "Mejla mig på anna.svensson@example.com, tack";
  rows[4]!.excluded_reason = "test";
  const result = await importComplaintsFile(scratch.write("seed.csv", canonicalCsv(rows)), { actor: CLI_ACTOR });
  expect(result.inserted).toBe(23);
  // Stored text that itself starts with a quote before a formula character (an import would have taken one off).
  await db.update(complaints).set({ narrative: "'=already quoted" }).where(eq(complaints.externalId, "EXP-0000003"));
});
afterAll(async () => {
  await database.drop();
  scratch.cleanup();
});

async function exportText(query = "", options: Partial<ExportOptions> = {}) {
  let text = "";
  for await (const chunk of exportComplaintsCsv(parseComplaintFilters(new URLSearchParams(query)), {
    access: "full",
    excel: false,
    batchSize: 5,
    ...options,
  })) {
    text += chunk;
  }
  return text;
}

const snapshot = () => db.select().from(complaints).orderBy(asc(complaints.externalId));

describe("export", () => {
  it("round-trips: exporting and importing back changes nothing", async () => {
    const before = await snapshot();
    const text = await exportText();
    const records = parse(text, { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(23);

    const back = await importComplaintsFile(scratch.write("export.csv", text), { actor: CLI_ACTOR });
    expect(back).toMatchObject({ status: "completed", inserted: 0, updated: 0, unchanged: 23 });
    expect(await snapshot()).toEqual(before);
    expect(await exportText()).toBe(text);
  });

  it("neutralises formula cells and still imports them back as they were", async () => {
    const records = parse(await exportText(), { columns: true }) as Record<string, string>[];
    const byId = new Map(records.map((r) => [r.external_id, r]));
    expect(byId.get("EXP-0000000")!.narrative).toBe('\'=HYPERLINK("http://evil.example","click")');
    expect(byId.get("EXP-0000001")!.summary).toBe("'-5 kr dragits två gånger");
    expect(byId.get("EXP-0000003")!.narrative).toBe("''=already quoted");
    const [first] = await db.select().from(complaints).orderBy(asc(complaints.externalId)).limit(1);
    expect(first!.narrative).toBe('=HYPERLINK("http://evil.example","click")');
  });

  it("writes ; and a BOM for Excel, which imports back too", async () => {
    const text = await exportText("", { excel: true });
    expect(text.startsWith("\uFEFFexternal_id;received_on;")).toBe(true);
    const back = await importComplaintsFile(scratch.write("excel.csv", text), { actor: CLI_ACTOR });
    expect(back).toMatchObject({ status: "completed", unchanged: 23 });
  });

  it("exports only what the filters select", async () => {
    const records = parse(await exportText("market=NO&status=new"), { columns: true }) as Record<string, string>[];
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((r) => r.market === "NO")).toBe(true);
    const one = parse(await exportText("externalId=EXP-0000007"), { columns: true }) as Record<string, string>[];
    expect(one.map((r) => r.external_id)).toEqual(["EXP-0000007"]);
  });

  it("redacts personal data for product managers", async () => {
    const records = parse(await exportText("", { access: "masked" }), { columns: true }) as Record<string, string>[];
    const mail = records.find((r) => r.external_id === "EXP-0000002")!;
    expect(mail.narrative).toBe("Mejla mig på [email], tack");
    expect(records.every((r) => r.customer_ref === "")).toBe(true);
  });
});
