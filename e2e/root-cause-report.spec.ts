import { expect, type Page, test } from "@playwright/test";
import { demoFirstDay, demoLastDay, demoMonth } from "./support/demo";
import { authFile } from "./support/roles";

type Report = {
  complaints: number | null;
  rootCauses: { id: string; name: string; complaints: number | null; suppressed: boolean }[];
};

const table = (page: Page) => page.getByRole("table", { name: "Root causes" });
const rowOf = (page: Page, name: string) =>
  table(page)
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name, exact: true }) });

test.describe("a product manager reading the root-cause report", () => {
  test.use({ storageState: authFile("product_manager") });

  test("narrows it to a market and a product, reads the figures and opens the complaints behind a cause", async ({
    page,
  }) => {
    await page.goto("/dashboard");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Root causes" }).click();
    await expect(page.getByRole("heading", { name: "Root causes", level: 1 })).toBeVisible();
    // (The default period follows the latest purchase volume, which other journeys may move: no figures checked here.)
    await expect(page.getByRole("region", { name: "With a root cause" })).toBeVisible();

    const filters = page.getByRole("form", { name: "Report filters" });
    await filters.getByLabel("Market").selectOption({ label: "Sweden" });
    await filters.getByLabel("Product").selectOption({ label: "Faktura" });
    // The demo months that stand for the bank's first half of 2019.
    const [from, to] = [demoMonth("2019-01"), demoMonth("2019-06")];
    await filters.getByLabel("From", { exact: true }).fill(from);
    await filters.getByLabel("To", { exact: true }).fill(to);
    await filters.getByRole("button", { name: "Show report" }).click();
    await expect(page).toHaveURL(
      new RegExp(`market=SE&from=${from}&to=${to}&product=[0-9a-f-]{36}&channel=&journeyStage=$`),
    );
    await expect(page.getByRole("region", { name: "Purchases of the product" })).toContainText(/\d/);

    // The page shows what the API answers for the same scope.
    const product = new URL(page.url()).searchParams.get("product")!;
    const response = await page.request.get(
      `/api/v1/reports/root-causes?market=SE&from=${from}&to=${to}&product=${product}`,
    );
    expect(response.status()).toBe(200);
    const report = (await response.json()) as Report;
    const missed = report.rootCauses.find((r) => r.name === "Missed due date")!;
    expect(missed.complaints).toBeGreaterThan(0);
    const row = rowOf(page, "Missed due date");
    await expect(row.getByRole("cell").first()).toHaveText(missed.complaints!.toLocaleString("en-GB"));
    await expect(page.getByRole("region", { name: "Complaints" })).toContainText(
      report.complaints!.toLocaleString("en-GB"),
    );
    await expect(
      page.getByRole("img", { name: /Tagged complaints per month for the \d most frequent root causes/ }),
    ).toBeVisible();
    await page.screenshot({ path: "test-results/root-cause-report-pm.png", fullPage: true });

    // The actions addressing the cause are one click away.
    const actions = row.getByRole("link", { name: /remediation actions? for Missed due date/ });
    await expect(actions).toHaveAttribute("href", `/remediation?root_cause=${missed.id}`);

    await row.getByRole("link", { name: "Missed due date", exact: true }).click();
    await expect(page).toHaveURL(
      new RegExp(
        `/complaints\\?market=SE&received_from=${demoFirstDay("2019-01")}&received_to=${demoLastDay("2019-06")}&excluded=no&root_cause=${missed.id}&product=${product}`,
      ),
    );
    await expect(page.getByRole("heading", { name: "Complaints", level: 1 })).toBeVisible();
  });

  test("names the filter that is wrong", async ({ page }) => {
    await page.goto("/reports/root-causes?from=2019-13&channel=fax");
    await expect(page.getByRole("alert").filter({ hasText: "Some filters are invalid" })).toBeVisible();
    await expect(page.getByRole("alert").filter({ hasText: "Use a month as YYYY-MM" })).toBeVisible();
    await expect(page.getByRole("alert").filter({ hasText: /Use one of customer_service/ })).toBeVisible();
    await expect(table(page)).toHaveCount(0);
  });
});

test.describe("leadership reading the root-cause report", () => {
  test.use({ storageState: authFile("leadership") });

  test("sees aggregates with small cells withheld and no way into complaints", async ({ page }) => {
    const scope = `market=SE&from=${demoMonth("2019-01")}&to=${demoMonth("2019-12")}&channel=data_protection_authority`;
    await page.goto(`/reports/root-causes?${scope}`);
    await expect(page.getByText(/Cells with fewer than 5 complaints are withheld/)).toBeVisible();
    const response = await page.request.get(`/api/v1/reports/root-causes?${scope}`);
    const report = (await response.json()) as Report;
    const withheld = report.rootCauses.filter((r) => r.suppressed);
    expect(withheld.length).toBeGreaterThan(0);
    expect(withheld.every((r) => r.complaints === null)).toBe(true);
    // "< 5", followed by the button that explains why (its name is read out, not shown).
    await expect(rowOf(page, withheld[0]!.name).getByRole("cell").first()).toHaveText(/^< 5(Why is this withheld\?)?$/);
    await expect(page.locator('main a[href^="/complaints"]')).toHaveCount(0);
    await page.screenshot({ path: "test-results/root-cause-report-leadership.png", fullPage: true });
  });
});
