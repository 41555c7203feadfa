import { expect, test } from "@playwright/test";
import { authFile } from "./support/roles";

test.use({ storageState: authFile("reviewer") });

test("bulk status changes offer only what can apply, name each refusal, and closing asks first", async ({ page }) => {
  const tag = `refuse${Date.now().toString(36)}`;
  const created: { id: string; reference: string; version: number }[] = [];
  for (const n of [1, 2, 3]) {
    const response = await page.request.post("/api/v1/complaints", {
      data: {
        externalId: `${tag}-${n}`,
        receivedOn: "2019-04-01",
        market: "SE",
        channel: "customer_service",
        summary: `Invoice unclear ${tag} ${n}`,
      },
    });
    expect(response.status()).toBe(201);
    created.push(await response.json());
  }
  const [first, second, third] = created;
  if (!first || !second || !third) throw new Error("three complaints expected");
  // The third is in analysis; the other two are new.
  let version = third.version;
  for (const status of ["triaged", "in_analysis"]) {
    const moved = await page.request.patch(`/api/v1/complaints/${third.id}`, { data: { version, status } });
    expect(moved.status()).toBe(200);
    version = (await moved.json()).version;
  }

  await page.goto(`/complaints?q=${tag}`);
  await page.getByRole("checkbox", { name: "Select all on this page" }).click();
  const bar = page.getByRole("region", { name: "Bulk actions" });
  await bar.getByLabel("Bulk action").selectOption("status");
  const status = bar.getByLabel("Status", { exact: true });
  // Only the moves some of them can make are offered, each with how many can.
  await expect(status.locator("option", { hasText: "Triaged (2 can)" })).toHaveCount(1);
  await expect(status.locator("option", { hasText: "Analysed (1 can)" })).toHaveCount(1);
  await expect(status.locator("option", { hasText: "Closed" })).toHaveCount(0);

  await status.selectOption("analysed");
  const refusals = bar.getByRole("region", { name: "Complaints this cannot apply to" });
  await expect(refusals.getByText("3 of 3 cannot become analysed")).toBeVisible();
  await expect(
    refusals.getByText(`${first.reference} is still new — start the analysis before marking it analysed`),
  ).toBeVisible();
  await expect(
    refusals.getByText(`${third.reference} has no root cause yet — tag one before marking it analysed`),
  ).toBeVisible();
  await bar.getByRole("button", { name: "Apply to 3" }).click();
  await expect(bar.getByRole("alert")).toHaveText(
    "None of the selected complaints can make this move; the list below says why",
  );

  // Tag the third and mark it analysed (alone), then try to close all three.
  await page.getByRole("checkbox", { name: "Select all on this page" }).click();
  await page.getByRole("checkbox", { name: `Select ${third.reference}` }).click();
  await bar.getByLabel("Bulk action").selectOption("root_cause");
  await bar.getByLabel("Root cause").selectOption({ label: "Slow refund" });
  await bar.getByRole("button", { name: "Apply to 1" }).click();
  await expect(page.getByText("Updated 1 of 1 complaints")).toBeVisible();
  await page.getByRole("checkbox", { name: `Select ${third.reference}` }).click();
  await bar.getByLabel("Bulk action").selectOption("status");
  await bar.getByLabel("Status", { exact: true }).selectOption("analysed");
  await bar.getByRole("button", { name: "Apply to 1" }).click();
  await expect(page.getByText("Updated 1 of 1 complaints").first()).toBeVisible();
  await expect(page.getByRole("row", { name: third.reference }).getByText("Analysed")).toBeVisible();

  await page.getByRole("checkbox", { name: "Select all on this page" }).click();
  await bar.getByLabel("Bulk action").selectOption("status");
  await bar.getByLabel("Status", { exact: true }).selectOption("closed");
  await expect(refusals.getByText("2 of 3 cannot become closed; 1 can")).toBeVisible();
  await expect(
    refusals.getByText(`${second.reference} is new, not analysed yet — mark it analysed before closing`),
  ).toBeVisible();
  await page.screenshot({ path: "test-results/complaints-bulk-refusals.png" });
  await bar.getByRole("button", { name: "Apply to the 1 that can" }).click();
  const dialog = page.getByRole("dialog", { name: "Close 1 complaint?" });
  await expect(dialog.getByText("1 complaint will be closed")).toBeVisible();
  await expect(dialog.getByText(/1 has no final response recorded: closing records today/)).toBeVisible();
  await expect(dialog.getByText("2 selected complaints stay as they are")).toBeVisible();
  await page.screenshot({ path: "test-results/complaints-bulk-close-confirm.png" });
  // Cancelling changes nothing.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("row", { name: third.reference }).getByText("Analysed")).toBeVisible();
  await bar.getByRole("button", { name: "Apply to the 1 that can" }).click();
  await page
    .getByRole("dialog", { name: "Close 1 complaint?" })
    .getByRole("button", { name: "Close 1 complaint" })
    .click();
  await expect(page.getByText("Updated 1 of 1 complaints").first()).toBeVisible();
  await expect(page.getByRole("row", { name: third.reference }).getByText("Closed")).toBeVisible();
  await expect(page.getByRole("row", { name: first.reference }).getByText("New")).toBeVisible();
});
