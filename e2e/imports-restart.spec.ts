import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { writeCanonicalFile } from "@/lib/imports/fixtures/generate";
import { startOwnServer, startWebImportAsReviewer, stopProcess } from "./support/own-server";

// A server of its own on the next port, which this spec stops and starts again mid-import (the
// shared webServer cannot be restarted from a test). Same build, its own database, kept between
// the two starts and dropped at the end.
const port = Number(process.env.E2E_PORT ?? 3100) + 1;
const base = `http://127.0.0.1:${port}`;
const ROWS = 60_000;
const shots = (name: string) => path.join("test-results", "imports", `${name}.png`);

let server: ChildProcess | null = null;
const scratch = mkdtempSync(path.join(tmpdir(), "restart-"));

async function startServer() {
  // A short claim timeout: on PostgreSQL a job whose server was stopped before it gave the job back resumes sooner.
  server = await startOwnServer(port, { IMPORT_CLAIM_TIMEOUT_SECONDS: "15" });
}

async function stopServer() {
  await stopProcess(server);
  server = null;
}

async function dropDatabase() {
  rmSync(path.join(process.cwd(), ".data", `e2e-${port}`), { recursive: true, force: true });
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return;
  const name = `${new URL(serverUrl).pathname.slice(1).replace(/[^a-zA-Z0-9_]/g, "_") || "test"}_e2e_${port}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end();
}

test.describe("an import across a server restart", () => {
  // Its own origin too: the config's Origin header names the main test server.
  test.use({ baseURL: base, extraHTTPHeaders: { Origin: base } });
  test.beforeAll(async () => {
    // A fresh database migrated and seeded, then the server: minutes when the machine is busy.
    test.setTimeout(540_000);
    await dropDatabase();
    await startServer();
  });

  test.afterAll(async () => {
    await stopServer();
    await dropDatabase();
    rmSync(scratch, { recursive: true, force: true });
  });

  test("a reviewer's web import carries on to the end after the server restarts", async ({ page }) => {
    test.setTimeout(600_000);
    const file = path.join(scratch, "restart.csv");
    await writeCanonicalFile(file, ROWS, "RESTART");

    await startWebImportAsReviewer(page, base, file);

    // The server goes down while the job runs.
    const bar = page.getByRole("progressbar", { name: "Import progress" });
    await expect(page.getByText("Running", { exact: true })).toBeVisible({ timeout: 120_000 });
    await page.screenshot({ path: shots("before-restart"), fullPage: true });

    await stopServer();
    await startServer();

    // After a reload the job is resumed by the new server's runner, with no one pressing anything.
    await page.reload();
    await expect(page.getByText("Completed", { exact: true })).toBeVisible({ timeout: 300_000 });
    await expect(bar).toHaveAttribute("aria-valuenow", "100");
    await expect(page.getByText(`Imported ${ROWS} rows`).first()).toBeVisible();
    const attempts = page.locator("dt", { hasText: "Attempts" }).locator("xpath=following-sibling::dd");
    await expect(attempts).toHaveText("2");
    await page.screenshot({ path: shots("after-restart"), fullPage: true });

    // The history shows the runner and the attempts.
    await page.goto(`${base}/imports`);
    const row = page.getByRole("table", { name: "Import history" }).getByRole("row", { name: /restart\.csv/ });
    await expect(row).toContainText("Completed");
    await expect(row).toContainText(/web@/);
    await expect(row).toContainText("2 attempts");
    await page.screenshot({ path: shots("history-after-restart"), fullPage: true });

    // The health check reports the runner beside the database, with nothing left waiting (the runner's
    // own look for similar complaints, sent at the import's end and every minute, is taken within seconds).
    const health = async () => (await page.request.get(`${base}/api/health`)).json();
    expect(await health()).toMatchObject({ database: "up", jobs: { ready: true, inThisProcess: true } });
    await expect.poll(async () => (await health()).jobs.waiting, { timeout: 30_000 }).toBe(0);
  });
});
