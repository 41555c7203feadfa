import { expect, type Page, test } from "@playwright/test";
import { authFile } from "./support/roles";

async function createComplaint(page: Page, tag: string) {
  const created = await page.request.post("/api/v1/complaints", {
    headers: { Origin: new URL(page.url()).origin },
    data: {
      externalId: `palette-${tag}`,
      receivedOn: new Date().toISOString().slice(0, 10),
      market: "SE",
      channel: "customer_service",
      summary: `Palette lookup ${tag}`,
      severity: "low",
    },
  });
  expect(created.status()).toBe(201);
  return (await created.json()) as { id: string; reference: string };
}

test.describe("a reviewer jumps with the command palette", () => {
  test.use({ storageState: authFile("reviewer") });

  test("Ctrl K finds a complaint by its reference, its words and a page; ? lists the shortcuts", async ({ page }) => {
    await page.goto("/complaints");
    const tag = `pal${Date.now().toString(36)}`;
    const complaint = await createComplaint(page, tag);

    await page.keyboard.press("Control+k");
    const box = page.getByRole("combobox", { name: "Go to a page, complaint or action" });
    await expect(box).toBeFocused();
    await box.fill(complaint.reference);
    const option = page.getByRole("option", { name: new RegExp(complaint.reference) });
    await expect(option).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/complaints/${complaint.id}$`));
    await expect(page.getByRole("heading", { level: 1, name: complaint.reference })).toBeVisible();

    // By a word of its summary, and with the mouse.
    await page.getByRole("button", { name: /Go to/ }).click();
    await box.fill(tag);
    await page.getByRole("option", { name: new RegExp(complaint.reference) }).click();
    await expect(page).toHaveURL(new RegExp(`/complaints/${complaint.id}$`));

    // A page by its name.
    await page.keyboard.press("Control+k");
    await box.fill("remed");
    await expect(page.getByRole("option", { name: "Remediation" })).toBeVisible();
    await page.screenshot({ path: "test-results/command-palette.png" });
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/remediation$/);

    // `?` outside a text field lists the shortcuts.
    await page.locator("body").press("?");
    const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expect(help).toBeVisible();
    await expect(help.getByText("Select or deselect the row for a bulk action")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(help).toBeHidden();
  });
});

test.describe("leadership", () => {
  test.use({ storageState: authFile("leadership") });

  test("finds pages and actions but never a complaint", async ({ page }) => {
    await page.goto("/dashboard");
    await page.keyboard.press("Control+k");
    const box = page.getByRole("combobox", { name: "Go to a page, complaint or action" });
    await box.fill("C-20");
    await expect(page.getByRole("status").filter({ hasText: /No complaint or action matches|↑ ↓/ })).toBeVisible();
    await expect(page.getByRole("option", { name: /C-\d{4}-\d{6}/ })).toHaveCount(0);
    await box.fill("dash");
    await expect(page.getByRole("option", { name: "Dashboard" })).toBeVisible();
  });
});
