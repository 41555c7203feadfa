import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { authFile } from "./support/roles";

test.use({ storageState: authFile("reviewer") });

test("a reviewer exports a large list as a job and downloads the file when it is ready", async ({
  page,
  playwright,
  baseURL,
}) => {
  await page.goto("/complaints?market=SE");
  await page.getByRole("button", { name: "Export" }).click();
  // More complaints than an immediate export answers: the menu offers to prepare the file.
  await expect(page.getByText("the file is prepared in the background")).toBeVisible();
  await page.getByRole("menuitem", { name: "Prepare CSV (UTF-8, comma)" }).click();
  await expect(page.getByText("The export is being prepared")).toBeVisible();

  await page.getByRole("link", { name: "Exports" }).first().click();
  await expect(page).toHaveURL(/\/exports$/);
  const row = page.getByRole("row").filter({ hasText: "market=SE" }).first();
  // The page refreshes itself while the file is written.
  await expect(row.getByText("Ready")).toBeVisible({ timeout: 90_000 });
  await page.screenshot({ path: "test-results/exports-ready.png", fullPage: true });
  const shown = Number(((await row.getByRole("cell").nth(3).textContent()) ?? "").replace(/\D/g, ""));
  expect(shown).toBeGreaterThan(0);

  const link = row.getByRole("link", { name: /^Download complaints-/ });
  const href = await link.getAttribute("href");
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const records = parse(readFileSync(await download.path()), { columns: true }) as Record<string, string>[];
  expect(records).toHaveLength(shown);
  expect(records.every((r) => r.market === "SE")).toBe(true);

  // Nobody else gets the file: another user who may export is told it does not exist.
  const other = await playwright.request.newContext({ baseURL, storageState: authFile("product_manager") });
  expect((await other.get(href!)).status()).toBe(404);
  await other.dispose();
});
