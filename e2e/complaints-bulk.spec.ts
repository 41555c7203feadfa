import { expect, test } from "@playwright/test";
import { authFile } from "./support/roles";

test.use({ storageState: authFile("reviewer") });

test("a reviewer bulk-tags twenty complaints from a filtered list", async ({ page }) => {
  const tag = `bulk${Date.now().toString(36)}`;
  for (let i = 0; i < 20; i++) {
    const response = await page.request.post("/api/v1/complaints", {
      data: {
        externalId: `${tag}-${i}`,
        receivedOn: "2019-04-01",
        market: "SE",
        channel: "customer_service",
        summary: `Refund delayed ${tag} number ${i}`,
      },
    });
    expect(response.status()).toBe(201);
  }

  // Ten per page: select the page, then every one matching the filter.
  await page.goto(`/complaints?q=${tag}&per_page=10`);
  await expect(page.getByText("1–10 of 20")).toBeVisible();
  await page.getByRole("checkbox", { name: "Select all on this page" }).click();
  await page.getByRole("button", { name: "Select all 20 matching" }).click();
  const bar = page.getByRole("region", { name: "Bulk actions" });
  await expect(bar.getByText("20 matching complaints")).toBeVisible();
  await bar.getByLabel("Bulk action").selectOption("root_cause");
  await bar.getByLabel("Root cause").selectOption({ label: "Slow refund" });
  await bar.getByRole("button", { name: "Apply to 20" }).click();
  await expect(page.getByText("Updated 20 of 20 complaints")).toBeVisible();

  // The root-cause filter now finds all twenty.
  await page.getByRole("button", { name: "Root cause filter" }).click();
  await page.getByRole("menuitemcheckbox", { name: "Slow refund" }).click();
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(/root_cause=/);
  await expect(page.getByText("1–10 of 20")).toBeVisible();
  await page.screenshot({ path: "test-results/complaints-list-bulk.png", fullPage: true });

  // Each complaint shows the tag and a history line from the bulk action.
  await page.getByRole("row").nth(1).getByRole("link").click();
  await expect(page.getByText("Anna Lind tagged root cause Slow refund as primary (bulk action)")).toBeVisible();
});
