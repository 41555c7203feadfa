import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { classifyTestFiles } from "./test/projects.mjs";

// Two projects (test/projects.mts decides which file goes where): "unit" files need no database and run once,
// sharing their workers' modules; "database" files run on PGlite and, in the PostgreSQL pass
// (`--project database` with TEST_DATABASE_URL), again on PostgreSQL, each file with modules of its own.
const files = classifyTestFiles();

export default defineConfig({
  resolve: { alias: { "@": path.dirname(fileURLToPath(import.meta.url)) } },
  test: {
    environment: "node",
    setupFiles: ["test/setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // As many files at once as the machine has cores. (Vitest's default leaves one core out: on the two-core
    // CI machine that ran one file at a time, and the PostgreSQL pass's worker mostly waited on the server.)
    maxWorkers: "100%",
    // next-auth imports `next/server` without an extension, which only a bundler resolves.
    server: { deps: { inline: ["next-auth"] } },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: files.unit,
          setupFiles: ["test/unit-setup.ts"],
          // No database, no child processes: a worker runs file after file, importing each module once
          // (35 files: 25 s of CPU in a process each, 8 s in one).
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "database",
          include: files.database,
          globalSetup: ["test/global-setup.ts"],
          // Each file still gets a fresh module graph, in a worker thread instead of a process of its own:
          // 1 s less CPU per file (8 files: 37 s in processes, 29 s in threads).
          pool: "threads",
        },
      },
    ],
  },
});
