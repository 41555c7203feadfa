import { describe, expect, it } from "vitest";
import { getDatabase } from "@/db";
import { openDatabase } from "@/db/client";
import { classifyTestFiles, needsDatabase } from "./projects.mjs";
import { UNIT_DATABASE_REFUSAL } from "./unit-setup";

// Samples are put together here so that this file's own source does not read as one that needs a database.
const importOf = (names: string, specifier: string) => ["import", `{ ${names} }`, "from", `"${specifier}";`].join(" ");
const dynamicImportOf = (names: string, specifier: string) => `const { ${names} } = await import("${specifier}");`;
const envRead = (access: string) => `const url = process.env${access};`;
const URL_NAME = ["TEST", "DATABASE", "URL"].join("_");

describe("which project a test file runs in", () => {
  it("puts a file that imports the test database helper, by alias or relative path, in the database project", () => {
    expect(needsDatabase("lib/x/a.test.ts", importOf("useTestDatabase", "@/test/db"))).toBe(true);
    expect(needsDatabase("lib/x/a.test.ts", importOf("useTestDatabase", "../../test/db"))).toBe(true);
    expect(needsDatabase("test/a.test.ts", importOf("assertLocalDatabase", "./db"))).toBe(true);
    expect(needsDatabase("test/a.test.ts", dynamicImportOf("useTestDatabase", "./db.ts"))).toBe(true);
    expect(needsDatabase("lib/x/a.test.ts", `${importOf("a", "@/lib/x/a")}\n${importOf("b", "@/test/db")}`)).toBe(true);
  });

  it("puts a file that reads the PostgreSQL URL in the database project", () => {
    expect(needsDatabase("db/a.test.ts", envRead(`.${URL_NAME}`))).toBe(true);
    expect(needsDatabase("db/a.test.ts", envRead(`["${URL_NAME}"]`))).toBe(true);
  });

  it("keeps every other file in the unit project, even one that imports the app's db modules or names them", () => {
    expect(needsDatabase("lib/x/a.test.ts", importOf("db", "@/db"))).toBe(false);
    expect(needsDatabase("lib/x/a.test.ts", importOf("users", "@/db/schema"))).toBe(false);
    // "./db" next to a file outside test/ is another module than the test database helper.
    expect(needsDatabase("lib/x/a.test.ts", importOf("thing", "./db"))).toBe(false);
    expect(needsDatabase("lib/x/a.test.ts", `const note = "see test/db";`)).toBe(false);
  });

  it("files every test file in exactly one project, this one with the unit files", () => {
    const { database, unit } = classifyTestFiles();
    expect(database.filter((file) => unit.includes(file))).toEqual([]);
    expect(unit).toContain("test/projects.test.ts");
    expect(unit).toContain("lib/format/format.test.ts");
    expect(database).toContain("lib/complaints/write.test.ts");
    expect(database).toContain("db/client.test.ts");
    expect(database.length).toBeGreaterThan(0);
  });
});

describe("a unit test that opens a database", () => {
  it("fails, naming the way into the database project", async () => {
    expect(() => openDatabase({ dir: "memory://" })).toThrow(UNIT_DATABASE_REFUSAL);
    expect(() => getDatabase()).toThrow(UNIT_DATABASE_REFUSAL);
    const { PGlite } = await import("@electric-sql/pglite");
    expect(() => new PGlite("memory://")).toThrow(UNIT_DATABASE_REFUSAL);
    expect(() => PGlite.create("memory://")).toThrow(UNIT_DATABASE_REFUSAL);
    const postgres = (await import("postgres")).default;
    expect(() => postgres("postgres://127.0.0.1/none")).toThrow(UNIT_DATABASE_REFUSAL);
  });
});
