import { expect, type Page, test } from "@playwright/test";
import { demoMonth } from "./support/demo";
import { expectNoEnglish, readInSwedish } from "./support/i18n";
import { authFile, DEMO_PASSWORD } from "./support/roles";
import { expectSignedIn, signIn } from "./support/sign-in";

const shot = (name: string) => `/tmp/sv-admin-taxonomies-${name}.png`;

/** Codes the sample's complaints in order, in Swedish, one root cause (or "Ingen av dessa") each. */
async function codeAll(page: Page, codes: string[]) {
  for (const [i, code] of codes.entries()) {
    await expect(page.getByText(new RegExp(`^Klagomål ${i + 1} av ${codes.length} · .* · mottaget \\d`))).toBeVisible();
    await page.getByRole("radio", { name: code, exact: true }).check();
    await page.getByRole("button", { name: "Spara och nästa" }).click();
    if (i < codes.length - 1) await expect(page.getByRole("link", { name: `Klagomål ${i + 1}, kodat` })).toBeVisible();
  }
}

test.describe("two reviewers who read Swedish measure their tagging agreement", () => {
  test.use({ storageState: authFile("reviewer"), viewport: { width: 1440, height: 900 } });

  test("draw a sample, code it and read kappa, all in Swedish", async ({ page, context, browser, baseURL }) => {
    test.setTimeout(360_000);
    await readInSwedish(context, baseURL);
    const name = `Överensstämmelse ${Date.now().toString(36)}`;
    await page.goto("/agreement");
    await expect(page).toHaveTitle(/Kodningsöverensstämmelse/);
    await expect(page.getByRole("heading", { name: "Kodningsöverensstämmelse", level: 1 })).toBeVisible();
    await expect(page.getByText("(över 0,6 räknas som god överensstämmelse)")).toBeVisible();
    await expect(page.getByText("Dra ett nytt stickprov")).toBeVisible();
    await expectNoEnglish(page, ["agreement"]);
    await page.screenshot({ path: shot("agreement"), fullPage: true });

    const form = page.getByRole("form", { name: "Nytt stickprov" });
    await form.getByLabel("Namn").fill(name);
    await form.getByLabel("Första kodare").selectOption({ label: "Anna Lind" });
    await form.getByLabel("Andra kodare").selectOption({ label: "Erik Berg" });
    await form.getByLabel("Klagomål").fill("5");
    await expect(form.getByLabel("Marknad").locator("option").first()).toHaveText("Alla marknader");
    await form.getByLabel("Marknad").selectOption({ label: "Sweden" });
    await form.getByLabel("Mottagna från").fill(demoMonth("2019-01"));
    await form.getByLabel("Mottagna till").fill(demoMonth("2019-03"));
    await form.getByRole("button", { name: "Dra stickprov" }).click();
    await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
    const sampleUrl = page.url();

    await expect(page.getByText("Dina koder: 0 av 5")).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Klagomål i stickprovet" })).toBeVisible();
    await expect(page.getByRole("group", { name: "Primär grundorsak" })).toBeVisible();
    // Saving without a choice asks for one in Swedish.
    await page.getByRole("button", { name: "Spara och nästa" }).click();
    await expect(page.getByText("Välj en grundorsak, eller ingen av dessa")).toBeVisible();
    await expectNoEnglish(page, ["agreement"]);
    await page.screenshot({ path: shot("agreement-coding"), fullPage: true });

    await codeAll(page, ["Missed due date", "Missed due date", "Slow refund", "Slow refund", "Ingen av dessa"]);
    await expect(
      page.getByText("Du har kodat alla 5. Resultaten visas när Erik Berg också har gjort det"),
    ).toBeVisible();

    // Erik reads Swedish too; he signs in in a context of his own and codes blind.
    const erik = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const other = await erik.newPage();
    await signIn(other, "reviewer2@demo.example", DEMO_PASSWORD);
    await expectSignedIn(other);
    await readInSwedish(erik, baseURL);
    await other.goto(sampleUrl);
    await expect(other.getByText("Dina koder: 0 av 5")).toBeVisible();
    await codeAll(other, ["Missed due date", "Missed due date", "Slow refund", "Missed due date", "Ingen av dessa"]);
    await expect(other.getByRole("region", { name: "Överensstämmelse" })).toContainText("κ 0,69 god");
    await erik.close();

    await page.goto(sampleUrl);
    const agreement = page.getByRole("region", { name: "Överensstämmelse" });
    await expect(agreement).toContainText("κ 0,69 god (95 % KI");
    await expect(agreement).toContainText("samma grundorsak i 80 % av fallen, mot 36 %");
    await expect(page.getByRole("table", { name: "Överensstämmelse per grundorsak" })).toBeVisible();
    const sideBySide = page.getByRole("table", { name: "Koderna sida vid sida" });
    await expect(sideBySide.getByRole("columnheader", { name: "Ingen av dessa" })).toBeVisible();
    const disagreements = page.getByRole("table", { name: "Oenigheter" });
    await expect(disagreements.getByRole("row")).toHaveCount(2);
    await expect(disagreements.getByRole("columnheader", { name: "Klagomål" })).toBeVisible();
    await expectNoEnglish(page, ["agreement"]);
    await page.screenshot({ path: shot("agreement-results"), fullPage: true });

    await page.goto("/agreement");
    const row = page.getByRole("table", { name: "Stickprov" }).getByRole("row", { name: new RegExp(name) });
    await expect(row).toContainText("Anna Lind och Erik Berg");
    await expect(row).toContainText("5 och 5 av 5");
    await expect(row).toContainText("κ 0,69 god");
    await expectNoEnglish(page, ["agreement"]);
    await page.screenshot({ path: shot("agreement-list"), fullPage: true });
  });
});
