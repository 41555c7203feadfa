import path from "node:path";
import { expect, test } from "@playwright/test";
import { authFile } from "./support/roles";

const shots = (name: string) => path.join("test-results", "retention", `${name}.png`);

test.describe("an admin scheduling retention", () => {
  test.use({ storageState: authFile("admin") });

  test("sees the nightly default, sets a weekly time and a cron expression, and is told a bad one", async ({
    page,
  }) => {
    await page.goto("/admin/retention");
    const next = page.getByTestId("retention-next-run");
    await expect(page.getByLabel("Runs")).toHaveValue("nightly");
    await expect(next).toContainText(/next run \d{4}-\d\d-\d\d 02:00 UTC/);

    await page.getByLabel("Runs").selectOption("weekly");
    await page.getByLabel("At (UTC)").fill("03:30");
    await page.getByRole("button", { name: "Save schedule" }).click();
    await expect(page.getByText("Retention schedule saved")).toBeVisible();
    await expect(next).toContainText(/next run \d{4}-\d\d-\d\d 03:30 UTC/);
    await page.reload();
    await expect(page.getByLabel("Runs")).toHaveValue("weekly");
    await expect(page.getByLabel("At (UTC)")).toHaveValue("03:30");

    await page.getByLabel("Runs").selectOption("custom");
    await page.getByLabel("Cron expression (UTC)").fill("every night");
    await page.getByRole("button", { name: "Save schedule" }).click();
    await expect(page.getByText(/Five fields: minute hour/)).toBeVisible();
    await page.getByLabel("Cron expression (UTC)").fill("15 1 * * *");
    await page.getByRole("button", { name: "Save schedule" }).click();
    await expect(next).toContainText(/next run \d{4}-\d\d-\d\d 01:15 UTC/);
    await page.screenshot({ path: shots("schedule"), fullPage: true });

    // Back to the default, which the other journeys expect.
    await page.getByLabel("Runs").selectOption("nightly");
    await page.getByLabel("At (UTC)").fill("02:00");
    await page.getByRole("button", { name: "Save schedule" }).click();
    await expect(next).toContainText(/next run \d{4}-\d\d-\d\d 02:00 UTC/);
  });
});
