import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ensureAuthSecret, NEXT_BIN, ROOT } from "../scripts/runtime";
import { authFile } from "./support/roles";

// A second server from the same build whose database does not answer (nothing listens on its port), with
// the AUTH_SECRET of the main test server, so a reviewer's session cookie (cookies are per host, not per
// port) reaches it signed in. What a reviewer meets when the database is down: a page that says so, with
// a retry, never Next's crash page, an empty table or the driver's message.
const port = Number(process.env.E2E_PORT ?? 3100) + 50;
const base = `http://127.0.0.1:${port}`;
let server: ChildProcess | null = null;

test.describe("the complaint list while the database is down", () => {
  test.use({ baseURL: base, extraHTTPHeaders: { Origin: base }, storageState: authFile("reviewer") });

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-e2e",
      PORT: String(port),
      // Port 9 (discard) on loopback: nothing listens, every connection is refused at once.
      DATABASE_URL: "postgres://postgres@127.0.0.1:9/unreachable",
      DATABASE_CONNECT_TIMEOUT: "2",
      JOBS_IN_WEB: "false",
    };
    delete env.PGLITE_DIR;
    env.AUTH_SECRET = ensureAuthSecret(env);
    const preload = path.join(ROOT, "scripts", "client-address.cjs");
    server = spawn(process.execPath, ["--require", preload, NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
      env: { ...env, CLIENT_ADDRESS_PRELOAD: "1" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    const started = server;
    // The health check answers 503 (database down) once the server listens.
    await expect
      .poll(
        async () => {
          if (started.exitCode !== null) throw new Error("The server without a database did not start");
          return fetch(`${base}/api/health`)
            .then((r) => r.status)
            .catch(() => 0);
        },
        { timeout: 90_000, intervals: [250] },
      )
      .toBe(503);
  });

  test.afterAll(async () => {
    if (!server || server.exitCode !== null) return;
    const exited = once(server, "exit");
    server.kill("SIGTERM");
    await exited;
  });

  test("a reviewer opening the complaint list sees the outage said plainly, with a retry", async ({ page }) => {
    await page.goto("/complaints");
    const alert = page.getByRole("alert").filter({ hasText: "Try again" });
    await expect(alert.getByRole("heading", { name: "The database is not answering" })).toBeVisible();
    await expect(alert).toContainText("Nothing you saved before is lost");
    const retry = alert.getByRole("button", { name: "Try again" });
    await expect(retry).toBeEnabled();
    await expect(page.getByRole("table")).toHaveCount(0);
    await expect(page.locator("body")).not.toContainText(/ECONNREFUSED|CONNECT_TIMEOUT|postgres:\/\/|at async/);
    await page.screenshot({ path: path.join("test-results", "database-down", "complaints.png"), fullPage: true });

    // Retrying while the database is still away lands on the same page, not on a crash.
    await retry.click();
    await expect(alert.getByRole("heading", { name: "The database is not answering" })).toBeVisible();
    await expect(alert.getByRole("button", { name: "Try again" })).toBeEnabled();
  });
});
