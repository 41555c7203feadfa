import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { classifyTestFiles } from "./test/projects.mjs";

// Two projects (test/projects.ts decides which file goes where): "unit" files need no database and run once,
// all in one process; "database" files run on PGlite and, in the PostgreSQL pass (`--project database` with
// TEST_DATABASE_URL), again on PostgreSQL, each file in a process of its own.
const files = classifyTestFiles();

export default defineConfig({
  resolve: { alias: { "@": path.dirname(fileURLToPath(import.meta.url)) } },
  test: {
    environment: "node",
    setupFiles: ["test/setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // next-auth imports `next/server` without an extension, which only a bundler resolves.
    server: { deps: { inline: ["next-auth"] } },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: files.unit,
          setupFiles: ["test/unit-setup.ts"],
          // No database, no child processes: one process runs them all, importing each module once
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
        },
      },
    ],
  },
});
