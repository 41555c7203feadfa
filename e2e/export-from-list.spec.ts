import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { demoFirstDay, demoLastDay, demoMonth } from "./support/demo";
import { authFile } from "./support/roles";

test.use({ storageState: authFile("reviewer") });

test("a reviewer exports the filtered list from the list page", async ({ page }) => {
  // The demo month that stands for the bank's June 2019.
  const month = demoMonth("2019-06");
  await page.goto(
    `/complaints?market=NO&status=closed&received_from=${demoFirstDay("2019-06")}&received_to=${demoLastDay("2019-06")}`,
  );
  await page.getByRole("button", { name: "Export" }).click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("menuitem", { name: "CSV (UTF-8, comma)" }).click(),
  ]);
  const records = parse(readFileSync(await download.path()), { columns: true }) as Record<string, string>[];
  expect(records.length).toBeGreaterThan(0);
  expect(records.every((r) => r.market === "NO" && r.status === "closed" && r.received_on!.startsWith(month))).toBe(
    true,
  );
});
