import { expect, test } from "@playwright/test";
import { demoFirstDay, demoMonth } from "./support/demo";
import { authFile } from "./support/roles";

type Report = {
  journeyStage: string | null;
  complaints: number | null;
  monthsWithoutVolume: string[];
  rootCauses: {
    id: string;
    name: string;
    complaints: number | null;
    months: { month: string; complaints: number | null; perMillion: number | null }[];
  }[];
};

test.use({ storageState: authFile("product_manager") });

test("a product manager narrows the root-cause report to a journey stage and reads the trend per million purchases", async ({
  page,
}) => {
  // The bank's second half of 2019 and the month after the demo, which has no purchase volume yet.
  const [from, to] = [demoMonth("2019-07"), demoMonth("2020-01")];
  await page.goto(`/reports/root-causes?market=SE&from=${from}&to=${to}`);
  const filters = page.getByRole("form", { name: "Report filters" });
  await filters.getByLabel("Journey stage").selectOption({ label: "After purchase" });
  await filters.getByRole("button", { name: "Show report" }).click();
  await expect(page).toHaveURL(/journeyStage=after_purchase/);
  await expect(page.getByRole("region", { name: "Complaints" })).toContainText("After purchase");

  // The page shows the stage's figures, fewer than the whole report's.
  const scope = `market=SE&from=${from}&to=${to}`;
  const staged = (await (
    await page.request.get(`/api/v1/reports/root-causes?${scope}&journeyStage=after_purchase`)
  ).json()) as Report;
  const all = (await (await page.request.get(`/api/v1/reports/root-causes?${scope}`)).json()) as Report;
  expect(staged.journeyStage).toBe("after_purchase");
  expect(staged.complaints).toBeGreaterThan(0);
  expect(staged.complaints).toBeLessThan(all.complaints!);
  await expect(page.getByRole("region", { name: "Complaints" })).toContainText(
    staged.complaints!.toLocaleString("en-GB"),
  );
  const biggest = staged.rootCauses[0]!;
  const row = page
    .getByRole("table", { name: "Root causes" })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: biggest.name, exact: true }) });
  await expect(row.getByRole("cell").first()).toHaveText(biggest.complaints!.toLocaleString("en-GB"));

  // Counts by default; per million purchases of the same market and month on request, kept in the URL.
  await expect(page.getByRole("img", { name: /^Tagged complaints per month for the \d most frequent/ })).toBeVisible();
  await page.getByRole("radio", { name: "Per million purchases" }).click();
  await expect(page).toHaveURL(/trend=per_million/);
  const chart = page.getByRole("img", { name: /^Tagged complaints per million purchases per month/ });
  await expect(chart).toBeVisible();
  // The month after the demo has no volume: a gap, named under the chart, never a zero.
  expect(staged.monthsWithoutVolume).toContain(to);
  expect(biggest.months.at(-1)?.perMillion).toBeNull();
  expect(biggest.months.find((m) => m.month === from)?.perMillion).toBeGreaterThan(0);
  await expect(page.getByText(/No purchase volume for .*: left as gaps, not zero\./)).toBeVisible();
  await chart.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/root-cause-stage-trend.png", fullPage: true });
  await page.reload();
  await expect(page.getByRole("radio", { name: "Per million purchases" })).toHaveAttribute("aria-checked", "true");

  // The biggest cause opens exactly its complaints of that stage.
  await row.getByRole("link", { name: biggest.name, exact: true }).click();
  await expect(page).toHaveURL(
    new RegExp(`received_from=${demoFirstDay("2019-07")}.*root_cause=${biggest.id}&journey_stage=after_purchase`),
  );
  const listed = await page.request.get(`/api/v1/complaints?${new URL(page.url()).searchParams}&per_page=1`);
  expect((await listed.json()).total).toBe(biggest.complaints);
});
