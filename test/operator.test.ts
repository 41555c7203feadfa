import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { assertLocalDatabase } from "./db";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "..");

/** The `npm run cli -- …` lines of the README's "Running on PostgreSQL", exactly as written there. */
function readmeCommands(): string[] {
  const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Running on PostgreSQL"));
  const block = section.slice(section.indexOf("```sh") + 5, section.indexOf("```", section.indexOf("```sh") + 5));
  return block
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.startsWith("npm run cli -- "));
}

/** Runs the commands one after another, each its own process (as an operator types them), in bash. */
async function runAll(env: NodeJS.ProcessEnv): Promise<Map<string, string>> {
  const outputs = new Map<string, string>();
  for (const command of readmeCommands()) {
    const { stdout } = await run("bash", ["-c", command], { cwd: ROOT, env, maxBuffer: 16 * 1024 * 1024 }).catch(
      (error: { stdout?: string; stderr?: string; message: string }) => {
        throw new Error(`${command} failed:\n${error.stderr ?? ""}\n${error.stdout ?? ""}\n${error.message}`);
      },
    );
    outputs.set(command, stdout);
  }
  return outputs;
}

const output = (outputs: Map<string, string>, prefix: string) =>
  [...outputs].find(([command]) => command.startsWith(`npm run cli -- ${prefix}`))?.[1] ?? "";

function checkFigures(outputs: Map<string, string>) {
  // January 4 complaints on 100,000 purchases, February 3 on 80,000, March 5 on 125,000.
  const csv = output(outputs, "metric --market");
  // npm prints its own two-line banner before the command's output.
  expect(csv.slice(csv.indexOf("market,month")).trim().split("\n")).toEqual([
    "market,month,complaints,purchases,per_million",
    "SE,2025-01,4,100000,40",
    "SE,2025-02,3,80000,37.5",
    "SE,2025-03,5,125000,40",
  ]);
  const published = output(outputs, "metric publish");
  expect(published).toContain("Published SE 2025-01: 4 complaints, 100000 purchases, 40.00 per million");
  expect(published).toContain("Published SE 2025-02: 3 complaints, 80000 purchases, 37.50 per million");
  expect(published).toContain("Published SE 2025-03: 5 complaints, 125000 purchases, 40.00 per million");
  expect(published).toContain("3 months published");
  expect(output(outputs, "db seed --reference")).toContain("9 root causes");
  expect(output(outputs, "import complaints")).toContain("created products: Delbetalning, Faktura");
}

const env = (extra: Record<string, string>): NodeJS.ProcessEnv => {
  const { DATABASE_URL: _url, PGLITE_DIR: _dir, ...rest } = process.env;
  return { ...rest, ...extra };
};

describe("the operator's path in the README", () => {
  it("lists the whole path: migrate, admin, market, starter taxonomy, imports, metric, publish", () => {
    const words = readmeCommands().map((c) => c.split(" ").slice(4, 6).join(" "));
    expect(words).toEqual([
      "db migrate",
      "user create",
      "market create",
      "db seed",
      "import purchases",
      "import complaints",
      "metric --market",
      "metric publish",
    ]);
  });

  // The embedded path does not depend on TEST_DATABASE_URL: it runs once, in the PGlite pass of the suite.
  it.skipIf(!!process.env.TEST_DATABASE_URL)(
    "reaches a published, correct month on embedded PGlite (one process at a time)",
    {
      timeout: 600_000,
    },
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), "operator-"));
      try {
        checkFigures(await runAll(env({ PGLITE_DIR: dir })));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    "reaches a published, correct month on a fresh PostgreSQL database",
    { timeout: 600_000 },
    async () => {
      const server = process.env.TEST_DATABASE_URL!;
      assertLocalDatabase(server);
      const name = `operator_${Date.now()}_${randomBytes(4).toString("hex")}`;
      const admin = postgres(server, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database "${name}"`);
      try {
        const url = new URL(server);
        url.pathname = `/${name}`;
        checkFigures(await runAll(env({ DATABASE_URL: url.toString() })));
        const db = postgres(url.toString(), { max: 1, onnotice: () => {} });
        const rows = await db`select month, complaints, purchases from publications order by month`;
        await db.end();
        expect(rows.map((r) => [r.month, r.complaints, Number(r.purchases)])).toEqual([
          ["2025-01", 4, 100000],
          ["2025-02", 3, 80000],
          ["2025-03", 5, 125000],
        ]);
      } finally {
        await admin.unsafe(`drop database if exists "${name}" with (force)`);
        await admin.end();
      }
    },
  );
});
