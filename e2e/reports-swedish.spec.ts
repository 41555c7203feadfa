import { expect, type Page, test } from "@playwright/test";
import { demoMonth } from "./support/demo";
import { expectNoEnglish, readInSwedish } from "./support/i18n";
import { authFile } from "./support/roles";

type Report = {
  complaints: number | null;
  rootCauses: {
    id: string;
    name: string;
    complaints: number | null;
    perMillion: number | null;
    cumulativeShare: number | null;
    suppressed: boolean;
  }[];
};

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/** A number as Swedish writes it, as a pattern: any space for the thousands separator (a no-break space in Intl). */
function swedish(value: number, digits?: number): RegExp {
  const text = value.toLocaleString(
    "sv-SE",
    digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits },
  );
  return new RegExp(text.replace(/[\s\u00a0\u202f]/g, "[\\s\\u00a0\\u202f]").replace("−", "[−-]"));
}

/** The page fits the phone: nothing scrolls sideways but the wide tables inside their own cards. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, "page width at 390 px").toBeLessThanOrEqual(390);
}

const rowOf = (page: Page, table: string, name: string) =>
  page
    .getByRole("table", { name: table, exact: true })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name, exact: true }) });

test.describe("a product manager who reads Swedish", () => {
  test.use({ storageState: authFile("product_manager"), viewport: DESKTOP });

  test("reads the root-cause report in Swedish, with Swedish numbers in the tables, the chart's tooltip and legend, at 1440 and 390 px", async ({
    page,
    context,
    baseURL,
  }) => {
    await readInSwedish(context, baseURL);
    const scope = `market=SE&from=${demoMonth("2019-01")}&to=${demoMonth("2019-06")}`;
    const report = (await (await page.request.get(`/api/v1/reports/root-causes?${scope}`)).json()) as Report;
    const biggest = report.rootCauses.find((r) => !r.suppressed && r.perMillion != null)!;
    expect(biggest.perMillion).toBeGreaterThan(0);

    await page.goto(`/reports/root-causes?${scope}`);
    await expect(page.getByRole("heading", { name: "Grundorsaker", level: 1 })).toBeVisible();
    const filters = page.getByRole("form", { name: "Rapportfilter" });
    await expect(filters.getByLabel("Kundresans steg")).toBeVisible();
    await expect(filters.getByRole("button", { name: "Visa rapport" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Med grundorsak" })).toContainText("av klagomålen har analyserats");
    await expect(page.getByRole("region", { name: "Klagomål", exact: true })).toContainText(
      swedish(report.complaints!),
    );

    // The table: Swedish headings, the rate per million with a decimal comma, as the API has it.
    const table = page.getByRole("table", { name: "Grundorsaker", exact: true });
    await expect(table.getByRole("columnheader", { name: "Per miljon före" })).toBeVisible();
    await expect(table.getByRole("columnheader", { name: "Förändring i andel" })).toBeVisible();
    const perMillion = rowOf(page, "Grundorsaker", biggest.name).getByRole("cell").nth(4);
    await expect(perMillion).toHaveText(swedish(biggest.perMillion!, 2));
    await expect(perMillion).toHaveText(/^\d[\d\s\u00a0]*,\d\d$/);

    // The matrix names the journey stages in Swedish.
    const byStage = page.getByRole("table", { name: "Grundorsaker per steg i kundresan" });
    await expect(byStage.getByRole("columnheader", { name: "Totalt" })).toBeVisible();
    await expect(byStage.getByRole("columnheader", { name: "Efter köpet" })).toBeVisible();

    // The Pareto chart: its legend under the chart and its tooltip in Swedish, the share with a decimal comma.
    const pareto = page.getByRole("figure", { name: /^Klagomål per grundorsak, vanligaste först/ });
    await expect(pareto).toBeVisible();
    await expect(pareto.locator("figcaption")).toContainText(`1. ${biggest.name}:`);
    await expect(pareto.locator("figcaption")).toContainText("kumulativt)");
    await pareto.locator(".recharts-bar-rectangle").first().hover();
    const tooltip = pareto.locator(".recharts-tooltip-wrapper");
    await expect(tooltip).toContainText("Kumulativ andel (%)");
    await expect(tooltip).toContainText(swedish(Math.round(biggest.cumulativeShare! * 1000) / 10, 1));

    // The trend: the toggle, the chart's name and the note on months without a volume.
    await expect(
      page.getByRole("img", { name: /^Klagomål med grundorsak per månad för de \d vanligaste/ }),
    ).toBeVisible();
    await page.getByRole("radio", { name: "Per miljon köp" }).click();
    await expect(page).toHaveURL(/trend=per_million/);
    await expect(
      page.getByRole("img", { name: /^Klagomål med grundorsak per miljon köp per månad för de \d vanligaste/ }),
    ).toBeVisible();
    await expect(page.getByRole("region", { name: "Åtgärdsgrad" })).toContainText(
      "av de största orsakerna har en åtgärd",
    );

    await expectNoEnglish(page, ["reports", "common", "codes"]);
    await page.screenshot({ path: "/tmp/sv-reports-report-1440.png", fullPage: true });

    // On a phone: the same report, nothing wider than the screen; the wide table scrolls in its card.
    await page.setViewportSize(PHONE);
    await page.reload();
    await expect(page.getByRole("heading", { name: "Grundorsaker", level: 1 })).toBeVisible();
    await expect(perMillion).toHaveText(swedish(biggest.perMillion!, 2));
    await expectNoSidewaysScroll(page);
    const scroller = page.getByRole("table", { name: "Grundorsaker", exact: true }).locator("xpath=..");
    expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await page.screenshot({ path: "/tmp/sv-reports-report-390.png", fullPage: true });
  });
});

test.describe("leadership who reads Swedish", () => {
  test.use({ storageState: authFile("leadership"), viewport: DESKTOP });

  test("reads the dashboard in Swedish with decimal commas and a Swedish chart legend, at 1440 and 390 px", async ({
    page,
    context,
    baseURL,
  }) => {
    await readInSwedish(context, baseURL);
    await page.goto("/dashboard?market=SE");
    await expect(page.getByRole("heading", { name: "Nollvisionen", level: 1 })).toBeVisible();
    await expect(page.getByRole("region", { name: /^Mål \d{4}$/ })).toContainText(/\d,\d/);
    await expect(page.getByRole("region", { name: "Hittills i år" })).toContainText(/\d,\d/);
    await expect(page.getByRole("region", { name: "Hittills i år" })).toContainText("mot målet");

    const chart = page.getByRole("img", { name: /klagomål per miljon köp per månad med mål och styrgränser/ });
    await expect(chart).toBeVisible();
    const legend = chart.locator("figcaption");
    await expect(legend).toContainText("Per miljon köp");
    await expect(legend).toContainText("Styrgränser (±3σ)");
    await expect(legend).toContainText("Verklig ökning");
    // The tooltip reads the month's figure with a decimal comma.
    await chart.locator(".recharts-bar-rectangle").last().hover();
    await expect(chart.locator(".recharts-tooltip-wrapper")).toContainText(/Per miljon köp\s*:\s*\d[\d\s\u00a0]*,\d/);

    const byChannel = page.getByRole("table", { name: "Fördelning efter kanal" });
    await expect(byChannel.getByRole("columnheader", { name: "Per miljon", exact: true })).toBeVisible();
    await expect(
      byChannel
        .getByRole("cell")
        .filter({ hasText: /^\d[\d\s\u00a0]*,\d\d$/ })
        .first(),
    ).toBeVisible();

    // Channels are codes, named in Swedish ("codes" is left out of the check below: the shipped actions' titles are
    // data, and one of them says "Customer service" in English).
    await expect(byChannel.getByRole("cell", { name: "Kundtjänst", exact: true })).toBeVisible();
    await expectNoEnglish(page, ["dashboard", "common"]);
    await page.screenshot({ path: "/tmp/sv-reports-dashboard-1440.png", fullPage: true });

    await page.setViewportSize(PHONE);
    await page.reload();
    await expect(page.getByRole("heading", { name: "Nollvisionen", level: 1 })).toBeVisible();
    await expect(page.getByRole("region", { name: /^Mål \d{4}$/ })).toContainText(/\d,\d/);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: "/tmp/sv-reports-dashboard-390.png", fullPage: true });
  });

  test("reads the root-cause report in Swedish, the reason for a withheld cell too, at 1440 and 390 px", async ({
    page,
    context,
    baseURL,
  }) => {
    await readInSwedish(context, baseURL);
    const scope = `market=SE&from=${demoMonth("2019-01")}&to=${demoMonth("2019-12")}&channel=data_protection_authority`;
    const report = (await (await page.request.get(`/api/v1/reports/root-causes?${scope}`)).json()) as Report;
    const withheld = report.rootCauses.find((r) => r.suppressed)!;
    expect(withheld).toBeDefined();

    await page.goto(`/reports/root-causes?${scope}`);
    await expect(page.getByRole("heading", { name: "Grundorsaker", level: 1 })).toBeVisible();
    await expect(page.getByText("Celler med färre än 5 klagomål döljs så att ingen kund kan pekas ut.")).toBeVisible();
    // The scope names the channel in Swedish.
    await expect(page.getByRole("region", { name: "Klagomål", exact: true })).toContainText("Dataskyddsmyndighet");

    const cell = rowOf(page, "Grundorsaker", withheld.name).getByRole("cell").first();
    await expect(cell).toHaveText(/^< 5(Varför är detta dolt\?)?$/);
    await cell.getByRole("button", { name: "< 5 Varför är detta dolt?" }).click();
    await expect(page.getByRole("dialog")).toHaveText("Färre än 5 klagomål: dold");
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toHaveCount(0);

    await expectNoEnglish(page, ["reports", "common", "codes"]);

    await page.setViewportSize(PHONE);
    await page.reload();
    await expect(page.getByRole("heading", { name: "Grundorsaker", level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: "/tmp/sv-reports-report-leadership-390.png", fullPage: true });
  });
});
