import { expect, type Page, test } from "@playwright/test";
import type { Role } from "@/lib/domain/values";
import { authFile, DEMO_PASSWORD, DEMO_USERS } from "./support/roles";
import { expectSignedIn, signIn } from "./support/sign-in";

const EXPECTED_NAV: Record<Role, string[]> = {
  admin: [
    "Dashboard",
    "Root causes",
    "Complaints",
    "Inbox",
    "Import",
    "Exports",
    "Remediation",
    "Tagging agreement",
    "Users",
    "Purchase volumes",
    "Publication",
    "Deadlines",
    "Taxonomies",
    "Retention",
    "Erasure",
    "Audit",
  ],
  reviewer: [
    "Dashboard",
    "Root causes",
    "Complaints",
    "Inbox",
    "Import",
    "Exports",
    "Remediation",
    "Tagging agreement",
  ],
  product_manager: ["Dashboard", "Root causes", "Complaints", "Inbox", "Exports", "Remediation"],
  leadership: ["Dashboard", "Root causes", "Remediation"],
};

async function navLabels(page: Page) {
  return page.getByRole("navigation", { name: "Main" }).getByRole("link").allInnerTexts();
}

for (const role of Object.keys(EXPECTED_NAV) as Role[]) {
  test.describe(`${role} navigation`, () => {
    test.use({ storageState: authFile(role) });
    test(`${role} sees exactly their navigation`, async ({ page }) => {
      await page.goto("/");
      await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
      expect((await navLabels(page)).map((s) => s.trim())).toEqual(EXPECTED_NAV[role]);
      await expect(page.getByText(DEMO_USERS[role].name)).toBeVisible();
    });
  });
}

test("a wrong password is refused with one generic message", async ({ page }) => {
  const message = page.getByRole("alert").filter({ hasText: "The e-mail address or password is not right." });
  await signIn(page, DEMO_USERS.reviewer.email, "not-the-password");
  await expect(message).toBeVisible();
  await signIn(page, "nobody@demo.example", DEMO_PASSWORD);
  await expect(message).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test.describe("product manager and the admin pages", () => {
  test.use({ storageState: authFile("product_manager") });
  test("typing an admin URL answers 403", async ({ page }) => {
    const response = await page.goto("/admin/users");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    await expect(page.getByText("admin@demo.example")).toHaveCount(0);
  });
});

test.describe("user administration", () => {
  test.use({ storageState: authFile("admin") });

  test("a deactivated user loses access on the next request", async ({ page, browser }) => {
    const email = `temp-${Date.now()}@demo.example`;
    await page.goto("/admin/users");
    await page.getByRole("button", { name: "New user" }).click();
    const dialog = page.getByRole("dialog", { name: "New user" });
    await dialog.getByLabel("Name").fill("Tilda Temp");
    await dialog.getByLabel("E-mail").fill(email);
    await dialog.getByLabel("Role").selectOption("reviewer");
    await dialog.getByLabel("Password").fill("short");
    await dialog.getByRole("button", { name: "Create user" }).click();
    await expect(dialog.getByText("At least 10 characters")).toBeVisible();
    await dialog.getByLabel("Password").fill("temporary-password-1");
    await dialog.getByRole("button", { name: "Create user" }).click();
    await expect(page.getByRole("row", { name: email })).toBeVisible();

    const other = await browser.newContext({ storageState: undefined });
    const userPage = await other.newPage();
    await signIn(userPage, email, "temporary-password-1");
    await expectSignedIn(userPage);
    await userPage.goto("/inbox");
    await expect(userPage).toHaveURL(/\/inbox/);

    await page.getByRole("button", { name: `Edit ${email}` }).click();
    const edit = page.getByRole("dialog");
    await edit.getByLabel("Active (can sign in and use API tokens)").uncheck();
    await edit.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("row", { name: email }).getByText("Deactivated")).toBeVisible();

    await userPage.reload();
    await expect(userPage).toHaveURL(/\/sign-in/);
    await other.close();
  });

  test("an API token is shown once, works, and stops working when revoked", async ({ page, request }) => {
    await page.goto("/admin/users");
    await page.getByRole("button", { name: `API tokens for ${DEMO_USERS.reviewer.email}` }).click();
    const dialog = page.getByRole("dialog");
    const name = `script ${Date.now()}`;
    await dialog.getByLabel("Token name").fill(name);
    await dialog.getByRole("button", { name: "Create token" }).click();
    const token = (await dialog.getByTestId("new-token").innerText()).trim();
    expect(token).toMatch(/^czt_/);

    const ok = await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } });
    expect(ok.status()).toBe(200);
    expect((await ok.json()).role).toBe("reviewer");

    await dialog.getByRole("button", { name: `Revoke ${name}` }).click();
    await expect(dialog.getByText("Revoked").first()).toBeVisible();
    const refused = await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } });
    expect(refused.status()).toBe(401);
    expect((await refused.json()).error.code).toBe("unauthenticated");
  });
});

test("health answers 200 when the database answers", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
});
