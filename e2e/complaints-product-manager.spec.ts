import { expect, test } from "@playwright/test";
import { authFile } from "./support/roles";

test.describe("product manager", () => {
  test.use({ storageState: authFile("product_manager") });

  test("reads a complaint redacted, comments, has no edit controls and is refused by the server", async ({
    page,
    browser,
  }) => {
    const tag = `pm${Date.now().toString(36)}`;
    const reviewer = await browser.newContext({ storageState: authFile("reviewer") });
    const created = await reviewer.request.post("/api/v1/complaints", {
      data: {
        externalId: tag,
        receivedOn: "2019-05-03",
        market: "SE",
        channel: "customer_service",
        summary: `Klarna konto oklart ${tag}`,
        narrative: "Mitt personnummer är 811218-9876, ring 070-123 45 67.",
        customerRef: `CUST-${tag}`,
      },
    });
    expect(created.status()).toBe(201);
    const { id, version } = await created.json();

    await page.goto(`/complaints/${id}`);
    await expect(page.getByText("Mitt personnummer är [personal number], ring [phone].")).toBeVisible();
    await expect(page.getByText("811218-9876")).toHaveCount(0);
    await expect(page.getByText(`CUST-${tag}`)).toHaveCount(0);
    await expect(page.getByText("Hidden (personal data)")).toBeVisible();
    await expect(page.getByRole("button", { name: /^Edit / })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Triage" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Tag root cause" })).toHaveCount(0);

    await page.getByRole("combobox", { name: "Comment" }).fill("@Anna");
    await page.getByRole("option", { name: /Anna Lind/ }).click();
    await page.getByRole("combobox", { name: "Comment" }).pressSequentially("is the product name the cause?");
    await page.getByRole("button", { name: "Add comment" }).click();
    await expect(page.getByText("@Anna Lind is the product name the cause?")).toBeVisible();
    await expect(page.getByText("Mentioned: Anna Lind")).toBeVisible();
    await page.screenshot({ path: "test-results/complaint-page-pm.png", fullPage: true });

    // Trying anyway: the server refuses the edit and nothing changes.
    const refused = await page.request.patch(`/api/v1/complaints/${id}`, { data: { version, severity: "critical" } });
    expect(refused.status()).toBe(403);
    const after = await reviewer.request.get(`/api/v1/complaints/${id}`);
    expect((await after.json()).severity).toBeNull();

    // The mentioned reviewer finds it in the inbox.
    const inbox = await reviewer.newPage();
    await inbox.goto("/inbox");
    const mention = inbox.getByRole("listitem", { name: `Mention on ${(await after.json()).reference}` });
    await expect(mention).toContainText("Petra Holm mentioned you");
    await mention.getByRole("button", { name: "Mark read" }).click();
    await expect(mention.getByText("Read", { exact: true })).toBeVisible();
    await reviewer.close();
  });

  test("sees the list without customer references", async ({ page }) => {
    await page.goto("/complaints");
    await expect(page.getByRole("table")).toBeVisible();
    await expect(page.getByRole("columnheader", { name: /Customer ref/ })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Log complaint" })).toHaveCount(0);
    await expect(page.getByRole("checkbox", { name: "Select all on this page" })).toHaveCount(0);
  });
});

test.describe("leadership", () => {
  test.use({ storageState: authFile("leadership") });
  test("reaches no complaint page", async ({ page }) => {
    for (const path of ["/complaints", "/complaints/new", "/inbox"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
    }
    expect((await page.request.get("/api/v1/complaints")).status()).toBe(403);
  });
});
