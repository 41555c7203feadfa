import { expect, type Page, test } from "@playwright/test";
import en from "@/messages/en";
import sv from "@/messages/sv";
import { authFile } from "./support/roles";

// A Swedish day as the formatting module writes it: "30 sep. 2019", "2 maj 2026".
const SWEDISH_DAY = /^\d{1,2} (jan|feb|mars|apr|maj|juni|juli|aug|sep|okt|nov|dec)\.? \d{4}$/;

/** The English words for codes that Swedish says differently: none may show on a Swedish page. */
const ENGLISH_CODE_LABELS = (["status", "channel", "severity", "journeyStage", "outcome", "excludedReason"] as const)
  .flatMap((kind) =>
    Object.entries(en.codes[kind]).filter(
      ([code, label]) => (sv.codes[kind] as Record<string, string>)[code] !== label,
    ),
  )
  .map(([, label]) => label);

/** Text of the complaint table's cells, the free-text summary column left out (customers write in any language). */
async function codeCellsText(page: Page): Promise<string[]> {
  return page
    .getByRole("table")
    .first()
    .evaluate((table) => {
      const headers = [...table.querySelectorAll("thead th")].map((th) => th.textContent?.trim() ?? "");
      const summary = headers.indexOf("Sammanfattning");
      return [...table.querySelectorAll("tbody tr")].flatMap((tr) =>
        [...tr.querySelectorAll("td")].filter((_, i) => i !== summary).map((td) => td.textContent?.trim() ?? ""),
      );
    });
}

test.describe("a reviewer who reads Swedish", () => {
  // At 1536 px every default column of the list shows (narrower, Received steps aside under the reference).
  test.use({ storageState: authFile("reviewer"), viewport: { width: 1536, height: 900 } });

  test("switches to Swedish and sees the list, a complaint and the dashboard in Swedish with Swedish formats", async ({
    page,
  }) => {
    await page.goto("/complaints");
    await expect(page.getByRole("heading", { name: "Complaints", level: 1 })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");

    await page.getByLabel("Language").selectOption("sv");
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
    await expect(page.getByRole("heading", { name: "Klagomål", level: 1 })).toBeVisible();
    // The shell is Swedish too: one language per screen.
    const nav = page.getByRole("navigation", { name: "Huvudmeny" });
    await expect(nav.getByRole("link", { name: "Översikt" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Inkorg" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Logga ut" })).toBeVisible();
    await expect(page.getByTestId("current-role")).toHaveText("Handläggare");

    // The list: Swedish headers, Swedish code labels, Swedish dates.
    const table = page.getByRole("table").first();
    await expect(table.getByRole("columnheader", { name: "Mottaget" })).toBeVisible();
    await expect(table.getByRole("columnheader", { name: "Kanal" })).toBeVisible();
    const cells = await codeCellsText(page);
    expect(cells.length).toBeGreaterThan(10);
    for (const label of ENGLISH_CODE_LABELS) {
      expect(
        cells.filter((cell) => cell.split(/\n| {2,}/).includes(label) || cell.startsWith(label)),
        label,
      ).toEqual([]);
    }
    const firstReceived = await table.locator("tbody tr").first().locator("td").nth(2).innerText();
    expect(firstReceived.trim()).toMatch(SWEDISH_DAY);

    // The list's own controls are Swedish too: search, toolbar, menus, filters and their code choices.
    await expect(page.getByRole("searchbox", { name: "Sök i sammanfattningar och beskrivningar" })).toBeVisible();
    await expect(page.getByRole("search").getByRole("button", { name: "Sök", exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Försenade" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Tilldelade mig" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Exportera" })).toBeVisible();
    await page.getByRole("button", { name: "Sparade vyer" }).click();
    await expect(page.getByRole("menuitem", { name: "Spara nuvarande vy…" })).toBeVisible();
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Filter: Status" }).click();
    await expect(page.getByRole("menuitemcheckbox", { name: "Under analys" })).toBeVisible();
    await expect(page.getByRole("menuitemcheckbox", { name: "In analysis" })).toHaveCount(0);
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Fler filter" }).click();
    await expect(page.getByLabel("Mottaget från")).toBeVisible();
    await page.getByRole("button", { name: "Filter: Allvarlighet" }).click();
    await expect(page.getByRole("menuitemcheckbox", { name: "Hög" })).toBeVisible();
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");
    await expect(page.getByLabel("Mottaget från")).toBeHidden();

    // The bulk bar: its actions and its status choices in Swedish.
    await page.getByRole("checkbox", { name: "Markera alla på sidan" }).click();
    const bar = page.getByRole("region", { name: "Massåtgärder" });
    await bar.getByLabel("Massåtgärd").selectOption({ label: "Ändra status till" });
    await expect(bar.getByLabel("Status").locator("option", { hasText: "Välj en status" })).toHaveCount(1);
    await expect(
      bar.getByLabel("Status").locator("option", { hasText: /^(Sorterad|Under analys|Analyserad)/ }),
    ).not.toHaveCount(0);
    await page.screenshot({ path: "test-results/i18n-sv-complaints-bulk.png", fullPage: false });
    await page.getByRole("checkbox", { name: "Markera alla på sidan" }).click();
    await expect(bar).toBeHidden();

    // None of the list's English words on the Swedish screen (what customers wrote, the summaries, left out).
    const summaries = await table
      .locator("tbody td")
      .evaluateAll((cells) => cells.map((cell) => (cell as HTMLElement).innerText.trim()).filter(Boolean));
    const listText = summaries.reduce(
      (text, summary) => text.replaceAll(summary, ""),
      await page.locator("main").innerText(),
    );
    for (const word of [
      "Search",
      "More filters",
      "Export",
      "Saved views",
      "Log complaint",
      "Assigned to me",
      "Overdue",
    ]) {
      expect.soft(listText, word).not.toMatch(new RegExp(`\\b${word}\\b`));
    }
    await page.screenshot({ path: "test-results/i18n-sv-complaints.png", fullPage: false });

    // The language stays chosen: a complaint opened from the list is Swedish.
    await table.locator("tbody tr").first().getByRole("link").first().click();
    await expect(page).toHaveURL(/\/complaints\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { name: "Historik" })).toBeVisible();
    await expect(page.getByText("Mottaget den", { exact: true })).toBeVisible();
    await expect(page.getByText("Kundresans steg", { exact: true })).toBeVisible();
    await expect(page.getByRole("region", { name: "Tidsfrister" })).toContainText("Bekräftelse");
    await expect(page.getByRole("region", { name: "Tidsfrister" })).toContainText(/Senast \d{1,2} [a-zå]+\.? \d{4}/);
    const fields = await page.locator("dl").first().locator("xpath=..").innerText();
    for (const label of ENGLISH_CODE_LABELS) expect(fields.split("\n"), label).not.toContain(label);
    await page.screenshot({ path: "test-results/i18n-sv-complaint.png", fullPage: true });

    // The dashboard: Swedish words, Swedish months and decimal commas.
    await page.goto("/dashboard?market=SE");
    await expect(page.getByRole("heading", { name: "Nollvisionen", level: 1 })).toBeVisible();
    await expect(page.getByRole("table", { name: "Fördelning efter kanal" })).toBeVisible();
    await expect(
      page.getByRole("table", { name: "Fördelning efter kanal" }).getByRole("link", { name: "Kundtjänst" }),
    ).toBeVisible();
    await expect(page.getByRole("region", { name: "Senaste månaden" })).toContainText(/\d+,\d/);
    await expect(page.getByRole("region", { name: "Senaste månaden" })).not.toContainText(/\d\.\d/);
    await expect(page.getByRole("region", { name: "Hittills i år" })).toContainText(/^.*jan – [a-zå]+\.? \d{4}/);
    // What people wrote (an action's title) stays as written; every word of the page's own is Swedish.
    const titles = await page
      .getByRole("region", { name: "Åtgärder införda under dessa månader" })
      .getByRole("link")
      .allInnerTexts();
    const main = titles.reduce((text, title) => text.replaceAll(title, ""), await page.locator("main").innerText());
    for (const word of ["Customer service", "Journey stage", "Latest month", "Year to date", "per million"]) {
      expect(main, word).not.toContain(word);
    }
    await page.screenshot({ path: "test-results/i18n-sv-dashboard.png", fullPage: true });

    // And back: English again, English formats.
    await page.getByLabel("Språk").selectOption("en");
    await expect(page.getByRole("heading", { name: "Zero mission", level: 1 })).toBeVisible();
    await expect(page.getByRole("region", { name: "Latest month" })).toContainText(/\d+\.\d/);
  });
});

test.describe("a first visit", () => {
  test.use({ locale: "sv-SE" });

  test("takes the browser's language: a Swedish browser gets the sign-in page in Swedish", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
    await expect(page.getByRole("heading", { name: "Logga in i Noll klagomål" })).toBeVisible();
    await expect(page.getByLabel("Lösenord")).toBeVisible();
    await page.screenshot({ path: "test-results/i18n-sv-sign-in.png" });
  });
});
