import { expect, type Page, test } from "@playwright/test";
import { authFile } from "./support/roles";

test.use({ storageState: authFile("reviewer") });

/** The Inbox badge's number in the navigation (0 when there is none). */
async function badge(page: Page): Promise<number> {
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav).toBeVisible();
  const text = await nav
    .locator("#nav-badge-inbox")
    .textContent({ timeout: 1000 })
    .catch(() => null);
  return text ? Number.parseInt(text, 10) : 0;
}

test("a reviewer is told of a complaint assigned to them, finds it under Assigned to me and marks it read", async ({
  page,
  browser,
}) => {
  await page.goto("/complaints");
  const me = await (await page.request.get("/api/v1/me")).json();
  const before = await badge(page);

  // An admin logs a complaint and gives it to the reviewer.
  const admin = await browser.newContext({ storageState: authFile("admin") });
  const adminPage = await admin.newPage();
  await adminPage.goto("/complaints");
  const origin = new URL(adminPage.url()).origin;
  const tag = `inbox${Date.now().toString(36)}`;
  const created = await adminPage.request.post("/api/v1/complaints", {
    headers: { Origin: origin },
    data: {
      externalId: tag,
      receivedOn: new Date().toISOString().slice(0, 10),
      market: "SE",
      channel: "customer_service",
      summary: `Assigned ${tag}`,
    },
  });
  expect(created.status()).toBe(201);
  const complaint = await created.json();
  const assigned = await adminPage.request.patch(`/api/v1/complaints/${complaint.id}`, {
    headers: { Origin: origin },
    data: { version: complaint.version, assigneeId: me.id },
  });
  expect(assigned.status()).toBe(200);
  await admin.close();

  // Other journeys mention and assign this reviewer too, so the badge is compared, not counted.
  await page.reload();
  const withIt = await badge(page);
  expect(withIt).toBeGreaterThan(before);
  await page.getByRole("link", { name: "Inbox" }).click();
  const item = page.getByRole("listitem", { name: `Alva Admin assigned you: ${complaint.reference}` });
  await expect(item).toBeVisible();
  await page.screenshot({ path: "test-results/inbox-notifications.png", fullPage: true });
  await item.getByRole("button", { name: "Mark read" }).click();
  await expect(item.getByText("Read")).toBeVisible();
  await page.reload();
  await expect(
    page.getByRole("listitem", { name: `Alva Admin assigned you: ${complaint.reference}` }).getByText("Read"),
  ).toBeVisible();

  // The list's "Assigned to me" shows it.
  await page.goto("/complaints");
  await page.getByRole("button", { name: "Assigned to me" }).click();
  await expect(page).toHaveURL(new RegExp(`assignee=${me.id}`));
  await expect(page.getByRole("button", { name: "Assigned to me" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("row", { name: complaint.reference })).toBeVisible();
});
