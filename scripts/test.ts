// `npm test`: every unit and integration test (vitest), then every end-to-end test (Playwright
// against the production build), ending with one line: `N passed, N failed`.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const REPORTS = path.join(process.cwd(), ".test-reports");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function step(command: string, args: string[], extraEnv: Record<string, string> = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  return result.status ?? 1;
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

function ensureBrowser() {
  if (["/usr/bin/chromium", "/usr/bin/chromium-browser"].some((p) => existsSync(p))) return;
  console.log("No system Chromium found: installing Playwright's own build (needs internet access)…");
  step("npx", ["playwright", "install", "chromium"]);
}

rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });
const only = process.argv[2];

let passed = 0;
let failed = 0;

// Every test file runs on the embedded PGlite; the ones that need a database (vitest's "database" project,
// test/projects.mts) run again on PostgreSQL when TEST_DATABASE_URL is set.
const databases = [
  { label: "PGlite", env: { TEST_DATABASE_URL: "" }, args: [] },
  ...(process.env.TEST_DATABASE_URL
    ? [
        {
          label: "PostgreSQL",
          env: { TEST_DATABASE_URL: process.env.TEST_DATABASE_URL },
          args: ["--project", "database"],
        },
      ]
    : []),
];

if (only !== "e2e") {
  for (const database of databases) {
    console.log(`\n== Unit and integration tests on ${database.label} ==`);
    const vitestFile = path.join(REPORTS, `vitest-${database.label}.json`);
    const code = step(
      "npx",
      ["vitest", "run", ...database.args, "--reporter=default", "--reporter=json", `--outputFile.json=${vitestFile}`],
      database.env,
    );
    const report = readJson<{ numPassedTests: number; numFailedTests: number }>(vitestFile);
    passed += report?.numPassedTests ?? 0;
    failed += report ? report.numFailedTests : 1;
    // A suite that fails to load reports no failed test but a failed run: count it.
    if (report && code !== 0 && report.numFailedTests === 0) failed += 1;
  }
}

if (only !== "unit") {
  console.log(`\n== End-to-end tests on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"} ==`);
  ensureBrowser();
  const playwrightFile = path.join(REPORTS, "playwright.json");
  const code = step("npx", ["playwright", "test"], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightFile });
  const report = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(playwrightFile);
  passed += (report?.stats.expected ?? 0) + (report?.stats.flaky ?? 0);
  failed += report ? report.stats.unexpected : 1;
  if (report && code !== 0 && report.stats.unexpected === 0) failed += 1;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
