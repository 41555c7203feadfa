import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { writeCanonicalFile } from "@/lib/imports/fixtures/generate";
import { startOwnServer, startWebImportAsReviewer, stopProcess } from "./support/own-server";

// JOBS_IN_WEB=false: a web server that runs no jobs, and a separate `npm run worker` process on the
// same PostgreSQL database that runs what the web server queues. A server of its own, 40 ports up (the
// ports next to E2E_PORT are other runs' servers and the restart journey's), with its own database,
// dropped at the end. PostgreSQL only: the embedded database has one process, the web server.
const serverUrl = process.env.TEST_DATABASE_URL;
const port = Number(process.env.E2E_PORT ?? 3100) + 40;
const base = `http://127.0.0.1:${port}`;
const databaseName = `${serverUrl ? new URL(serverUrl).pathname.slice(1).replace(/[^a-zA-Z0-9_]/g, "_") || "test" : "test"}_e2e_${port}`;
const ROWS = 20_000;
const shots = (name: string) => path.join("test-results", "jobs", `${name}.png`);
const scratch = mkdtempSync(path.join(tmpdir(), "worker-"));
const processes: ChildProcess[] = [];

function databaseUrl() {
  const url = new URL(serverUrl!);
  url.pathname = `/${databaseName}`;
  return url.toString();
}

async function dropDatabase() {
  const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${databaseName}" with (force)`);
  await admin.end();
}

test.describe("imports with JOBS_IN_WEB=false and a separate worker", () => {
  test.skip(!serverUrl, "A separate worker needs PostgreSQL (TEST_DATABASE_URL)");
  test.use({ baseURL: base, extraHTTPHeaders: { Origin: base } });

  test.beforeAll(async () => {
    // Its own database migrated and seeded before the server answers (see startOwnServer).
    test.setTimeout(540_000);
    await dropDatabase();
    processes.push(await startOwnServer(port, { JOBS_IN_WEB: "false" }));
  });

  test.afterAll(async () => {
    for (const child of processes.reverse()) await stopProcess(child);
    await dropDatabase();
    rmSync(scratch, { recursive: true, force: true });
  });

  test("a reviewer's web import waits for the worker, which runs it to the end", async ({ page }) => {
    test.setTimeout(600_000);
    // The web process runs no jobs, and no worker is up yet.
    const before = await (await page.request.get(`${base}/api/health`)).json();
    expect(before.jobs).toMatchObject({ ready: false, inThisProcess: false, runners: 0 });

    const file = path.join(scratch, "worker.csv");
    await writeCanonicalFile(file, ROWS, "WORKER");
    await startWebImportAsReviewer(page, base, file);
    await expect(page.getByText("Queued", { exact: true })).toBeVisible({ timeout: 60_000 });
    await page.screenshot({ path: shots("queued-without-worker"), fullPage: true });

    // `npm run worker` on the same database takes the job and runs it to the end.
    const worker = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
      env: { ...process.env, DATABASE_URL: databaseUrl(), JOBS_POLL_SECONDS: "0.5" },
      stdio: ["ignore", "inherit", "inherit"],
    });
    processes.push(worker);
    await expect(page.getByText("Completed", { exact: true })).toBeVisible({ timeout: 300_000 });
    await expect(page.getByText(`Imported ${ROWS} rows`).first()).toBeVisible();
    await page.screenshot({ path: shots("completed-by-worker"), fullPage: true });

    await page.goto(`${base}/imports`);
    const row = page.getByRole("table", { name: "Import history" }).getByRole("row", { name: /worker\.csv/ });
    await expect(row).toContainText("Completed");
    // Run by the worker process, not the web server.
    await expect(row).toContainText(/worker@/);
    await expect(row).not.toContainText(/web@/);
    const after = await (await page.request.get(`${base}/api/health`)).json();
    expect(after.jobs).toMatchObject({ ready: true, inThisProcess: false, runners: 1 });
  });
});
