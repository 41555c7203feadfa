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

test.describe("recording a response", () => {
  test.use({ storageState: authFile("reviewer") });

  test("asks for the date, refuses one before receipt, and can be cancelled", async ({ page }) => {
    const tag = `resp${Date.now().toString(36)}`;
    await page.goto("/complaints");
    const receivedOn = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10);
    const created = await page.request.post("/api/v1/complaints", {
      headers: { Origin: new URL(page.url()).origin },
      data: { externalId: tag, receivedOn, market: "SE", channel: "customer_service", summary: `Answer ${tag}` },
    });
    expect(created.status()).toBe(201);
    const { id } = await created.json();
    await page.goto(`/complaints/${id}`);

    // Cancelling records nothing.
    await page.getByRole("button", { name: "Record final response" }).click();
    const dialog = page.getByRole("dialog", { name: "Record the final response" });
    await expect(dialog).toContainText("This stops the final-response clock");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("button", { name: "Record final response" })).toBeVisible();

    // A date before the complaint was received is refused at the field.
    await page.getByRole("button", { name: "Record final response" }).click();
    // The date and the time of day are two fields, both prefilled with now.
    await expect(
      dialog.getByRole("group", { name: "When was the final response sent to the customer?" }),
    ).toBeVisible();
    const when = dialog.getByLabel("Date", { exact: true });
    const time = dialog.getByLabel("Time", { exact: true });
    await expect(time).toHaveValue(/^\d{2}:\d{2}$/);
    await when.fill("2001-01-01");
    await dialog.getByRole("button", { name: "Record final response" }).click();
    await expect(dialog.getByRole("alert")).toContainText("Date cannot be before");

    // A time of day that does not exist is refused at its field.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await when.fill(yesterday);
    await time.fill("25:00");
    await dialog.getByRole("button", { name: "Record final response" }).click();
    await expect(dialog.getByRole("alert")).toContainText("Enter the time as HH:MM");

    // Yesterday is recorded, and the button goes.
    await time.fill("14:30");
    await page.screenshot({ path: "test-results/record-final-response.png" });
    await dialog.getByRole("button", { name: "Record final response" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("button", { name: "Record final response" })).toHaveCount(0);
    await expect(page.getByRole("list", { name: "History" })).toContainText(`final response to ${yesterday}`);
  });
});
