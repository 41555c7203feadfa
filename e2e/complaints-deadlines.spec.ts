import { expect, test } from "@playwright/test";
import { authFile } from "./support/roles";

test.describe("deadline rules", () => {
  test.use({ storageState: authFile("admin") });

  test("an admin sets a market and channel's deadlines and resets them", async ({ page }) => {
    await page.goto("/admin/deadlines");
    const row = page.getByRole("row", { name: "NO Other authority" });
    await row.getByRole("button", { name: "Edit NO Other authority" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Answer within (days)").fill("0");
    await dialog.getByRole("button", { name: "Save deadlines" }).click();
    await expect(dialog.getByText("At least 1 day")).toBeVisible();
    await dialog.getByLabel("Acknowledge within (days)").fill("4");
    await dialog.getByLabel("Answer within (days)").fill("21");
    await dialog.getByRole("button", { name: "Save deadlines" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(row).toContainText("4 business days");
    await expect(row).toContainText("21 days");
    await page.screenshot({ path: "test-results/admin-deadlines.png", fullPage: true });
    await row.getByRole("button", { name: "Reset NO Other authority to default" }).click();
    await expect(row.getByText("Default")).toBeVisible();
  });
});

test.describe("deadline rules for reviewers", () => {
  test.use({ storageState: authFile("reviewer") });
  test("are admin-only", async ({ page }) => {
    expect((await page.goto("/admin/deadlines"))?.status()).toBe(403);
  });
});
