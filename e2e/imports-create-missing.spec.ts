import path from "node:path";
import { expect, test } from "@playwright/test";
import { authFile } from "./support/roles";

const shots = (name: string) => path.join("test-results", "imports", `${name}.png`);

test.describe("an import creates what is missing", () => {
  test.use({ storageState: authFile("reviewer") });

  test("a file with an unknown product and a new market imports with 'Create what is missing', and its Norwegian complaint is found by another word form", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const product = `Kontokreditt ${tag}`;
    const today = new Date().toISOString().slice(0, 10);
    const csv = [
      "external_id,received_on,market,channel,summary,product",
      `NEW-${tag}-1,${today},BV,customer_service,Betaling ble ikke registrert ${tag},${product}`,
      `NEW-${tag}-2,${today},SE,customer_service,Okänd produkt ${tag},${product}`,
    ].join("\n");

    await page.goto("/imports");
    await page
      .getByLabel("CSV file")
      .setInputFiles({ name: `missing-${tag}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("button", { name: "Upload and preview" }).click();

    // Without the option, the unknown market and product are row problems that say how to create them.
    await expect(page.getByText("2 rows, 2 with problems")).toBeVisible();
    await expect(page.getByText(/--create-missing/).first()).toBeVisible();
    await expect(page.getByRole("button", { name: "Start import" })).toBeDisabled();

    await page.getByLabel(/Create what is missing/).check();
    await expect(page.getByText("2 rows, 0 with problems")).toBeVisible();
    await page.getByRole("button", { name: "Start import" }).click();
    await expect(page.getByText("Completed", { exact: true })).toBeVisible({ timeout: 60_000 });
    const created = page.getByRole("list", { name: "Created because they were missing" });
    await expect(created).toContainText("Market BV (Bouvet Island, norwegian)");
    await expect(created).toContainText(`Product ${product}`);
    await page.screenshot({ path: shots("created"), fullPage: true });

    // The new market's complaint is stemmed in Norwegian: "betalingene" finds "betaling".
    await page.goto("/complaints");
    await page.getByRole("searchbox", { name: "Search summaries and narratives" }).fill(`betalingene ${tag}`);
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page).toHaveURL(/q=/);
    await expect(page.getByText("1–1 of 1")).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: `ble ikke registrert ${tag}` });
    await expect(row).toBeVisible();
    await expect(row.locator("mark", { hasText: "Betaling" })).toBeVisible();
  });
});
