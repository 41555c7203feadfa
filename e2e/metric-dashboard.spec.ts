import { expect, test } from "@playwright/test";
import { authFile } from "./support/roles";

const BREAKDOWNS = ["channel", "product", "journey stage", "app users vs others", "root cause"];

test.describe("leadership on the dashboard", () => {
  test.use({ storageState: authFile("leadership") });

  test("sees the chart, the target and the breakdowns, but no complaint text and no way into complaints", async ({
    page,
  }) => {
    await page.goto("/dashboard?market=SE");
    await expect(page.getByRole("heading", { name: "Zero mission", level: 1 })).toBeVisible();
    const chart = page.getByRole("img", {
      name: /monthly complaints per million purchases with target and control limits/,
    });
    await expect(chart).toBeVisible();
    await expect(chart.locator(".recharts-bar-rectangle").first()).toBeVisible();
    await expect(chart.getByText("Target", { exact: true })).toBeVisible();
    await expect(page.getByRole("region", { name: /^Target \d{4}$/ })).toContainText(/\d+\.\d/);
    await expect(page.getByRole("region", { name: "Year to date" })).toContainText(/vs target/);
    for (const name of BREAKDOWNS)
      await expect(page.getByRole("table", { name: `Breakdown by ${name}` })).toBeVisible();

    await expect(page.locator('a[href^="/complaints"]')).toHaveCount(0);
    expect(await page.locator("main").innerText()).not.toMatch(/C-\d{4}-\d{6}/);
    await page.screenshot({ path: "test-results/metric-dashboard-leadership.png", fullPage: true });
  });

  test("switches market through the URL", async ({ page }) => {
    await page.goto("/dashboard?market=SE");
    await page.getByRole("navigation", { name: "Choose market" }).getByRole("link", { name: "All markets" }).click();
    await expect(page).toHaveURL(/market=all/);
    await expect(
      page.getByRole("heading", { name: /^All markets: complaints per million purchases by month$/ }),
    ).toBeVisible();
  });
});

test.describe("a reviewer on the dashboard", () => {
  test.use({ storageState: authFile("reviewer") });

  test("can drill down from a breakdown cell into the complaint list", async ({ page }) => {
    await page.goto("/dashboard?market=SE");
    const channel = page.getByRole("table", { name: "Breakdown by channel" });
    const link = channel.getByRole("link", { name: "Customer service" });
    await expect(link).toHaveAttribute(
      "href",
      /^\/complaints\?market=SE&received_from=\d{4}-01-01&received_to=\d{4}-\d{2}-\d{2}&excluded=no&channel=customer_service$/,
    );
  });
});
