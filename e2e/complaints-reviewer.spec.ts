import { expect, test } from "@playwright/test";
import { authFile } from "./support/roles";

test.use({ storageState: authFile("reviewer") });

test("a reviewer logs a complaint, finds it by a Swedish word form, triages and assigns it", async ({ page }) => {
  const tag = `e2e${Date.now().toString(36)}`;
  await page.goto("/complaints/new");
  await page.getByLabel("Market").selectOption("SE");
  await page.getByLabel("Channel").selectOption("consumer_agency");
  await page.getByLabel("Authority").selectOption({ label: "Konsumentverket (KOV)" });
  await page.getByLabel("Narrative").fill(`Jag förstod inte förfallodatumet på fakturan (${tag}).`);
  // Forgetting the summary is caught at the field, before anything is saved.
  await page.getByRole("button", { name: "Save complaint" }).click();
  await expect(page.getByText("Write a short summary")).toBeVisible();
  await expect(page.getByLabel("Summary")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Summary").fill(`Otydligt förfallodatumet ${tag}`);
  await page.getByRole("button", { name: "Save complaint" }).click();
  await expect(page).toHaveURL(/\/complaints\/[0-9a-f-]{36}$/);
  const reference = (await page.getByRole("heading", { level: 1 }).innerText()).trim();
  expect(reference).toMatch(/^C-\d{4}-\d{6}$/);

  // The base form finds the inflected word ("förfallodatumet"), highlighted.
  await page.goto("/complaints");
  await page.getByRole("searchbox", { name: "Search summaries and narratives" }).fill(`förfallodatum ${tag}`);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/q=/);
  const row = page.getByRole("row", { name: reference });
  await expect(row).toBeVisible();
  await expect(row.locator("mark", { hasText: "förfallodatumet" }).first()).toBeVisible();
  await expect(page.getByText("1–1 of 1")).toBeVisible();

  // Keyboard: focus the row and open it with Enter.
  await row.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: reference })).toBeVisible();

  // Only the allowed next step is offered.
  await expect(page.getByRole("button", { name: "Close", exact: true })).toHaveCount(0);
  await page.getByRole("button", { name: "Triage" }).click();
  await expect(page.getByRole("button", { name: "Start analysis" })).toBeVisible();
  await page.getByLabel("Assignee").selectOption({ label: "Erik Berg" });
  const history = page.getByRole("list", { name: "History" });
  await expect(history.getByText("Anna Lind set assignee to Erik Berg")).toBeVisible();
  await expect(history.getByText("Anna Lind changed status from new to triaged")).toBeVisible();
  await page.screenshot({ path: "test-results/complaint-page-reviewer.png", fullPage: true });
});
