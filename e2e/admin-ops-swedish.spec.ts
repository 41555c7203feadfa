import { randomInt } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectNoEnglish, readInSwedish } from "./support/i18n";
import { authFile } from "./support/roles";

// Swedish numbers: a space (U+00A0) between thousands, a decimal comma.
const SWEDISH_DAY = /\d{1,2} (jan|feb|mars|apr|maj|juni|juli|aug|sep|okt|nov|dec)\.? \d{4}/;
const SV_MONTHS_LONG = ["jan.", "feb.", "mars", "apr.", "maj", "juni", "juli", "aug.", "sep.", "okt.", "nov.", "dec."];

test.describe("an admin who reads Swedish", () => {
  test.use({ storageState: authFile("admin"), viewport: { width: 1440, height: 900 } });

  test.beforeEach(async ({ context, baseURL }) => {
    await readInSwedish(context, baseURL);
  });

  test("records a purchase volume and imports one, sees them in Swedish numbers, and opens the publish confirmation", async ({
    page,
  }) => {
    // Months of their own, long before the demo's and the other specs', so parallel runs never share them.
    const year = 2000 + randomInt(10);
    const monthNo = 1 + randomInt(11);
    const month = `${year}-${String(monthNo).padStart(2, "0")}`;
    const next = `${year}-${String(monthNo + 1).padStart(2, "0")}`;

    await page.goto("/admin/volumes?market=NO");
    await expect(page.getByRole("heading", { name: "Köpvolymer", level: 1 })).toBeVisible();
    await expect(page).toHaveTitle(/^Köpvolymer/);
    await expectNoEnglish(page, ["volumes"]);
    await expect(page.getByText("Ange en volym")).toBeVisible();

    // The form: a volume typed the Swedish way, with spaces.
    await page.getByLabel("Marknad", { exact: true }).selectOption("NO");
    await page.getByLabel("Månad", { exact: true }).fill(month);
    await page.getByLabel("Produkt", { exact: true }).selectOption({ label: "Hela marknaden" });
    await page.getByLabel("Antal köp", { exact: true }).fill("4 712 000");
    await page.getByRole("button", { name: "Spara volym" }).click();
    await expect(page.getByText(`Volymen för NO ${month} har sparats`)).toBeVisible();

    // The paste box: all lines or none, counted in Swedish.
    await page.getByLabel("Volymer", { exact: true }).fill(`market,month,purchases\nNO,${next},1234567\n`);
    await page.getByRole("button", { name: "Importera volymer" }).click();
    await expect(page.getByText("1 rad importerad: 1 ny, 0 ersatta, 0 oförändrade")).toBeVisible();

    const table = page.getByRole("table", { name: "Sparade köpvolymer" });
    const row = table.getByRole("row", { name: new RegExp(`^${SV_MONTHS_LONG[monthNo - 1]} ${year}`) });
    await expect(row).toContainText("4\u00a0712\u00a0000");
    await expect(table.getByRole("row", { name: new RegExp(`^${SV_MONTHS_LONG[monthNo]} ${year}`) })).toContainText(
      "1\u00a0234\u00a0567",
    );
    await page.screenshot({ path: "/tmp/sv-admin-ops-volumes.png", fullPage: true });

    // Publication: the month has purchases and no complaints, so publishing asks first, in Swedish.
    await page.goto("/admin/publication?market=NO");
    await expect(page.getByRole("heading", { name: "Publicering", level: 1 })).toBeVisible();
    await expectNoEnglish(page, ["publication"]);
    const label = `${SV_MONTHS_LONG[monthNo - 1]} ${year}`;
    const published = page.getByRole("row", { name: label, exact: true });
    await expect(published).toContainText("Ej publicerad");
    await expect(published).toContainText("0,0");
    await expect(published).toContainText("0 / 4\u00a0712\u00a0000");
    // The demo's months: figures with a decimal comma, purchases with spaces.
    const figures = page.getByRole("table", { name: "Publicerade och aktuella siffror per månad" });
    await expect(figures).toContainText(/[1-9]\d*,\d/);
    await expect(figures).toContainText(/\d+ \/ \d{1,3}\u00a0\d{3}\u00a0\d{3}/);
    await expect(page.getByLabel("Publicera alla opublicerade månader till och med")).toBeVisible();
    await expect(page.getByRole("button", { name: "Ange mål" })).toBeVisible();

    await published.getByRole("button", { name: `Publicera ${label}` }).click();
    const confirm = page.getByRole("dialog", { name: "Publicera ändå?" });
    await expect(confirm).toContainText("Publicerade siffror är offentliga och ändras bara genom en justering");
    // The month as the product writes months in Swedish ("sep. 2019", "juni 2019").
    const short = new Intl.DateTimeFormat("sv-SE", { month: "short", year: "numeric", timeZone: "UTC" }).format(
      new Date(`${month}-01T00:00:00Z`),
    );
    await expect(confirm).toContainText(`${short} har inga räknade klagomål: importerades alla klagomål för månaden?`);
    await expectNoEnglish(page, ["publication"]);
    await page.screenshot({ path: "/tmp/sv-admin-ops-publication-confirm.png", fullPage: true });
    await confirm.getByRole("button", { name: "Avbryt" }).click();
    await expect(confirm).toHaveCount(0);
    await expect(published).toContainText("Ej publicerad");
    await page.screenshot({ path: "/tmp/sv-admin-ops-publication.png", fullPage: true });

    // Both volumes go again, each after a confirmation in Swedish.
    await page.goto("/admin/volumes?market=NO");
    for (const name of [SV_MONTHS_LONG[monthNo - 1], SV_MONTHS_LONG[monthNo]]) {
      page.once("dialog", (dialog) => {
        expect(dialog.message()).toBe(
          `Ta bort volymen för hela marknaden NO ${name} ${year}? Månaden förlorar sin siffra.`,
        );
        void dialog.accept();
      });
      await page.getByRole("button", { name: `Ta bort hela marknaden ${name} ${year}` }).click();
      await expect(page.getByText(`Volymen för ${name} ${year} har tagits bort`)).toBeVisible();
    }
  });

  test("changes a deadline rule and resets it", async ({ page }) => {
    await page.goto("/admin/deadlines");
    await expect(page.getByRole("heading", { name: "Tidsfrister", level: 1 })).toBeVisible();
    await expect(page).toHaveTitle(/^Tidsfrister/);
    await expectNoEnglish(page, ["deadlines"]);
    await expect(page.getByText("bekräfta inom 5 arbetsdagar, svara inom 8 veckor")).toBeVisible();

    const row = page.getByRole("row", { name: "SE Tvistlösningsnämnd" });
    await row.getByRole("button", { name: "Ändra SE Tvistlösningsnämnd" }).click();
    const dialog = page.getByRole("dialog", { name: "Tidsfrister för SE tvistlösningsnämnd" });
    await dialog.getByLabel("Bekräfta inom (dagar)").fill("1");
    await dialog.getByLabel("Svara inom (dagar)").fill("30");
    await expect(dialog.getByText("Räkna bekräftelsen i arbetsdagar")).toBeVisible();
    await dialog.getByRole("button", { name: "Spara tidsfrister" }).click();
    await expect(page.getByText("Regeln för tidsfrister har sparats")).toBeVisible();
    await expect(row).toContainText("1 arbetsdag");
    await expect(row).toContainText("30 dagar");
    await page.screenshot({ path: "/tmp/sv-admin-ops-deadlines.png", fullPage: true });

    await row.getByRole("button", { name: "Återställ SE Tvistlösningsnämnd till standard" }).click();
    await expect(page.getByText("SE Tvistlösningsnämnd följer standardtiderna igen")).toBeVisible();
    await expect(row.getByText("Standard")).toBeVisible();
  });

  test("sets a market's retention rule, reads the schedule and what is due, and removes the rule", async ({ page }) => {
    await page.goto("/admin/retention");
    await expect(page.getByRole("heading", { name: "Gallring", level: 1 })).toBeVisible();
    await expect(page).toHaveTitle(/^Gallring/);
    await expectNoEnglish(page, ["retention"]);
    await expect(page.getByTestId("retention-next-run")).toContainText(/Körs automatiskt; nästa körning .* UTC\./);
    await expect(page.getByLabel("Körs")).toHaveValue("nightly");
    await expect(page.getByLabel("Körs").locator("option:checked")).toHaveText("Varje natt");

    // Fifty years: nothing the demo or another spec holds is that old, so no other run finds more due.
    const sweden = page.getByRole("row", { name: "Sweden" });
    await sweden.getByRole("button", { name: /regel(n)? för Sweden/ }).click();
    const dialog = page.getByRole("dialog", { name: "Gallring för Sweden" });
    await expect(dialog).toContainText("Antal månader efter att ett klagomål har avslutats");
    await dialog.getByLabel("Spara i (månader)").fill("600");
    await dialog.getByRole("button", { name: "Spara regel" }).click();
    await expect(page.getByText("Sweden: personuppgifter sparas 50 år efter avslut")).toBeVisible();
    await expect(sweden).toContainText("50 år efter avslut");
    await expect(sweden.getByRole("cell").nth(1)).toHaveText(SWEDISH_DAY);
    await expect(sweden.getByRole("cell").nth(2)).toHaveText("0");
    await expectNoEnglish(page, ["retention"]);
    await page.screenshot({ path: "/tmp/sv-admin-ops-retention.png", fullPage: true });

    await sweden.getByRole("button", { name: "Ta bort regeln för Sweden" }).click();
    await expect(page.getByText("Sweden sparar personuppgifter tills en regel anges igen")).toBeVisible();
    await expect(sweden).toContainText("Ingen regel: sparas");
  });

  test("erases a customer's personal data and finds it in the audit log in words", async ({ page }) => {
    const tag = `radera${Date.now().toString(36)}`;
    const created = await page.request.post("/api/v1/complaints", {
      data: {
        externalId: tag,
        receivedOn: "2019-05-04",
        market: "SE",
        channel: "customer_service",
        summary: `Fel avgift ${tag}`,
        narrative: "Mitt personnummer är 811218-9876.",
        customerRef: `KUND-${tag}`,
      },
    });
    expect(created.status()).toBe(201);
    const { reference } = await created.json();

    await page.goto("/admin/privacy");
    await expect(page.getByRole("heading", { name: "Radering", level: 1 })).toBeVisible();
    await page.getByLabel("Kundreferens").fill(`KUND-${tag}`);
    await page.getByRole("button", { name: "Sök" }).click();
    const covered = page.getByRole("table", { name: "Berörda klagomål" });
    const line = covered.getByRole("row").filter({ hasText: reference });
    await expect(line).toContainText("4 maj 2019");
    await expect(line).toContainText("Ny");
    await expectNoEnglish(page, ["privacy"]);
    await page.getByRole("button", { name: "Radera personuppgifter" }).click();
    const dialog = page.getByRole("dialog", { name: "Radera personuppgifterna i 1 klagomål?" });
    await expect(dialog).toContainText("Det går inte att ångra.");
    await page.screenshot({ path: "/tmp/sv-admin-ops-privacy.png", fullPage: true });
    await dialog.getByLabel("Anledning (t.ex. begärans referens)").fill("Kundens begäran 2026-42");
    await dialog.getByRole("button", { name: "Radera 1 klagomål" }).click();
    await expect(page.getByText("Personuppgifter raderade i 1 klagomål")).toBeVisible();

    await page.goto("/admin/audit");
    await expect(page.getByRole("heading", { name: "Granskningslogg", level: 1 })).toBeVisible();
    await page.getByLabel("Händelse (eller dess grupp)").fill("privacy.erasure");
    await page.getByRole("button", { name: "Sök" }).click();
    const log = page.getByRole("table", { name: "Granskningslogg" });
    const entry = log.getByRole("row").filter({ hasText: reference }).first();
    await expect(entry).toContainText("Kundens personuppgifter raderade");
    await expect(entry).toContainText("Radering");
    await expect(entry.getByRole("cell").first()).toHaveText(SWEDISH_DAY);
    await expect(page.getByText(/^\d[\d\u00a0]* händelser?$/)).toBeVisible();
    await expectNoEnglish(page, ["audit"]);
    await page.screenshot({ path: "/tmp/sv-admin-ops-audit.png", fullPage: true });
  });
});
