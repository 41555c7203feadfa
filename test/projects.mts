// Which vitest project each test file belongs to (vitest.config.mts). A file that needs a database runs in
// the "database" project, on PGlite and again on PostgreSQL; every other file in the "unit" project, once,
// where the database module refuses to open anything (test/unit-setup.ts), so a file misfiled here fails
// loudly instead of silently losing its PostgreSQL run.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const TEST_ROOTS = ["lib", "db", "cli", "test", "bench"];

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TEST_DB = path.join(ROOT, "test", "db");

// Statements that load a module: `import … from "x"`, `export … from "x"`, `import "x"`, `import("x")`.
const SPECIFIER = /(?:^\s*(?:import|export)\b[^;]*?\bfrom\s*|^\s*import\s*|\bimport\s*\(\s*)["']([^"']+)["']/gm;
// A file that reads the PostgreSQL URL itself (its own connection, a child process's, a skip on one pass).
const READS_DATABASE_URL = /\bprocess\.env(?:\.TEST_DATABASE_URL\b|\[\s*["']TEST_DATABASE_URL["']\s*\])/;

/** Whether the test file at `file` (relative to the project's root) with this source needs a database. */
export function needsDatabase(file: string, source: string): boolean {
  if (READS_DATABASE_URL.test(source)) return true;
  for (const [, specifier] of source.matchAll(SPECIFIER)) {
    if (!specifier) continue;
    const target = specifier.startsWith("@/")
      ? path.join(ROOT, specifier.slice(2))
      : specifier.startsWith(".")
        ? path.resolve(ROOT, path.dirname(file), specifier)
        : undefined;
    if (target && target.replace(/\.ts$/, "") === TEST_DB) return true;
  }
  return false;
}

function testFilesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".test.ts"))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.split(path.sep).includes("node_modules"));
}

/** Every test file, relative to the project's root, split by whether it needs a database. */
export function classifyTestFiles(): { database: string[]; unit: string[] } {
  const database: string[] = [];
  const unit: string[] = [];
  for (const file of TEST_ROOTS.flatMap(testFilesUnder).sort()) {
    (needsDatabase(file, readFileSync(path.join(ROOT, file), "utf8")) ? database : unit).push(file);
  }
  return { database, unit };
}
