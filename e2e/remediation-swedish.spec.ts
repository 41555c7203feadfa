import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { demoDay } from "./support/demo";
import { expectNoEnglish, readInSwedish } from "./support/i18n";
import { authFile } from "./support/roles";

const RENAME = "Rename Klarna konto to Klarna delbetalningskonto";
// A Swedish day as the formatting module writes it: "30 sep. 2019", "1 mars 2019".
const SWEDISH_DAY = /\d{1,2} (jan|feb|mars|apr|maj|juni|juli|aug|sep|okt|nov|dec)\.? \d{4}/;
const NAMESPACES = ["remediation", "comments"] as const;

const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

async function swedish(context: BrowserContext, baseURL: string | undefined) {
  await readInSwedish(context, baseURL);
}

test.describe("a product manager who reads Swedish", () => {
  test.use({ storageState: authFile("product_manager") });

  test("at 1440 px reads the list and their shipped action in Swedish, and comments on it", async ({
    page,
    context,
    baseURL,
  }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await swedish(context, baseURL);
    await page.goto("/remediation");
    await expect(page.getByRole("heading", { name: "Åtgärder", level: 1 })).toBeVisible();
    await expect(page.getByRole("button", { name: "Mina åtgärder" })).toBeVisible();
    const table = page.getByRole("table", { name: "Åtgärder" });
    await expect(table.getByRole("columnheader", { name: "Åtgärd", exact: true })).toBeVisible();
    await expect(table.getByRole("columnheader", { name: "Klar senast" })).toBeVisible();
    await expect(table.getByRole("columnheader", { name: "Senaste effektmätning" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Åtgärder" })).toBeHidden();
    const row = page.getByRole("row", { name: RENAME });
    await expect(row.getByText("Levererad", { exact: true })).toBeVisible();
    await expect(row.getByText("Färre klagomål", { exact: true })).toBeVisible();
    await expect(row).toContainText(/Frekvens −\d+,\d %/);
    await expect(row).toContainText(SWEDISH_DAY);
    // The status filter offers the statuses in Swedish and narrows through the URL.
    await expect(page.getByLabel("Status").locator("option", { hasText: "Pågår" })).toHaveCount(1);
    await page.getByLabel("Status").selectOption({ label: "Föreslagen" });
    await expect(page).toHaveURL(/status=proposed/);
    await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
    await expect(page.getByRole("row", { name: RENAME })).toHaveCount(0);
    await expect(table.getByText("Föreslagen", { exact: true }).first()).toBeVisible();
    await page.getByRole("button", { name: "Rensa filter" }).click();
    await expect(page.getByRole("row", { name: RENAME })).toBeVisible();
    await expectNoEnglish(page, NAMESPACES);
    await page.screenshot({ path: "/tmp/sv-remediation-list-1440.png", fullPage: true });

    await page.getByRole("row", { name: RENAME }).getByRole("link").click();
    await expect(page.getByRole("heading", { name: RENAME, level: 1 })).toBeVisible();
    await expect(
      page.getByText(/^Föreslagen av .+ den \d{1,2} \S+ \d{4} · ägare: Petra Holm · version \d+$/),
    ).toBeVisible();
    await expect(page.getByText("Du äger den här åtgärden")).toBeVisible();
    for (const title of [
      "Uppgifter",
      "Status och anteckningar",
      "Effekt",
      "Grundorsaker",
      "Klagomål som underlag",
      "Kommentarer",
    ])
      await expect(page.getByText(title, { exact: true }).first()).toBeVisible();
    await expect(
      page.getByText("En handläggare verifierar åtgärden när effektmätningen visar att den har fungerat."),
    ).toBeVisible();
    const dueDate = page.locator("dt", { hasText: "Klar senast" }).locator("+ dd");
    await expect(dueDate).toHaveText(SWEDISH_DAY);
    await expect(page.getByLabel("Utfall")).toHaveText(
      /^Färre klagomål efter leveransen: frekvensen sjönk med \d+ % \(95 % KI \d+–\d+ %\)/,
    );
    await expect(page.getByText(/^Frekvenskvot efter\/före: 0,\d\d \(95 % KI \d,\d\d–\d,\d\d\)$/)).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: "Före" }).first()).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "Per miljon" })).toBeVisible();
    await expect(page.getByText("Perioden före, dess frekvens streckad")).toBeVisible();
    await expect(page.getByText("Leverans", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Mät effekten igen" })).toBeVisible();
    const ownerStatus = page.getByLabel("Status", { exact: true });
    await expect(ownerStatus.locator("option", { hasText: "Levererad" })).toHaveCount(1);
    await expect(page.getByRole("button", { name: "Spara status och anteckningar" })).toBeVisible();

    // A comment in Swedish: the mention suggestion, the confirmation and the comment's own words.
    const tag = `sv${Date.now().toString(36)}`;
    const box = page.getByRole("combobox", { name: "Kommentar" });
    await expect(box).toHaveAttribute("placeholder", "Skriv @ för att nämna en kollega");
    await box.fill(`Kan du titta på siffrorna ${tag} `);
    await box.pressSequentially("@Ann");
    await expect(
      page.getByRole("listbox", { name: "Kollegor att nämna" }).getByRole("option", { name: /Anna Lind/ }),
    ).toBeVisible();
    await box.press("Enter");
    await page.getByRole("button", { name: "Lägg till kommentar" }).click();
    await expect(page.getByText("Skickat till Anna Lind")).toBeVisible();
    const comment = page.getByRole("listitem").filter({ hasText: tag });
    await expect(comment).toContainText("Omnämnda: Anna Lind");
    await expect(comment).toContainText(SWEDISH_DAY);
    await expectNoEnglish(page, NAMESPACES);
    await page.screenshot({ path: "/tmp/sv-remediation-detail-1440.png", fullPage: true });
  });

  test("at 390 px the actions are cards, the filters fold away and nothing scrolls sideways", async ({
    page,
    context,
    baseURL,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await swedish(context, baseURL);
    await page.goto("/remediation");
    await expect(page.getByRole("heading", { name: "Åtgärder", level: 1 })).toBeVisible();
    const cards = page.getByRole("list", { name: "Åtgärder" });
    await expect(cards.getByRole("listitem").first()).toBeVisible();
    await expect(page.getByRole("table", { name: "Åtgärder" })).toBeHidden();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    const card = cards.getByRole("listitem", { name: RENAME });
    await expect(card.getByText("Levererad", { exact: true })).toBeVisible();
    await expect(card).toContainText(/Klar senast \d{1,2} \S+ \d{4}/);
    await expect(card.getByText("Färre klagomål", { exact: true })).toBeVisible();

    const filters = page.getByRole("button", { name: "Filter", exact: true });
    await expect(filters).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByLabel("Grundorsak")).toBeHidden();
    await filters.click();
    await expect(page.getByLabel("Grundorsak")).toBeVisible();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await page.getByLabel("Status").selectOption({ label: "Levererad" });
    await expect(page).toHaveURL(/status=shipped/);
    await expect(page.getByRole("button", { name: "Filter (på)" })).toBeVisible();
    await expect(cards.getByRole("listitem", { name: RENAME })).toBeVisible();
    await expect(cards.getByText("Föreslagen", { exact: true })).toHaveCount(0);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await expectNoEnglish(page, NAMESPACES);
    await page.screenshot({ path: "/tmp/sv-remediation-list-390.png", fullPage: true });

    await cards.getByRole("link", { name: RENAME }).click();
    await expect(page.getByRole("heading", { name: RENAME, level: 1 })).toBeVisible();
    await expect(page.getByLabel("Utfall")).toContainText("Färre klagomål efter leveransen");
    await expect(page.getByRole("button", { name: "Spara status och anteckningar" })).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Kommentar" })).toBeVisible();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await expectNoEnglish(page, NAMESPACES);
    await page.screenshot({ path: "/tmp/sv-remediation-detail-390.png", fullPage: true });
  });
});

test.describe("a reviewer who reads Swedish", () => {
  test.use({ storageState: authFile("reviewer"), viewport: { width: 1440, height: 900 } });

  test("proposes an action, moves it through the workflow and checks its effect, all in Swedish", async ({
    page,
    context,
    baseURL,
  }) => {
    const title = `Förklara kontonamnet i kassan sv${Date.now().toString(36)}`;
    await swedish(context, baseURL);
    await page.goto("/remediation");
    await page.getByRole("link", { name: "Ny åtgärd" }).click();
    await expect(page.getByRole("heading", { name: "Ny åtgärd", level: 1 })).toBeVisible();
    await expect(page.getByText("Oftast produktansvarig för produkten.")).toBeVisible();
    await expectNoEnglish(page, NAMESPACES);
    await page.getByLabel("Rubrik").fill(title);
    await page.getByLabel("Beskrivning").fill("Säg i kassan att kontot är en kredit.");
    await page.getByLabel("Ägare").selectOption({ label: "Petra Holm" });
    await page.getByLabel("Marknad").selectOption("SE");
    await expect(page.getByLabel("Produkt").locator("option").first()).toHaveText("Alla produkter");
    await page.getByRole("button", { name: "Föreslå åtgärd" }).click();

    await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
    await expect(page.getByText("Föreslagen", { exact: true })).toBeVisible();
    await expect(page.getByText("Effekten kan mätas när åtgärden har levererats.")).toBeVisible();
    await expect(page.getByText("Ingen grundorsak är kopplad ännu. Effektmätningen behöver minst en.")).toBeVisible();
    await page.getByLabel("Grundorsak att koppla").selectOption({ label: "Unclear product name" });
    await page.getByRole("button", { name: "Koppla grundorsak" }).click();
    await expect(
      page.getByRole("list", { name: "Kopplade grundorsaker" }).getByText("Unclear product name"),
    ).toBeVisible();

    await expect(page.getByRole("button", { name: "Markera som levererad" })).toHaveCount(0);
    await page.getByRole("button", { name: "Godkänn" }).click();
    await expect(page.getByText("Godkänd", { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Påbörja arbetet" }).click();
    await expect(page.getByText("Pågår", { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Markera som levererad" }).click();
    const dialog = page.getByRole("dialog", { name: "Markera som levererad" });
    await expect(dialog).toContainText("Effektmätningen jämför månaderna före det här datumet med månaderna efter.");
    await dialog.getByLabel("Levererad den").fill(demoDay("2019-03-01"));
    await dialog.getByRole("button", { name: "Markera som levererad" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByText("Levererad", { exact: true })).toBeVisible();
    const shippedOn = page.locator("dt", { hasText: "Levererad den" }).locator("+ dd");
    await expect(shippedOn).toHaveText(/^1 (jan|feb|mars|apr|maj|juni|juli|aug|sep|okt|nov|dec)\.? \d{4}$/);

    await page.getByRole("button", { name: "Mät effekten" }).click();
    await expect(page.getByLabel("Utfall")).toHaveText(
      /^(Färre klagomål efter leveransen|Ingen tydlig förändring|Fler klagomål efter leveransen)/,
    );
    await expect(page.getByText(/^Mätt av Anna Lind · \d{1,2} \S+ \d{4}/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Mät effekten igen" })).toBeVisible();

    await page.getByRole("button", { name: "Redigera uppgifter" }).click();
    await page.getByLabel("Anteckningar").fill("Texten i kassan är ändrad.");
    await page.getByRole("button", { name: "Spara ändringar" }).click();
    await expect(page.getByText("Texten i kassan är ändrad.")).toBeVisible();
    await expectNoEnglish(page, NAMESPACES);
  });
});
