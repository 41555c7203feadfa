import { expect, test } from "@playwright/test";
import { expectNoEnglish, readInSwedish } from "./support/i18n";
import { authFile } from "./support/roles";

const shot = (name: string) => `/tmp/sv-imports-inbox-${name}.png`;

test.describe("a reviewer who reads Swedish imports a file", () => {
  test.use({ storageState: authFile("reviewer"), viewport: { width: 1440, height: 900 } });

  test("uploads a CSV, walks the wizard to the preview, creates what is missing and runs it, all in Swedish", async ({
    page,
    context,
    baseURL,
  }) => {
    test.setTimeout(150_000);
    await readInSwedish(context, baseURL);
    const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const product = `Sparkonto ${tag}`;
    const today = new Date().toISOString().slice(0, 10);
    const csv = [
      "external_id,received_on,market,channel,summary,product",
      `SV-${tag}-1,${today},SE,customer_service,Räntan syns inte ${tag},Faktura`,
      `SV-${tag}-2,${today},SE,customer_service,Okänd produkt ${tag},${product}`,
    ].join("\n");

    await page.goto("/imports");
    await expect(page.getByRole("heading", { name: "Importera klagomål", level: 1 })).toBeVisible();
    await expect(page).toHaveTitle(/Import/);
    // The history is a table once anyone has imported, and says so in words before (the run's order decides).
    await expect(page.getByRole("heading", { name: "Importhistorik", level: 2 })).toBeVisible();
    await expectNoEnglish(page, ["imports"]);
    await page.screenshot({ path: shot("imports-1440"), fullPage: true });

    await page
      .getByLabel("CSV-fil")
      .setInputFiles({ name: `svenska-${tag}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) });
    await expect(page.getByLabel("Kolumnmappning")).toHaveValue("");
    await expect(page.getByLabel("Kolumnmappning").locator("option").first()).toHaveText("Standardformat");
    await page.getByRole("button", { name: "Ladda upp och förhandsgranska" }).click();

    // 1. How the file is read, in Swedish words.
    await expect(page.getByRole("heading", { name: `Importera svenska-${tag}.csv`, level: 1 })).toBeVisible();
    await expect(page.getByText("1. Så läses filen")).toBeVisible();
    await expect(page.getByText("kommatecken", { exact: true })).toBeVisible();
    await expect(page.getByText("rad 1", { exact: true })).toBeVisible();

    // 2. Columns: the fields by their Swedish names.
    const columns = page.getByRole("table", { name: "Kolumnmappning" });
    await expect(columns.getByRole("columnheader", { name: "Kolumn i filen" })).toBeVisible();
    const summaryField = page.getByLabel("Fält för kolumnen summary");
    await expect(summaryField).toHaveValue("summary");
    await expect(summaryField.locator("option:checked")).toHaveText("Sammanfattning");
    await expect(page.getByLabel("Okända produkter").locator("option:checked")).toHaveText("Avvisa raden");
    await expect(page.getByLabel("Kanal för alla rader").locator("option", { hasText: "Kundtjänst" })).toHaveCount(1);

    // 4. Preview: the unknown product is a problem, and nothing can run until it is dealt with.
    await expect(page.getByText("2 rader, 1 med problem")).toBeVisible();
    await expect(page.getByText(/^1 rad har problem\. Rätta mappningen/)).toBeVisible();
    await expect(page.getByRole("list", { name: "Problem" }).getByText(/^Rad 3, product: /)).toBeVisible();
    await expect(page.getByRole("button", { name: "Starta importen" })).toBeDisabled();
    const preview = page.getByRole("table", { name: "Raderna som de kommer att sparas" });
    await expect(preview.getByRole("columnheader", { name: "Mottaget den" })).toBeVisible();
    await expect(preview).toContainText("Kundtjänst");
    await expectNoEnglish(page, ["imports", "codes"]);

    // Creating what is missing: the new product reads "(ny)" in the values and the preview.
    await page.getByLabel(/^Skapa det som saknas/).check();
    await expect(page.getByText("2 rader, 0 med problem")).toBeVisible();
    const products = page.getByRole("table", { name: "Produktvärden" });
    await expect(products.getByRole("row", { name: new RegExp(product) })).toContainText(`${product} (ny)`);
    await expect(preview).toContainText(`${product} (ny)`);
    await expect(page.getByText("(new)")).toHaveCount(0);
    await expectNoEnglish(page, ["imports", "codes"]);
    await page.screenshot({ path: shot("wizard-1440"), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: shot("wizard-390"), fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });

    // Run it and follow the job in Swedish.
    await page.getByRole("button", { name: "Starta importen" }).click();
    const bar = page.getByRole("progressbar", { name: "Importens förlopp" });
    await expect(bar).toBeVisible();
    await expect(page.getByText("Klar", { exact: true }).first()).toBeVisible({ timeout: 90_000 });
    await expect(bar).toHaveAttribute("aria-valuenow", "100");
    await expect(page.getByText("Lästa rader", { exact: true })).toBeVisible();
    await expect(page.getByRole("list", { name: "Skapades eftersom de saknades" })).toContainText(`Produkt ${product}`);
    await expect(page.getByRole("heading", { name: "Importerade klagomål" })).toBeVisible();
    await expectNoEnglish(page, ["imports"]);
    await page.screenshot({ path: shot("progress-1440"), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: shot("progress-390"), fullPage: true });

    // The history lists it with its Swedish status and a Swedish date.
    await page.getByRole("link", { name: "Alla importer" }).click();
    const row = page
      .getByRole("table", { name: "Importhistorik" })
      .getByRole("row", { name: new RegExp(`svenska-${tag}`) });
    await expect(row).toContainText("Klar");
    await expect(row).toContainText(/\d{1,2} (jan|feb|mars|apr|maj|juni|juli|aug|sep|okt|nov|dec)\.? \d{4}/);
    await expect(row).toContainText("Standardformat");
    await page.screenshot({ path: shot("imports-390"), fullPage: true });
  });
});
