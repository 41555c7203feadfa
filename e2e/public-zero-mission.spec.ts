import { randomInt, randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { expectNoEnglish, readInSwedish } from "./support/i18n";
import { authFile } from "./support/roles";

const SV_HEADERS = ["År", "Jan", "Feb", "Mar", "Apr", "Maj", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dec", "Snitt"];
const EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

test.use({ storageState: authFile("admin") });

async function openPublicTable(page: Page, lang: "sv" | "en") {
  await page.goto(`/zero-mission?market=NO&lang=${lang}`);
  return page.getByRole("table");
}

test("an admin publishes a month, the public sees it in Swedish, and a later correction shows as a restatement", async ({
  page,
  browser,
  baseURL,
}) => {
  // A month of its own, years before the demo's (the 24 months before today), so parallel runs never share it.
  const year = 2010 + randomInt(7);
  const monthNo = 1 + randomInt(12);
  const month = `${year}-${String(monthNo).padStart(2, "0")}`;
  // The month as the product writes months in English ("Mar 2019", "Sept 2019").
  const label = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
  const reason = `Korrigerad köpvolym ${randomUUID().slice(0, 8)}`;

  await page.goto("/admin/volumes?market=NO");
  await page.getByLabel("Volumes", { exact: true }).fill(`market,month,purchases\nNO,${month},200000\n`);
  await page.getByRole("button", { name: "Import volumes" }).click();
  await expect(page.getByText("Imported 1 row: 1 new, 0 replaced, 0 unchanged")).toBeVisible();

  await page.goto("/admin/publication?market=NO");
  const row = page.getByRole("row", { name: label });
  await expect(row).toContainText("Not published");
  await row.getByRole("button", { name: `Publish ${label}` }).click();
  // A month without counted complaints goes out only on a confirmation that names the concern.
  const confirm = page.getByRole("dialog", { name: "Publish anyway?" });
  await expect(confirm).toContainText(`${label} has no counted complaints`);
  await confirm.getByRole("button", { name: "Publish anyway" }).click();
  await expect(row).toContainText("Published");

  // The public, signed out.
  const visitor = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const publicPage = await visitor.newPage();
  const table = await openPublicTable(publicPage, "sv");
  await expect(publicPage.getByRole("heading", { level: 1 })).toHaveText("Klagomål per miljon köp: Norge");
  expect((await table.getByRole("columnheader").allInnerTexts()).map((h) => h.trim())).toEqual(SV_HEADERS);
  const yearRow = table.getByRole("row", { name: new RegExp(`^${year}\\b`) });
  await expect(yearRow.getByRole("cell").nth(monthNo - 1)).toHaveText("0");
  await publicPage.screenshot({ path: "test-results/public-zero-mission-sv.png", fullPage: true });

  // A corrected volume: the published figure stands until an admin records a restatement.
  await page.goto("/admin/volumes?market=NO");
  await page.getByLabel("Market", { exact: true }).selectOption("NO");
  await page.getByLabel("Month", { exact: true }).fill(month);
  await page.getByLabel("Purchases", { exact: true }).fill("250 000");
  await page.getByRole("button", { name: "Save volume" }).click();
  await expect(page.getByText(`Volume for NO ${month} replaced`)).toBeVisible();

  await page.goto("/admin/publication?market=NO");
  await expect(row).toContainText("Changed since publication");
  await row.getByRole("button", { name: `Restate ${label}` }).click();
  const dialog = page.getByRole("dialog", { name: `Restate ${label}` });
  await dialog.getByLabel("Reason", { exact: true }).fill(reason);
  await dialog.getByRole("button", { name: "Record restatement" }).click();
  await expect(row).toContainText(`Restated`);
  await expect(row).toContainText(reason);

  await openPublicTable(publicPage, "sv");
  await expect(yearRow.getByRole("cell").nth(monthNo - 1)).toContainText("0*");
  await expect(publicPage.getByRole("region", { name: "* Justeringar" })).toContainText(reason);
  const csv = await publicPage.request.get(`/api/public/zero-mission?market=NO&format=csv`);
  expect(await csv.text()).toMatch(new RegExp(`^${year},`, "m"));
  await visitor.close();
});

test("the public page answers in English and offers the CSV", async ({ browser, baseURL }) => {
  const visitor = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const page = await visitor.newPage();
  const table = await openPublicTable(page, "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Complaints per million purchases: Norway");
  const headers = (await table.getByRole("columnheader").allInnerTexts()).map((h) => h.trim());
  expect(headers).toEqual(["Year", ...EN_MONTHS, "Average"]);
  await expect(page.getByRole("link", { name: "Download as CSV" })).toHaveAttribute(
    "href",
    "/api/public/zero-mission?market=NO&format=csv",
  );
  await visitor.close();
});

test.describe("a visitor whose browser asks for Swedish", () => {
  // No sign-in, no cookie, no ?lang=: the language comes from Accept-Language, as on every page.
  test.use({ storageState: { cookies: [], origins: [] }, locale: "sv-SE", viewport: { width: 390, height: 844 } });

  test("reads the public page in Swedish on a phone", async ({ page }) => {
    await page.goto("/zero-mission?market=NO");
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
    await expect(page).toHaveTitle(/^Klagomål per miljon köp – Norge/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Klagomål per miljon köp: Norge");
    await expect(page.getByText("Vårt nollvisionsmål för klagomål")).toBeVisible();
    const table = page.getByRole("table");
    expect((await table.getByRole("columnheader").allInnerTexts()).map((h) => h.trim())).toEqual(SV_HEADERS);
    await expect(
      page.getByRole("navigation", { name: "Språk" }).getByRole("link", { name: "Svenska" }),
    ).toHaveAttribute("aria-current", "page");
    await expect(
      page.getByRole("navigation", { name: "Marknad" }).getByRole("link", { name: "Sverige" }),
    ).toBeVisible();
    await expect(page.getByRole("link", { name: "Ladda ner som CSV" })).toBeVisible();
    await expect(page.getByText(/^Mål \d{4}: \d+/)).toBeVisible();
    await expectNoEnglish(page, ["zeroMission"]);
    await page.screenshot({ path: "/tmp/sv-admin-ops-zero-mission-390.png", fullPage: true });

    // The other language is one link away, and that link keeps it.
    await page.getByRole("link", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Complaints per million purchases: Norway");
  });

  test("keeps a chosen language over the browser's", async ({ browser, baseURL }) => {
    const visitor = await browser.newContext({ baseURL, locale: "en-GB", storageState: { cookies: [], origins: [] } });
    await readInSwedish(visitor, baseURL);
    const page = await visitor.newPage();
    await page.goto("/zero-mission?market=SE");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Klagomål per miljon köp: Sverige");
    await visitor.close();
  });
});
