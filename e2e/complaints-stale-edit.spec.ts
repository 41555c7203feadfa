import { expect, test } from "@playwright/test";
import { authFile } from "./support/roles";

test.use({ storageState: authFile("reviewer") });

test("a stale edit shows who changed what since, and reapplies on top", async ({ page, browser }) => {
  const tag = `stale${Date.now().toString(36)}`;
  const created = await page.request.post("/api/v1/complaints", {
    data: {
      externalId: tag,
      receivedOn: "2019-05-02",
      market: "SE",
      channel: "customer_service",
      summary: `Original summary ${tag}`,
      severity: "low",
    },
  });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  await page.goto(`/complaints/${id}`);
  await expect(page.getByText(`Original summary ${tag}`)).toBeVisible();

  // Someone else changes it first, in another browser.
  const other = await browser.newContext({ storageState: authFile("admin") });
  const adminPage = await other.newPage();
  await adminPage.goto(`/complaints/${id}`);
  await adminPage.getByRole("button", { name: "Edit severity" }).click();
  await adminPage.getByLabel("Severity").selectOption("high");
  await adminPage.getByRole("button", { name: "Save" }).click();
  await expect(
    adminPage.getByRole("list", { name: "History" }).getByText("Alva Admin changed severity from low to high"),
  ).toBeVisible();
  await other.close();

  // Our page still holds the old version: the edit is refused with what changed.
  await page.getByRole("button", { name: "Edit summary" }).click();
  await page.getByLabel("Summary").fill(`Clearer summary ${tag}`);
  await page.getByRole("button", { name: "Save" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "Your change was not saved" });
  await expect(alert).toContainText("Alva Admin changed this complaint since you opened it");
  await expect(alert).toContainText("Alva Admin changed severity from low to high");
  await page.screenshot({ path: "test-results/complaint-stale-edit.png", fullPage: true });
  await alert.getByRole("button", { name: "Reload and reapply my change" }).click();
  await expect(alert).toHaveCount(0);
  const history = page.getByRole("list", { name: "History" });
  await expect(
    history.getByText(`Anna Lind changed summary from Original summary ${tag} to Clearer summary ${tag}`),
  ).toBeVisible();
  await expect(history.getByText("Alva Admin changed severity from low to high")).toBeVisible();
});
