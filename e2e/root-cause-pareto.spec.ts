import { expect, test } from "@playwright/test";
import { demoFirstDay, demoLastDay, demoMonth } from "./support/demo";
import { authFile } from "./support/roles";

type Report = {
  rootCauses: { id: string; name: string; complaints: number | null; cumulativeShare: number | null }[];
};

test.use({ storageState: authFile("product_manager") });

test("a product manager reads the Pareto, drills down from the biggest bar, exports CSV and starts an action", async ({
  page,
}) => {
  // The demo months that stand for the bank's first half of 2019.
  const scope = `market=SE&from=${demoMonth("2019-01")}&to=${demoMonth("2019-06")}`;
  const received = `received_from=${demoFirstDay("2019-01")}&received_to=${demoLastDay("2019-06")}`;
  const report = (await (await page.request.get(`/api/v1/reports/root-causes?${scope}`)).json()) as Report;
  const biggest = report.rootCauses[0];
  expect(biggest!.complaints).toBeGreaterThan(0);
  expect(report.rootCauses.at(-1)?.cumulativeShare).toBeCloseTo(1, 6);

  await page.goto(`/reports/root-causes?${scope}`);
  const pareto = page.getByRole("figure", { name: /Tagged complaints by root cause, most frequent first/ });
  await expect(pareto).toBeVisible();
  await expect(pareto.getByText("80 %").first()).toBeVisible();
  await page.screenshot({ path: "test-results/root-cause-pareto.png", fullPage: true });

  // The biggest bar opens exactly its complaints: the list counts as many as the bar.
  await pareto.locator(".recharts-bar-rectangle").first().click();
  await expect(page).toHaveURL(new RegExp(`/complaints\\?market=SE&${received}&excluded=no&root_cause=${biggest!.id}`));
  await expect(page.getByText(new RegExp(`of ${biggest!.complaints!.toLocaleString("en-GB")}$`))).toBeVisible();
  const listed = await page.request.get(
    `/api/v1/complaints?market=SE&${received}&excluded=no&root_cause=${biggest!.id}&per_page=1`,
  );
  expect((await listed.json()).total).toBe(biggest!.complaints);

  // A cell of the cause × product matrix opens that cause's complaints of that product.
  await page.goto(`/reports/root-causes?${scope}`);
  const matrix = page.getByRole("table", { name: "Root causes by product" });
  const cell = matrix
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: biggest!.name, exact: true }) })
    .getByRole("link")
    .first();
  const count = Number((await cell.innerText()).replace(/\D/g, ""));
  await cell.click();
  await expect(page).toHaveURL(new RegExp(`root_cause=${biggest!.id}&product=[0-9a-f-]{36}`));
  const product = new URL(page.url()).searchParams.get("product");
  const inCell = await page.request.get(
    `/api/v1/complaints?market=SE&${received}&excluded=no&root_cause=${biggest!.id}&product=${product}&per_page=1`,
  );
  expect((await inCell.json()).total).toBe(count);

  // The table as CSV, with the cumulative share.
  await page.goto(`/reports/root-causes?${scope}`);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await download;
  const csv = await (await file.createReadStream()).toArray();
  const text = Buffer.concat(csv).toString("utf8");
  const [header, first] = text.trim().split("\n");
  expect(header!.split(",").slice(0, 6)).toEqual([
    "root_cause_id",
    "root_cause",
    "complaints",
    "as_primary",
    "share",
    "cumulative_share",
  ]);
  expect(first!.startsWith(`${biggest!.id},${biggest!.name},${biggest!.complaints},`)).toBe(true);

  // A new action for the cause, owned by the product manager who starts it.
  await page.getByRole("link", { name: `New action for ${biggest!.name}` }).click();
  await expect(page.getByRole("heading", { name: "New remediation action", level: 1 })).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue(`Remove the cause: ${biggest!.name}`);
  await page.getByRole("button", { name: "Propose action" }).click();
  await expect(page).toHaveURL(/\/remediation\/[0-9a-f-]{36}$/);
  await expect(page.getByText("You own this action")).toBeVisible();
  await expect(page.getByText(biggest!.name).first()).toBeVisible();
});
