import { expect, test } from "@playwright/test";
import { authFile } from "./support/roles";

test.use({ storageState: authFile("product_manager") });

test("a product manager narrows the remediation list to the actions they own", async ({ page, browser }) => {
  const tag = `mine${Date.now().toString(36)}`;
  const me = await (await page.request.get("/api/v1/me")).json();
  const reviewer = await browser.newContext({ storageState: authFile("reviewer") });
  const reviewerId = (await (await reviewer.request.get("/api/v1/me")).json()).id;
  for (const [title, ownerId] of [
    [`Petra's ${tag}`, me.id],
    [`Anna's ${tag}`, reviewerId],
  ]) {
    const response = await reviewer.request.post("/api/v1/remediation-actions", {
      data: { title, ownerId, market: "SE" },
    });
    expect(response.status()).toBe(201);
  }
  await reviewer.close();

  await page.goto("/remediation");
  const table = page.getByRole("table", { name: "Remediation actions" });
  await expect(table.getByRole("link", { name: `Anna's ${tag}` })).toBeVisible();
  const mine = page.getByRole("button", { name: "My actions" });
  await expect(mine).toHaveAttribute("aria-pressed", "false");
  await mine.click();
  await expect(page).toHaveURL(new RegExp(`owner=${me.id}`));
  await expect(mine).toHaveAttribute("aria-pressed", "true");
  await expect(table.getByRole("link", { name: `Petra's ${tag}` })).toBeVisible();
  await expect(table.getByRole("link", { name: `Anna's ${tag}` })).toHaveCount(0);
  // Every listed action is hers, as the API says for the same filter. Other tests running beside this one
  // may give her an action between the two reads: the page is read again until both are of one moment.
  await expect(async () => {
    const listed = (await (
      await page.request.get(`/api/v1/remediation-actions?owner=${me.id}&per_page=100`)
    ).json()) as { data: { ownerId: string }[]; total: number };
    expect(listed.total).toBeGreaterThan(0);
    expect(listed.data.every((a) => a.ownerId === me.id)).toBe(true);
    await page.reload();
    await expect(page.getByText(new RegExp(`of ${listed.total}$`)).first()).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
  await page.screenshot({ path: "test-results/remediation-my-actions.png", fullPage: true });

  // The view is a link: reloading keeps it; pressing again shows everyone's.
  await page.reload();
  await expect(page.getByRole("button", { name: "My actions" })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: "My actions" }).click();
  await expect(table.getByRole("link", { name: `Anna's ${tag}` })).toBeVisible();
});
