import { expect, type Page, test } from "@playwright/test";
import { expectNoEnglish, readInSwedish } from "./support/i18n";
import { authFile } from "./support/roles";

test.use({ storageState: authFile("reviewer"), viewport: { width: 1440, height: 900 } });

/** Today as the server's form fills it in (the product's day is the UTC day). */
const todayIso = () => new Date().toISOString().slice(0, 10);
const [year, month, day] = todayIso().split("-");
const englishToday = `${day}/${month}/${year}`;

async function logComplaint(page: Page, received: { label: string; text: string }, summary: string, save: string) {
  await page.getByLabel(received.label, { exact: true }).fill(received.text);
  await page.getByLabel(summary.startsWith("Sammanf") ? "Sammanfattning" : "Summary", { exact: true }).fill(summary);
  await page.getByRole("button", { name: save }).click();
  await expect(page).toHaveURL(/\/complaints\/[0-9a-f-]{36}$/);
}

test("a reviewer logs a complaint typing the received date day first in English, and an impossible date is refused by name", async ({
  page,
}) => {
  const tag = `date${Date.now().toString(36)}`;
  await page.goto("/complaints/new");
  const received = page.getByLabel("Received on", { exact: true });
  // The form opens on today, written the British way.
  await expect(received).toHaveValue(englishToday);
  await received.fill("31/02/2026");
  await page.getByLabel("Summary", { exact: true }).fill(`Statement unclear ${tag}`);
  await page.getByRole("button", { name: "Save complaint" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "Received on: 31/02/2026 is not a date in the calendar." }),
  ).toBeVisible();
  await expect(received).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/complaints\/new$/);
  // Words that are no date at all are told how to write one.
  await received.fill("yesterday");
  await received.blur();
  await expect(page.getByRole("alert").filter({ hasText: "Write it as DD/MM/YYYY" })).toContainText("Received on");

  await received.fill("");
  await logComplaint(page, { label: "Received on", text: "02/12/2026" }, `Statement unclear ${tag}`, "Save complaint");
  await expect(page.getByText("received 2 Dec 2026")).toBeVisible();
});

test("a reviewer picks the received date from the calendar with the keyboard", async ({ page }) => {
  await page.goto("/complaints/new");
  const received = page.getByLabel("Received on", { exact: true });
  await received.focus();
  // Alt+Down opens the calendar on the chosen day (today).
  await page.keyboard.press("Alt+ArrowDown");
  const calendar = page.getByRole("dialog", { name: "Calendar" });
  await expect(calendar).toBeVisible();
  await expect(calendar.getByRole("grid")).toBeVisible();
  await page.screenshot({ path: "/tmp/date-input-calendar-en.png" });
  // A week back, then one day back: eight days before today.
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("Enter");
  await expect(calendar).toBeHidden();
  const picked = new Date(`${todayIso()}T00:00:00Z`);
  picked.setUTCDate(picked.getUTCDate() - 8);
  const iso = picked.toISOString().slice(0, 10);
  await expect(received).toHaveValue(`${iso.slice(8)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`);
  await expect(received).toBeFocused();

  // The button opens it too (Tab from the field), and Escape leaves the date as it was.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Choose from the calendar" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(calendar).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(calendar).toBeHidden();
  await expect(received).toHaveValue(`${iso.slice(8)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`);
});

test("a reviewer filters the list by a received date range typed in the British way", async ({ page }) => {
  const tag = `range${Date.now().toString(36)}`;
  const created = await page.request.post("/api/v1/complaints", {
    data: {
      externalId: tag,
      receivedOn: "2019-04-02",
      market: "SE",
      channel: "customer_service",
      summary: `Range ${tag}`,
    },
  });
  expect(created.status()).toBe(201);
  await page.goto("/complaints");
  await page.getByRole("button", { name: "More filters" }).click();
  await page.getByLabel("Received from", { exact: true }).fill("2/4/2019");
  await page.getByLabel("Received to", { exact: true }).fill("02/04/2019");
  await page.getByLabel("Received to", { exact: true }).blur();
  await expect(page).toHaveURL(/received_from=2019-04-02/);
  await expect(page).toHaveURL(/received_to=2019-04-02/);
  // Loose typing is shown back the reader's way.
  await expect(page.getByLabel("Received from", { exact: true })).toHaveValue("02/04/2019");
  // An end before the start is refused at the field, by name.
  await page.getByLabel("Received to", { exact: true }).fill("01/04/2019");
  await page.getByLabel("Received to", { exact: true }).blur();
  await expect(page.getByRole("alert").filter({ hasText: "Received to cannot be before 2 Apr 2019." })).toBeVisible();
  await expect(page).toHaveURL(/received_to=2019-04-02/);
  await page.keyboard.press("Escape");
  const table = page.getByRole("table", { name: "Complaints" });
  // The URL changes first and the filtered rows follow: on a slow machine the unfiltered list is still shown.
  await expect(async () => {
    const received = await table.evaluate((el) => {
      const headers = [...el.querySelectorAll("thead th")].map((th) => th.textContent?.trim() ?? "");
      const column = headers.indexOf("Received");
      return [...el.querySelectorAll("tbody tr")].map((tr) => tr.querySelectorAll("td")[column]?.textContent?.trim());
    });
    expect(received.length).toBeGreaterThan(0);
    expect(new Set(received)).toEqual(new Set(["2 Apr 2019"]));
  }).toPass();
});

test.describe("in Swedish", () => {
  test.beforeEach(async ({ context, baseURL }) => readInSwedish(context, baseURL));

  test("a reviewer logs a complaint with the date written the Swedish way, on a form and a complaint page all in Swedish", async ({
    page,
  }) => {
    const tag = `datum${Date.now().toString(36)}`;
    await page.goto("/complaints/new");
    const received = page.getByLabel("Mottaget den", { exact: true });
    await expect(received).toHaveValue(todayIso());
    await expectNoEnglish(page, ["complaintForm", "complaint", "dateInput", "common", "codes"]);
    await received.focus();
    await page.keyboard.press("Alt+ArrowDown");
    await expect(page.getByRole("dialog", { name: "Kalender" })).toBeVisible();
    await page.screenshot({ path: "/tmp/date-input-calendar-sv.png" });
    await page.keyboard.press("Escape");

    await received.fill("2026-02-30");
    await received.blur();
    await expect(
      page.getByRole("alert").filter({ hasText: "Mottaget den: 2026-02-30 finns inte i kalendern." }),
    ).toBeVisible();
    await expectNoEnglish(page, ["complaintForm", "dateInput"]);

    await logComplaint(page, { label: "Mottaget den", text: "2026-12-02" }, `Sammanfattning ${tag}`, "Spara klagomål");
    await expect(page.getByText(/mottaget 2 dec\.? 2026/)).toBeVisible();
    await expectNoEnglish(page, ["complaint", "comments", "common", "codes"]);
    await expect(page.getByLabel("Kommentar", { exact: true })).toHaveAttribute(
      "placeholder",
      "Skriv @ för att nämna en kollega",
    );

    // The date editor on the complaint page speaks Swedish dates too.
    await page.getByRole("button", { name: "Ändra mottaget den" }).click();
    const editor = page.getByLabel("Mottaget den", { exact: true });
    await expect(editor).toHaveValue("2026-12-02");
    await editor.fill("2026-12-01");
    await page.getByRole("button", { name: "Spara", exact: true }).click();
    await expect(page.getByText(/mottaget 1 dec\.? 2026/)).toBeVisible();
    await page.screenshot({ path: "/tmp/date-input-complaint-sv.png", fullPage: true });
  });

  for (const width of [1440, 1280]) {
    test(`the complaint list at ${width} px fits its card without a sideways scroll`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/complaints");
      const table = page.getByRole("table", { name: "Klagomål" });
      await expect(table.getByRole("row").nth(1)).toBeVisible();
      if (width === 1440) await expect(table.getByRole("columnheader", { name: "Kategori" })).toBeVisible();
      const fit = await table.evaluate((el) => {
        const scroller = el.parentElement as HTMLElement;
        const card = scroller.closest("section") ?? scroller;
        return {
          scrolls: scroller.scrollWidth > scroller.clientWidth,
          tableRight: el.getBoundingClientRect().right,
          cardRight: card.getBoundingClientRect().right,
          page: document.documentElement.scrollWidth,
        };
      });
      expect(fit.scrolls).toBe(false);
      expect(fit.tableRight).toBeLessThanOrEqual(fit.cardRight);
      expect(fit.page).toBeLessThanOrEqual(width);
      await page.screenshot({ path: `/tmp/date-input-list-sv-${width}.png` });
    });
  }
});
