import { expect, type Page, test } from "@playwright/test";
import { demoMonth } from "./support/demo";
import { authFile } from "./support/roles";

test.use({ storageState: authFile("reviewer") });

/** The list's total, from the pagination line ("1–25 of 1,234"). */
async function listTotal(page: Page): Promise<number> {
  const line = page.getByRole("navigation", { name: "Pagination" }).locator("p[aria-live=polite]");
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
  const text = (await line.textContent()) ?? "";
  return Number(text.slice(text.lastIndexOf(" of ") + 4).replace(/\D/g, ""));
}

test("the demo lives in the present: its recent complaints are open and not all overdue", async ({ page }) => {
  // The demo's last month is the month before the server first started (today, in a test run).
  const lastMonth = demoMonth("2019-12");
  await page.goto(`/complaints?market=SE&status=new,triaged,in_analysis&excluded=no&received_from=${lastMonth}-01`);
  await expect(page.getByRole("heading", { name: "Complaints", level: 1 })).toBeVisible();
  const open = await listTotal(page);
  expect(open).toBeGreaterThan(0);
  // Reference numbers follow the dates: last month's complaints carry its year.
  const reference = new RegExp(`^C-${lastMonth.slice(0, 4)}-\\d{6}$`);
  await expect(page.getByRole("table").getByText(reference).first()).toBeVisible();
  await page.screenshot({ path: "test-results/demo-live-open.png", fullPage: true });

  await page.getByRole("button", { name: "Overdue", exact: true }).click();
  await expect(page).toHaveURL(/overdue=true/);
  const overdue = await listTotal(page);
  expect(overdue).toBeLessThan(open);
  await page.screenshot({ path: "test-results/demo-live-overdue.png", fullPage: true });
});
