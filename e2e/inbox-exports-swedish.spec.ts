import { expect, test } from "@playwright/test";
import { expectNoEnglish, readInSwedish } from "./support/i18n";
import { authFile } from "./support/roles";

const shot = (name: string) => `/tmp/sv-imports-inbox-${name}.png`;
const SWEDISH_DATE_TIME = /\d{1,2} (jan|feb|mars|apr|maj|juni|juli|aug|sep|okt|nov|dec)\.? \d{4}/;

test.use({ storageState: authFile("reviewer"), viewport: { width: 1440, height: 900 } });

test("a reviewer who reads Swedish is told of an assignment in Swedish and marks it read", async ({
  page,
  browser,
  context,
  baseURL,
}) => {
  await readInSwedish(context, baseURL);
  await page.goto("/inbox");
  const me = await (await page.request.get("/api/v1/me")).json();

  // An admin logs a complaint and gives it to the reviewer.
  const admin = await browser.newContext({ storageState: authFile("admin") });
  const adminPage = await admin.newPage();
  const origin = new URL(baseURL!).origin;
  const tag = `inboxsv${Date.now().toString(36)}`;
  const created = await adminPage.request.post(`${origin}/api/v1/complaints`, {
    headers: { Origin: origin },
    data: {
      externalId: tag,
      receivedOn: new Date().toISOString().slice(0, 10),
      market: "SE",
      channel: "customer_service",
      summary: `Tilldelad ${tag}`,
    },
  });
  expect(created.status()).toBe(201);
  const complaint = await created.json();
  const assigned = await adminPage.request.patch(`${origin}/api/v1/complaints/${complaint.id}`, {
    headers: { Origin: origin },
    data: { version: complaint.version, assigneeId: me.id },
  });
  expect(assigned.status()).toBe(200);
  await admin.close();

  await page.reload();
  await expect(page.getByRole("heading", { name: "Inkorg", level: 1 })).toBeVisible();
  await expect(page.getByText(/\d+ olästa/).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Tilldelningar och åtgärder" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Omnämnanden" })).toBeVisible();
  const item = page.getByRole("listitem", { name: `Alva Admin tilldelade dig ${complaint.reference}` });
  await expect(item).toBeVisible();
  await expect(item).toContainText(`Alva Admin tilldelade dig ${complaint.reference}`);
  await expect(item).toContainText(SWEDISH_DATE_TIME);
  await expect(page.getByRole("button", { name: "Markera allt som läst" })).toBeVisible();
  await expectNoEnglish(page, ["inbox"]);
  await page.screenshot({ path: shot("inbox-1440"), fullPage: true });

  await item.getByRole("button", { name: "Markera som läst" }).click();
  await expect(item.getByText("Läst", { exact: true })).toBeVisible();
  await page.reload();
  await expect(
    page
      .getByRole("listitem", { name: `Alva Admin tilldelade dig ${complaint.reference}` })
      .getByText("Läst", { exact: true }),
  ).toBeVisible();
  await expectNoEnglish(page, ["inbox"]);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: shot("inbox-390"), fullPage: true });
});

test("a reviewer who reads Swedish sees an export's state, size and dates in Swedish", async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(150_000);
  await readInSwedish(context, baseURL);
  // A list longer than the threshold is prepared as a job.
  const asked = await page.request.get("/api/v1/complaints/export?market=SE&received_from=2001-01-01");
  expect(asked.status()).toBe(202);

  await page.goto("/exports");
  await expect(page.getByRole("heading", { name: "Exporter", level: 1 })).toBeVisible();
  await expect(page.getByText(/^Exporter med fler än [\d\s\u00a0]+ klagomål skapas i bakgrunden/)).toBeVisible();
  const table = page.getByRole("table", { name: "Exporter" });
  await expect(table.getByRole("columnheader", { name: "Beställd" })).toBeVisible();
  const row = table.getByRole("row").filter({ hasText: "received_from=2001-01-01" }).first();
  // Its state as a word, while it is written and once it is ready (the page refreshes itself).
  await expect(row.getByText(/^(I kö|Skrivs|Klar)$/)).toBeVisible();
  await expect(row.getByText("Klar", { exact: true })).toBeVisible({ timeout: 90_000 });
  await expect(row.getByRole("cell").first()).toHaveText(SWEDISH_DATE_TIME);
  await expect(row.getByRole("link", { name: /^Ladda ned complaints-.* \(\d+(,\d)? (kB|MB)\)$/ })).toBeVisible();
  // Counts in Swedish: a space, not a comma, between thousands.
  await expect(row.getByRole("cell").nth(3)).toHaveText(/^\d{1,3}([\s\u00a0]\d{3})*$/);
  await expectNoEnglish(page, ["exports"]);
  await page.screenshot({ path: shot("exports-1440"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: shot("exports-390"), fullPage: true });
});
