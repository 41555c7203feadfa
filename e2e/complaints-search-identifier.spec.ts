import { expect, test } from "@playwright/test";
import { authFile } from "./support/roles";

test.use({ storageState: authFile("reviewer") });

test("a reviewer finds a complaint by its reference, or by the reference's number alone", async ({ page }) => {
  const tag = `e2e${Date.now().toString(36)}`;
  await page.goto("/complaints/new");
  await page.getByLabel("Market").selectOption("SE");
  await page.getByLabel("Channel").selectOption("customer_service");
  await page.getByLabel("Summary").fill(`Kunden ringde om sin faktura ${tag}`);
  await page.getByRole("button", { name: "Save complaint" }).click();
  await expect(page).toHaveURL(/\/complaints\/[0-9a-f-]{36}$/);
  const reference = (await page.getByRole("heading", { level: 1 }).innerText()).trim();
  expect(reference).toMatch(/^C-\d{4}-\d{6}$/);

  const search = async (q: string) => {
    await page.goto("/complaints");
    await page.getByRole("searchbox", { name: "Search summaries and narratives" }).fill(q);
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page).toHaveURL(/q=/);
  };
  // The text search would split "C-2019-000123" into fragments that match other complaints: the
  // reference finds exactly its complaint.
  await search(reference);
  await expect(page.getByRole("row", { name: reference })).toBeVisible();
  await expect(page.getByText("1–1 of 1")).toBeVisible();

  await search(String(Number(reference.split("-")[2])));
  await expect(page.getByRole("row", { name: reference })).toBeVisible();
  await expect(page.getByText("1–1 of 1")).toBeVisible();
});
