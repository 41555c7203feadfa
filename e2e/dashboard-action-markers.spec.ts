import { expect, test } from "@playwright/test";
import { formatMonth as monthLabel } from "@/lib/format";
import { demoMonth } from "./support/demo";
import { authFile } from "./support/roles";

const RENAME = "Rename Klarna konto to Klarna delbetalningskonto";

test.use({ storageState: authFile("leadership") });

test("leadership sees shipped actions marked on the zero-mission chart and opens one to its before/after chart", async ({
  page,
}) => {
  await page.goto("/dashboard?market=SE");
  const chart = page.getByRole("img", { name: /^Sweden: monthly complaints per million purchases/ });
  await expect(chart).toBeVisible();
  // The demo's two shipped Swedish actions: the rename and customer service around the clock.
  await expect.poll(() => chart.locator(".recharts-reference-line").count()).toBeGreaterThanOrEqual(2);
  await expect(chart.getByText("Action shipped (numbered below)")).toBeVisible();

  const shipped = page.getByRole("region", { name: "Actions shipped in these months" });
  const rename = shipped.getByRole("listitem").filter({ hasText: RENAME });
  const shippedIn = monthLabel(demoMonth("2019-03"));
  await expect(rename).toContainText(`${shippedIn}:`);
  // The demo's rename worked: its check (run by its owner once the after window had passed) says so.
  await expect(rename.getByText("Fewer complaints", { exact: true })).toBeVisible();
  await expect(
    shipped.getByRole("listitem").filter({ hasText: "Customer service open around the clock" }),
  ).toContainText(`${monthLabel(demoMonth("2019-01"))}:`);
  // The marker on the rename's month carries its number in the list.
  const number = (await shipped.getByRole("listitem").allTextContents()).findIndex((t) => t.includes(RENAME)) + 1;
  await expect(
    chart.locator(".recharts-reference-line").filter({ hasText: new RegExp(`(^|·)${number}(·|$)`) }),
  ).toHaveCount(1);
  await chart.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/dashboard-action-markers.png", fullPage: true });

  // The title opens the action: its effect as a chart around the shipped month, no complaint in sight.
  await rename.getByRole("link", { name: RENAME }).click();
  await expect(page).toHaveURL(/\/remediation\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: RENAME, level: 1 })).toBeVisible();
  const effect = page.getByRole("img", {
    name: /^Complaints with Unclear product name per million purchases by month/,
  });
  await expect(effect).toBeVisible();
  await expect(effect).toHaveAttribute("aria-label", new RegExp(`shipped ${shippedIn}; before .*, after `));
  await expect(effect.getByText("Ship date", { exact: true })).toBeVisible();
  await expect(page.getByText(/C-\d{4}-\d{6}/)).toHaveCount(0);
  await effect.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/action-before-after.png", fullPage: true });
});
