import { expect, test } from "@playwright/test";
import { authFile } from "./support/roles";

test.use({ storageState: authFile("product_manager") });

test("a product manager updates status and notes of their own action and cannot edit someone else's", async ({
  page,
  browser,
}) => {
  const tag = `pm${Date.now().toString(36)}`;
  const me = await (await page.request.get("/api/v1/me")).json();
  const reviewer = await browser.newContext({ storageState: authFile("reviewer") });
  const reviewerId = (await (await reviewer.request.get("/api/v1/me")).json()).id;
  const create = async (title: string, ownerId: string) => {
    const response = await reviewer.request.post("/api/v1/remediation-actions", {
      data: { title, ownerId, market: "SE", description: "Seeded by the test" },
    });
    expect(response.status()).toBe(201);
    return (await response.json()) as { id: string; version: number };
  };
  const own = await create(`Petra's own action ${tag}`, me.id);
  const other = await create(`Anna's action ${tag}`, reviewerId);

  await page.goto(`/remediation/${own.id}`);
  await expect(page.getByText("You own this action")).toBeVisible();
  await expect(page.getByRole("button", { name: "Edit details" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Link root cause" })).toHaveCount(0);
  await page.getByLabel("Status", { exact: true }).selectOption("approved");
  await page.getByLabel("Notes").fill(`Legal signed off ${tag}`);
  await page.getByRole("button", { name: "Save status and notes" }).click();
  await expect(page.getByText("Approved", { exact: true }).first()).toBeVisible();
  await expect(page.getByText(`Legal signed off ${tag}`).first()).toBeVisible();
  await expect(page.getByRole("list", { name: "History" })).toContainText(
    "Petra Holm moved it from proposed to approved and changed the notes",
  );
  await page.screenshot({ path: "test-results/remediation-detail-pm.png", fullPage: true });

  // Someone else's action: read only, no controls, and the server refuses anyway.
  await page.goto(`/remediation/${other.id}`);
  await expect(page.getByRole("heading", { name: `Anna's action ${tag}`, level: 1 })).toBeVisible();
  await expect(page.getByText("Read only")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save status and notes" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Edit details" })).toHaveCount(0);
  const refused = await page.request.patch(`/api/v1/remediation-actions/${other.id}`, {
    data: { version: other.version, notes: "Mine now" },
  });
  expect(refused.status()).toBe(403);
  const titleChange = await page.request.patch(`/api/v1/remediation-actions/${own.id}`, {
    data: { version: own.version + 1, title: "Renamed" },
  });
  expect(titleChange.status()).toBe(403);
  const after = await (await reviewer.request.get(`/api/v1/remediation-actions/${other.id}`)).json();
  expect(after).toMatchObject({ notes: null, version: 1 });
  await reviewer.close();
});

test.describe("leadership", () => {
  test.use({ storageState: authFile("leadership") });
  test("reads the actions and changes nothing", async ({ page }) => {
    await page.goto("/remediation");
    const row = page.getByRole("row", { name: "Rename Klarna konto to Klarna delbetalningskonto" });
    await expect(row).toContainText("Unclear product name");
    await expect(page.getByRole("link", { name: "New action" })).toHaveCount(0);
    await row.getByRole("link").click();
    await expect(page.getByText("Read only")).toBeVisible();
    await expect(page.getByText("Complaint-level evidence is not shown to your role.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Mark verified" })).toHaveCount(0);
    expect((await page.goto("/remediation/new"))?.status()).toBe(403);
    expect((await page.request.post("/api/v1/remediation-actions", { data: { title: "Nope" } })).status()).toBe(403);
  });
});
