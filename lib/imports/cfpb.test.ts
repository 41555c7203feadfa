import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { rowsOf } from "@/db/rows";
import { auditLog, complaints, markets } from "@/db/schema";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { importComplaintsFile } from "./engine";
import { CFPB_LARGE, CFPB_NARRATIVES } from "./fixtures/files";
import { seedReferenceData } from "./fixtures/reference-data";
import { getMappingByName } from "./mappings";

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase();
  await seedReferenceData(database.db);
});
afterAll(() => database.drop());

/** The source file read independently of the engine: complaint id → { date, narrative }. */
function sourceRecords(file: string, fromLine: number) {
  const rows = parse(readFileSync(file), { columns: true, from_line: fromLine, bom: true }) as Record<string, string>[];
  return rows.map((r) => ({
    id: r["Complaint ID"]!,
    date: r["Date received"]!,
    narrative: r["Consumer complaint narrative"],
  }));
}

function perMonth(dates: string[]) {
  const out: Record<string, number> = {};
  for (const d of dates) out[d.slice(0, 7)] = (out[d.slice(0, 7)] ?? 0) + 1;
  return out;
}

async function storedPerMonth(ids: string[]) {
  const result = await db.execute(sql`
    select to_char(received_on, 'YYYY-MM') as month, count(*)::int as n from complaints
    where source = 'cfpb' and external_id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))
    group by 1`);
  return Object.fromEntries(rowsOf<{ month: string; n: number }>(result).map((r) => [r.month, r.n]));
}

async function cfpbSnapshot() {
  return db.select().from(complaints).where(eq(complaints.source, "cfpb")).orderBy(asc(complaints.externalId));
}

describe.each([
  { file: CFPB_LARGE, fromLine: 3, count: 6623 },
  { file: CFPB_NARRATIVES, fromLine: 1, count: 191 },
])("CFPB export $count", ({ file, fromLine, count }) => {
  it("imports every record through the saved CFPB mapping, narratives byte-equal", async () => {
    const mapping = await getMappingByName("CFPB");
    const source = sourceRecords(file, fromLine);
    expect(source).toHaveLength(count);

    const result = await importComplaintsFile(file, {
      actor: CLI_ACTOR,
      mapping: mapping.config,
      mappingName: mapping.name,
    });
    expect(result.status).toBe("completed");
    expect(result.rejected).toBe(0);
    expect(result.inserted + result.unchanged).toBe(count);
    expect(result.format?.headerLine).toBe(fromLine);

    const ids = source.map((r) => r.id);
    expect(await storedPerMonth(ids)).toEqual(perMonth(source.map((r) => r.date)));

    const stored = new Map((await cfpbSnapshot()).map((c) => [c.externalId, c]));
    for (const record of source) {
      const row = stored.get(record.id);
      expect(row, record.id).toBeDefined();
      expect(row!.narrative).toBe(record.narrative === "" ? null : record.narrative);
      expect(row!.market).toBe("US");
      expect(row!.channel).toBe("consumer_agency");
    }
  });

  it("gives the same database when imported again", async () => {
    const mapping = await getMappingByName("CFPB");
    const before = await cfpbSnapshot();
    const again = await importComplaintsFile(file, { actor: CLI_ACTOR, mapping: mapping.config });
    expect(again).toMatchObject({ status: "completed", inserted: 0, updated: 0, unchanged: count });
    expect(await cfpbSnapshot()).toEqual(before);
  });
});

describe("market created by the mapping", () => {
  it("creates US once, audited", async () => {
    const us = await db.select().from(markets).where(eq(markets.code, "US"));
    expect(us).toEqual([{ code: "US", name: "United States", searchLanguage: "english", active: true }]);
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, "market.create"));
    expect(audits).toHaveLength(1);
    const runs = await db.select().from(auditLog).where(eq(auditLog.action, "import.run"));
    expect(runs.length).toBeGreaterThanOrEqual(4);
  });
});
