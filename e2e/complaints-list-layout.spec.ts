import { expect, type Page, test } from "@playwright/test";
import { authFile } from "./support/roles";

test.use({ storageState: authFile("reviewer") });

/** Whether an element scrolls sideways: its content wider than its box. */
async function overflows(page: Page, selector: string) {
  return page.locator(selector).evaluate((el) => el.scrollWidth > el.clientWidth);
}

test("at 1280 px the complaint table fits without a sideways scroll, and More filters holds the rest", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/complaints");
  const table = page.getByRole("table", { name: "Complaints" });
  await expect(table.getByRole("row").nth(1)).toBeVisible();
  expect(await overflows(page, "table >> xpath=..")).toBe(false);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  // The filters sit in one row.
  const filters = await page.getByRole("group", { name: "Filters" }).boundingBox();
  expect(filters?.height ?? 999).toBeLessThan(40);
  await page.screenshot({ path: "test-results/complaints-list-1280.png" });

  const more = page.getByRole("button", { name: "More filters" });
  await more.click();
  await page.getByRole("button", { name: "Journey stage filter" }).click();
  await page.getByRole("menuitemcheckbox", { name: "After purchase" }).click();
  // The first Escape closes the menu, the second the popover.
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(/journey_stage=after_purchase/);
  await expect(page.getByLabel("App user")).toBeHidden();
  await expect(page.getByRole("button", { name: "More filters, 1 set" })).toBeVisible();
  await page.getByRole("button", { name: "More filters, 1 set" }).click();
  await page.getByLabel("App user").selectOption("yes");
  await expect(page).toHaveURL(/app_user=yes/);
  await expect(page.getByRole("button", { name: "More filters, 2 set" })).toBeVisible();
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).not.toHaveURL(/journey_stage|app_user/);
  await expect(page.getByRole("button", { name: "More filters", exact: true })).toBeVisible();
});

test("at 1440 px every default column shows and nothing scrolls sideways", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/complaints");
  const table = page.getByRole("table", { name: "Complaints" });
  await expect(table.getByRole("columnheader", { name: "Channel" })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "Category" })).toBeVisible();
  expect(await overflows(page, "table >> xpath=..")).toBe(false);
  await page.screenshot({ path: "test-results/complaints-list-1440.png" });
});

test("a link with values the list cannot read shows the list without them and says why in words", async ({ page }) => {
  await page.goto("/complaints?sort=password.asc&status=lost&per_page=10");
  const notice = page.getByRole("status").filter({ hasText: "could not be used" });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText("Sort “password.asc”: the list cannot be sorted that way");
  await expect(notice).toContainText("Status “lost”: Not a complaint status this list knows");
  await expect(page.getByText("Invalid option")).toHaveCount(0);
  // The readable part of the link still applies.
  await expect(page.getByText(/^1–10 of /)).toBeVisible();
  await page.goto("/remediation?sort=nonsense.desc");
  await expect(page.getByRole("status").filter({ hasText: "Sort “nonsense.desc”" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Remediation actions" })).toBeVisible();
});

test("at 390 px the complaints are cards and the page does not scroll sideways", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/complaints");
  const cards = page.getByRole("list", { name: "Complaints" });
  await expect(cards.getByRole("listitem").first()).toBeVisible();
  await expect(page.getByRole("table", { name: "Complaints" })).toBeHidden();
  // The filters fold behind one button, so the first complaint shows without scrolling far.
  expect((await cards.getByRole("listitem").first().boundingBox())?.y ?? 9999).toBeLessThan(600);
  const filtersButton = page.getByRole("button", { name: "Filters", exact: true });
  await expect(filtersButton).toHaveAttribute("aria-expanded", "false");
  await filtersButton.click();
  await expect(page.getByRole("button", { name: "Status filter" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await filtersButton.click();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // A card opens its complaint, and selecting one offers the bulk actions.
  const first = cards.getByRole("listitem").first();
  await first.getByRole("checkbox").click();
  await expect(page.getByRole("region", { name: "Bulk actions" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: "test-results/complaints-list-390.png", fullPage: false });
  await first.getByRole("link").click();
  await expect(page).toHaveURL(/\/complaints\/[0-9a-f-]{36}$/);
});
