import { expect, type Page, test } from "@playwright/test";
import { authFile } from "./support/roles";

test.use({ viewport: { width: 390, height: 844 }, storageState: authFile("reviewer") });

async function pageWidth(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

test("on a phone the navigation folds behind Menu and pages do not scroll sideways", async ({ page }) => {
  await page.goto("/complaints");
  const nav = page.getByRole("navigation", { name: "Main" });
  const menu = page.getByRole("button", { name: "Menu" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav).toBeHidden();
  // The list starts near the top of the screen, not below the whole navigation.
  const heading = await page.getByRole("heading", { level: 1, name: "Complaints" }).boundingBox();
  expect(heading?.y ?? 999).toBeLessThan(200);
  expect(await pageWidth(page)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: "test-results/mobile-complaints.png", fullPage: false });

  await menu.click();
  await expect(nav).toBeVisible();
  await page.screenshot({ path: "test-results/mobile-menu.png" });
  await nav.getByRole("link", { name: "Remediation" }).click();
  await expect(page).toHaveURL(/\/remediation$/);
  await expect(nav).toBeHidden();

  for (const path of ["/dashboard", "/reports/root-causes", "/remediation", "/inbox"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // Charts size themselves to their container after the first paint: wait for the page to settle.
    await expect.poll(() => pageWidth(page), { message: path }).toBeLessThanOrEqual(390);
  }
});
