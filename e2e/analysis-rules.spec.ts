import { expect, test } from "@playwright/test";
import { authFile } from "./support/roles";

test.describe("reviewer", () => {
  test.use({ storageState: authFile("reviewer") });

  test("cannot mark a complaint analysed without a root cause, alone or in bulk", async ({ page }) => {
    const tag = `rule${Date.now().toString(36)}`;
    const created = await page.request.post("/api/v1/complaints", {
      data: {
        externalId: tag,
        receivedOn: "2019-04-01",
        market: "SE",
        channel: "customer_service",
        summary: `Card declined abroad ${tag}`,
      },
    });
    expect(created.status()).toBe(201);
    const complaint = (await created.json()) as { id: string; reference: string; version: number };
    let version = complaint.version;
    for (const status of ["triaged", "in_analysis"]) {
      const moved = await page.request.patch(`/api/v1/complaints/${complaint.id}`, { data: { version, status } });
      expect(moved.status()).toBe(200);
      version = (await moved.json()).version;
    }

    await page.goto(`/complaints/${complaint.id}`);
    await page.getByRole("button", { name: "Mark analysed" }).click();
    await expect(page.getByRole("alert").filter({ hasText: `${complaint.reference} has no root cause` })).toBeVisible();
    await expect(page.getByRole("button", { name: "Mark analysed" })).toBeVisible();

    // The list's bulk action refuses too, naming the complaint.
    await page.goto(`/complaints?q=${tag}`);
    await page.getByRole("checkbox", { name: "Select all on this page" }).click();
    const bar = page.getByRole("region", { name: "Bulk actions" });
    await bar.getByLabel("Bulk action").selectOption("status");
    await bar.getByLabel("Status", { exact: true }).selectOption("analysed");
    await bar.getByRole("button", { name: /^Apply to/ }).click();
    await expect(page.getByText(`${complaint.reference} has no root cause`).first()).toBeVisible();
    const api = await page.request.patch(`/api/v1/complaints/${complaint.id}`, {
      data: { version, status: "analysed" },
    });
    expect(api.status()).toBe(400);
    expect((await api.json()).error.details).toEqual([
      {
        path: "status",
        message: `${complaint.reference} has no root cause: tag at least one before marking it analysed`,
      },
    ]);
  });
});

test.describe("product manager", () => {
  test.use({ storageState: authFile("product_manager") });

  test("cannot verify their own shipped action", async ({ page, browser }) => {
    const tag = `verify${Date.now().toString(36)}`;
    const me = await (await page.request.get("/api/v1/me")).json();
    const reviewer = await browser.newContext({ storageState: authFile("reviewer") });
    const created = await reviewer.request.post("/api/v1/remediation-actions", {
      data: { title: `Shipped fix ${tag}`, ownerId: me.id, market: "SE" },
    });
    expect(created.status()).toBe(201);
    const action = (await created.json()) as { id: string; version: number };
    let version = action.version;
    for (const changes of [
      { status: "approved" },
      { status: "in_progress" },
      { status: "shipped", shippedOn: "2019-03-01" },
    ]) {
      const moved = await reviewer.request.patch(`/api/v1/remediation-actions/${action.id}`, {
        data: { version, ...changes },
      });
      expect(moved.status()).toBe(200);
      version = (await moved.json()).version;
    }
    await reviewer.close();

    await page.goto(`/remediation/${action.id}`);
    await expect(page.getByText("You own this action")).toBeVisible();
    await expect(page.getByText("A reviewer verifies it once the effectiveness check shows it worked.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Mark verified" })).toHaveCount(0);
    await expect(page.getByLabel("Status", { exact: true }).locator("option", { hasText: "Verified" })).toHaveCount(0);
    const refused = await page.request.patch(`/api/v1/remediation-actions/${action.id}`, {
      data: { version, status: "verified" },
    });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.message).toBe("Only reviewers and admins can mark an action verified");
  });
});
