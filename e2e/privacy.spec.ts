import { expect, test } from "@playwright/test";
import { authFile } from "./support/roles";

test.describe("personal data", () => {
  test("a product manager sees placeholders where a reviewer sees the personal number, in search results too", async ({
    browser,
  }) => {
    const tag = `gate${Date.now().toString(36)}`;
    const reviewer = await browser.newContext({ storageState: authFile("reviewer") });
    const created = await reviewer.request.post("/api/v1/complaints", {
      data: {
        externalId: tag,
        receivedOn: "2019-05-03",
        market: "SE",
        channel: "customer_service",
        summary: `Dubbeldragning ${tag} pnr 19800101-1234`,
        narrative: `Kunden skriver från zorro.kvist@example.se om ${tag}.`,
        customerRef: `CUST-${tag}`,
      },
    });
    expect(created.status()).toBe(201);

    const asReviewer = await reviewer.newPage();
    await asReviewer.goto(`/complaints?q=${tag}`);
    // The table row (the list's phone cards carry the same text, hidden on a desktop).
    await expect(asReviewer.getByRole("table").getByText(`Dubbeldragning ${tag} pnr 19800101-1234`)).toBeVisible();

    const pm = await browser.newContext({ storageState: authFile("product_manager") });
    const page = await pm.newPage();
    await page.goto(`/complaints?q=${tag}`);
    await expect(page.getByRole("table").getByText(`Dubbeldragning ${tag} pnr [personal number]`)).toBeVisible();
    await expect(page.getByText("19800101-1234")).toHaveCount(0);
    expect(await page.content()).not.toContain("zorro");
    await page.screenshot({ path: "test-results/privacy-pm-search.png", fullPage: true });

    // Searching the personal number or the e-mail finds nothing for a product manager.
    for (const q of ["19800101-1234", "zorro.kvist@example.se"]) {
      await page.goto(`/complaints?q=${encodeURIComponent(q)}`);
      await expect(page.getByText(tag)).toHaveCount(0);
    }
    await pm.close();
    await reviewer.close();
  });

  test("an admin erases a customer's data from the UI and finds the run in the Audit page", async ({ browser }) => {
    const tag = `erase${Date.now().toString(36)}`;
    const admin = await browser.newContext({ storageState: authFile("admin") });
    const created = await admin.request.post("/api/v1/complaints", {
      data: {
        externalId: tag,
        receivedOn: "2019-05-04",
        market: "SE",
        channel: "customer_service",
        summary: `Fel avgift ${tag}`,
        narrative: "Mitt personnummer är 811218-9876.",
        customerRef: `KUND-${tag}`,
      },
    });
    expect(created.status()).toBe(201);
    const { id, reference } = await created.json();

    const page = await admin.newPage();
    await page.goto("/admin/privacy");
    await page.getByLabel("Customer reference").fill(`KUND-${tag}`);
    await page.getByRole("button", { name: "Search" }).click();
    const covered = page.getByRole("table", { name: "Complaints covered" });
    await expect(covered.getByText(reference)).toBeVisible();
    await page.getByRole("button", { name: "Erase personal data" }).click();
    await page.getByLabel("Reason (e.g. the request's reference)").fill("Customer request 2026-42");
    await page.getByRole("button", { name: "Erase 1 complaint" }).click();
    await expect(page.getByText("Personal data erased from 1 complaint")).toBeVisible();

    const after = await (await admin.request.get(`/api/v1/complaints/${id}`)).json();
    expect(after).toMatchObject({ customerRef: null, narrative: null });

    await page.goto("/admin/audit");
    await page.getByLabel("Action (or its family)").fill("privacy.erasure");
    await page.getByRole("button", { name: "Search" }).click();
    const log = page.getByRole("table", { name: "Audit log" });
    await expect(log.getByRole("row").filter({ hasText: reference }).first()).toContainText("privacy.erasure");
    await page.screenshot({ path: "test-results/privacy-audit.png", fullPage: true });
    await admin.close();
  });
});
