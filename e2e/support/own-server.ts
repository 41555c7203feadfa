import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "./roles";
import { expectSignedIn, signIn } from "./sign-in";

/**
 * A production server of a spec's own on `port` (the shared webServer cannot be restarted or
 * configured from a test): the same build, its own database; answers once its health check does.
 */
export async function startOwnServer(port: number, env: Record<string, string>): Promise<ChildProcess> {
  // Another server already on the port would answer the health check in this one's place.
  const taken = await fetch(`http://127.0.0.1:${port}/api/health`)
    .then(() => true)
    .catch(() => false);
  if (taken) throw new Error(`Port ${port} is taken by another server; set E2E_PORT so that it is free`);
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/e2e-server.ts"], {
    env: {
      ...process.env,
      E2E_PORT: String(port),
      E2E_SKIP_BUILD: "1",
      E2E_KEEP_DATABASE: "1",
      // A copy of the suite server's freshly seeded database, instead of seeding again (scripts/e2e-server.ts).
      E2E_TEMPLATE_PORT: process.env.E2E_PORT ?? "3100",
      ...env,
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  await expect
    .poll(
      async () => {
        if (server.exitCode !== null) throw new Error(`The server on port ${port} did not start`);
        return fetch(`http://127.0.0.1:${port}/api/health`)
          .then((r) => r.ok)
          .catch(() => false);
      },
      // Migrating and seeding its database comes first: on a loaded two-core machine that has taken 4 minutes.
      { timeout: 480_000, intervals: [250] },
    )
    .toBe(true);
  return server;
}

/** Stops a process with SIGTERM (a server gives its jobs back and closes its database) and waits for it. */
export async function stopProcess(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  await exited;
}

/** Signs in as the demo reviewer on `base` and starts a web import of `file` through the wizard. */
export async function startWebImportAsReviewer(page: Page, base: string, file: string): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await signIn(page, DEMO_USERS.reviewer.email, DEMO_PASSWORD);
  await expectSignedIn(page);
  await page.goto(`${base}/imports`);
  await page.getByLabel("CSV file").setInputFiles(file);
  await page.getByRole("button", { name: "Upload and preview" }).click();
  const name = path.basename(file, ".csv");
  await expect(page.getByRole("heading", { name: new RegExp(`^Import ${name}`) })).toBeVisible({ timeout: 60_000 });
  await page.getByRole("button", { name: "Start import" }).click();
}
