import { expect, test } from "@playwright/test";
import { demoMonth } from "./support/demo";
import { authFile } from "./support/roles";

type Report = {
  actionRate: { causes: number; withAction: number; withShipped: number; uncovered: { id: string; name: string }[] };
};

test.use({ storageState: authFile("product_manager") });

test("a product manager reads the action rate of the top causes and starts an action for one without", async ({
  page,
}) => {
  const scope = `market=SE&from=${demoMonth("2019-01")}&to=${demoMonth("2019-12")}`;
  const report = (await (await page.request.get(`/api/v1/reports/root-causes?${scope}`)).json()) as Report;
  const rate = report.actionRate;
  expect(rate.causes).toBeGreaterThan(0);
  expect(rate.withAction + rate.uncovered.length).toBe(rate.causes);

  await page.goto(`/reports/root-causes?${scope}`);
  const card = page.getByRole("region", { name: "Action rate" });
  await expect(card).toContainText(`${Math.round((rate.withAction / rate.causes) * 100)} %`);
  await expect(card).toContainText(`${rate.withAction} of ${rate.causes}`);
  await expect(card).toContainText(`${rate.withShipped} with an action shipped`);
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/root-cause-action-rate.png", fullPage: true });

  // The demo has no action for every top cause: one click starts one.
  expect(rate.uncovered.length).toBeGreaterThan(0);
  const cause = rate.uncovered[0]!;
  await expect(card.getByRole("list", { name: "Top causes without an action" })).toContainText(cause.name);
  await card.getByRole("link", { name: `Start an action for ${cause.name}` }).click();
  await expect(page.getByRole("heading", { name: "New remediation action", level: 1 })).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue(`Remove the cause: ${cause.name}`);
  await page.getByRole("button", { name: "Propose action" }).click();
  await expect(page).toHaveURL(/\/remediation\/[0-9a-f-]{36}$/);

  // Back on the report, the cause now counts as covered.
  await page.goto(`/reports/root-causes?${scope}`);
  await expect(page.getByRole("region", { name: "Action rate" })).toContainText(
    `${rate.withAction + 1} of ${rate.causes}`,
  );
});
