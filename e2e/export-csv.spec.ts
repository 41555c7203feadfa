import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { demoFirstDay, demoLastDay } from "./support/demo";
import { authFile } from "./support/roles";

test.describe("reviewer exports the filtered list", () => {
  test.use({ storageState: authFile("reviewer") });

  test("downloads canonical CSV of exactly the filtered complaints, and the Excel variant", async ({ page }) => {
    // The demo's last six months hold demo complaints only: other journeys add complaints (in other months) while this runs.
    const [from, to] = [demoFirstDay("2019-07"), demoLastDay("2019-12")];
    const filter = `market=SE&status=new&received_from=${from}&received_to=${to}`;
    const response = await page.request.get(`/api/v1/complaints/export?${filter}`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-disposition"]).toMatch(
      /attachment; filename="complaints-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const records = parse(await response.body(), { columns: true }) as Record<string, string>[];
    expect(records.length).toBeGreaterThan(0);
    expect(
      records.every((r) => r.market === "SE" && r.status === "new" && r.received_on! >= from && r.received_on! <= to),
    ).toBe(true);
    expect(Object.keys(records[0]!).slice(0, 5)).toEqual([
      "external_id",
      "received_on",
      "market",
      "channel",
      "summary",
    ]);

    const excel = await page.request.get(`/api/v1/complaints/export?${filter}&excel=1`);
    const bytes = await excel.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parse(bytes.subarray(3), { columns: true, delimiter: ";" })).toHaveLength(records.length);
  });
});

test.describe("product manager exports", () => {
  test.use({ storageState: authFile("product_manager") });

  test("gets the same rows as a reviewer, without customer references", async ({ page, playwright, baseURL }) => {
    // Demo complaints only (see above): other journeys add complaints while this runs.
    const query = `/api/v1/complaints/export?market=SE&received_from=${demoFirstDay("2019-07")}&received_to=${demoLastDay("2019-12")}`;
    const reviewer = await playwright.request.newContext({ baseURL, storageState: authFile("reviewer") });
    const full = parse(await (await reviewer.get(query)).body(), { columns: true }) as Record<string, string>[];
    await reviewer.dispose();
    expect(full.some((r) => r.customer_ref !== "")).toBe(true);

    const response = await page.request.get(query);
    expect(response.status()).toBe(200);
    const records = parse(await response.body(), { columns: true }) as Record<string, string>[];
    expect(records.map((r) => r.external_id)).toEqual(full.map((r) => r.external_id));
    expect(records.every((r) => r.customer_ref === "")).toBe(true);
  });
});

test.describe("leadership", () => {
  test.use({ storageState: authFile("leadership") });

  test("may not export complaints", async ({ page }) => {
    const response = await page.request.get("/api/v1/complaints/export");
    expect(response.status()).toBe(403);
  });
});
