import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { importErrors, importJobs, markets } from "@/db/schema";
import { CLI_ACTOR } from "@/lib/auth/actor";
import type { Locale } from "@/lib/i18n/locales";
import { run } from "@/lib/operations";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import { importComplaintsFile } from "./engine";
import { scratchDir } from "./fixtures/files";
import { getImportJob, getImportJobErrors, startImportJob } from "./job-operations";
import { storedPhrase } from "./stored-words";

// A job's row problems are kept as what they say: a Swedish reviewer and an English admin read the
// same job, each in their own language.

let database: TestDatabase;
const scratch = scratchDir();
const as = (locale: Locale) => ({ ...CLI_ACTOR, label: "test", locale });

beforeAll(async () => {
  database = await useTestDatabase();
  await db.insert(markets).values({ code: "SE", name: "Sverige", searchLanguage: "swedish" });
});
afterAll(async () => {
  await database.drop();
  scratch.cleanup();
});

const FILE = [
  "external_id,received_on,market,channel,summary",
  "LG-1,2024-02-30,SE,customer_service,Fakturan kom aldrig",
  "LG-2,2024-03-02,NO,customer_service,Betalingen ble ikke registrert",
].join("\n");

async function problems(jobId: string, locale: Locale) {
  const result = await run(as(locale), getImportJobErrors, { jobId });
  if (!("data" in result)) throw new Error(result.error.message);
  return result.data.errors.map((e) => `${e.line} ${e.column}: ${e.reason}`);
}

async function jobMessage(jobId: string, locale: Locale) {
  const found = await run(as(locale), getImportJob, { jobId });
  return "data" in found ? found.data.message : found.error.message;
}

describe("an import's problems in the reader's language", () => {
  it("words each row problem for whoever reads the job", async () => {
    const result = await importComplaintsFile(scratch.write("language.csv", FILE), { actor: CLI_ACTOR });
    expect(result.status).toBe("failed");
    // The command line reads the English words at once.
    expect(result.errors.map((e) => e.reason)).toEqual([
      '"2024-02-30" is not a date in the form YYYY-MM-DD',
      'Unknown market "NO" (import with --create-missing (“Create what is missing”) to create it)',
    ]);
    expect(await problems(result.jobId, "sv")).toEqual([
      "2 received_on: ”2024-02-30” är inte ett datum i formatet YYYY-MM-DD",
      "3 market: Okänd marknad ”NO” (importera med --create-missing (”Skapa det som saknas”) för att skapa den)",
    ]);
    expect(await problems(result.jobId, "en")).toEqual([
      '2 received_on: "2024-02-30" is not a date in the form YYYY-MM-DD',
      '3 market: Unknown market "NO" (import with --create-missing (“Create what is missing”) to create it)',
    ]);
  });

  it("says how a job ended in the reader's language, with what it created", async () => {
    const file = [
      "external_id,received_on,market,channel,summary,product",
      "LG-10,2024-03-01,SE,customer_service,Fakturan kom aldrig,Faktura",
      "LG-11,2024-03-02,DK,customer_service,Betalingen blev ikke registreret,Faktura",
    ].join("\n");
    const result = await importComplaintsFile(scratch.write("outcome.csv", file), {
      actor: CLI_ACTOR,
      createMissing: true,
    });
    expect(result.status).toBe("completed");
    // The command line and the audit read English at once; the job keeps the words to be said.
    expect(result.message).toBe(
      "Imported 2 rows: 2 added, 0 updated, 0 unchanged; created markets: DK (Denmark, danish); products: Faktura",
    );
    const read = (locale: Locale) => jobMessage(result.jobId, locale);
    expect(await read("en")).toBe(result.message);
    expect(await read("sv")).toBe(
      "Importerade 2 rader: 2 nya, 0 uppdaterade, 0 oförändrade; skapade marknader: DK (Denmark, danish); produkter: Faktura",
    );
    const [stored] = await db
      .select({ message: importJobs.message })
      .from(importJobs)
      .where(eq(importJobs.id, result.jobId));
    expect(stored?.message).toMatch(/^\{"outcome":/);
  });

  it("says why a file cannot be read in the reader's language, never csv-parse's English", async () => {
    // Past the rows the format is detected from, a quote that never closes.
    const file = [
      "external_id,received_on,market,channel,summary",
      ...Array.from({ length: 45 }, (_, i) => `LG-${100 + i},2024-03-01,SE,customer_service,Fakturan kom aldrig`),
      'LG-200,2024-03-02,SE,customer_service,"Aldrig stängd',
      "LG-201,2024-03-03,SE,customer_service,Betalningen",
    ].join("\n");
    const result = await importComplaintsFile(scratch.write("unclosed.csv", file), { actor: CLI_ACTOR });
    expect(result.status).toBe("failed");
    expect(result.message).toBe(
      "The file cannot be read at line 48: a quoted field is never closed: a quote opens it and none closes it before the end of the file",
    );
    const read = (locale: Locale) => jobMessage(result.jobId, locale);
    expect(await read("sv")).toBe(
      "Filen kan inte läsas på rad 48: ett fält inom citattecken avslutas aldrig: ett citattecken öppnar det men inget stänger det före filens slut",
    );
    expect(await problems(result.jobId, "sv")).toEqual([
      "48 null: Filen kan inte läsas här: ett fält inom citattecken avslutas aldrig: ett citattecken öppnar det men inget stänger det före filens slut",
    ]);
  });

  it("reads problems and messages kept as words before as they were written", async () => {
    const [job] = await db
      .insert(importJobs)
      .values({
        kind: "complaints",
        fileName: "old.csv",
        status: "failed",
        message: storedPhrase("importRules.commandLineStopped"),
      })
      .returning();
    await db.insert(importErrors).values({ jobId: job!.id, line: 2, column: "market", reason: "Is required" });
    expect(await problems(job!.id, "sv")).toEqual(["2 market: Is required"]);
    const read = (locale: Locale) => jobMessage(job!.id, locale);
    expect(await read("sv")).toMatch(/^Importen via kommandoraden avbröts/);
    expect(await read("en")).toMatch(/^The command-line import stopped before the end/);
  });

  it("refuses in the reader's language", async () => {
    const missing = crypto.randomUUID();
    expect(await run(as("sv"), getImportJob, { jobId: missing })).toMatchObject({
      error: { code: "not_found", message: "Importjobbet hittades inte" },
    });
    expect(await run(as("en"), getImportJob, { jobId: "nope" })).toMatchObject({
      fieldErrors: { jobId: ["Not an import job id"] },
    });
    expect(await run(as("sv"), getImportJob, { jobId: "nope" })).toMatchObject({
      fieldErrors: { jobId: ["Inget giltigt id för ett importjobb"] },
    });
    const [job] = await db.insert(importJobs).values({ kind: "complaints", fileName: "x.csv" }).returning();
    const start = (locale: Locale) =>
      run(as(locale), startImportJob, { jobId: job!.id, config: { columns: {} }, saveMapping: true });
    expect(await start("sv")).toMatchObject({
      error: { message: "Namnge mappningen för att spara den" },
      fieldErrors: { mappingName: ["Ge mappningen ett namn"] },
    });
    expect(await start("en")).toMatchObject({
      error: { message: "Name the mapping to save it" },
      fieldErrors: { mappingName: ["Give the mapping a name"] },
    });
  });
});
