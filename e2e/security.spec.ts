import { expect, test } from "@playwright/test";
import { authFile, DEMO_PASSWORD, DEMO_USERS } from "./support/roles";
import { expectSignedIn, signIn } from "./support/sign-in";

test.describe("security headers", () => {
  for (const path of ["/sign-in", "/zero-mission", "/api/health", "/api/public/zero-mission?market=SE"]) {
    test(`${path} carries the security headers`, async ({ request }) => {
      const response = await request.get(path, { maxRedirects: 0 });
      const headers = response.headers();
      expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(headers["content-security-policy"]).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(headers["permissions-policy"]).toContain("camera=()");
    });
  }

  test("pages get a fresh nonce and run under it without CSP violations", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const first = await page.goto("/sign-in");
    const csp = first?.headers()["content-security-policy"] ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    const again = await page.request.get("/sign-in");
    expect(again.headers()["content-security-policy"]).not.toBe(csp);
    // The form only works once React has hydrated, which needs the nonced scripts to run.
    await signIn(page, DEMO_USERS.reviewer.email, DEMO_PASSWORD);
    await expectSignedIn(page);
    await page.goto("/complaints");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(violations).toEqual([]);
  });
});

test("a copied session cookie is refused after sign-out", async ({ page, browser }) => {
  // Signing out ends every session of that user, so this uses a user of its own: the demo users' saved
  // sessions are shared by the other journeys.
  const email = `signout-${Date.now()}@demo.example`;
  const admin = await browser.newContext({ storageState: authFile("admin") });
  const adminPage = await admin.newPage();
  await adminPage.goto("/admin/users");
  await adminPage.getByRole("button", { name: "New user" }).click();
  const dialog = adminPage.getByRole("dialog", { name: "New user" });
  await dialog.getByLabel("Name").fill("Sigrid Signout");
  await dialog.getByLabel("E-mail").fill(email);
  await dialog.getByLabel("Role").selectOption("reviewer");
  await dialog.getByLabel("Password").fill("signout-password-1");
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(adminPage.getByRole("row", { name: email })).toBeVisible();
  await admin.close();

  await signIn(page, email, "signout-password-1");
  await expectSignedIn(page);
  const cookies = await page.context().cookies();

  // Another browser with a copy of the cookie is signed in...
  const copy = await browser.newContext();
  await copy.addCookies(cookies);
  const stolen = await copy.newPage();
  await stolen.goto("/complaints");
  await expect(stolen).toHaveURL(/\/complaints/);
  expect((await stolen.request.get("/api/v1/me")).status()).toBe(200);

  // ...until the owner signs out: then the copy is refused too.
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/sign-in/);

  await stolen.goto("/complaints");
  await expect(stolen).toHaveURL(/\/sign-in/);
  expect((await stolen.request.get("/api/v1/me")).status()).toBe(401);
  await copy.close();
});

test("API writes with the session cookie are refused from a foreign origin or as text/plain", async ({ page }) => {
  await signIn(page, DEMO_USERS.reviewer.email, DEMO_PASSWORD);
  await expectSignedIn(page);
  const body = JSON.stringify({
    externalId: "CSRF-1",
    receivedOn: "2024-01-10",
    market: "SE",
    channel: "customer_service",
    summary: "Should never be saved",
  });
  const foreign = await page.request.post("/api/v1/complaints", {
    headers: { origin: "https://evil.example", "content-type": "application/json" },
    data: body,
  });
  expect(foreign.status()).toBe(403);
  const origin = new URL(page.url()).origin;
  const plain = await page.request.post("/api/v1/complaints", {
    headers: { origin, "content-type": "text/plain" },
    data: body,
  });
  expect(plain.status()).toBe(403);
  const list = await page.request.get("/api/v1/complaints?externalId=CSRF-1");
  expect((await list.json()).total).toBe(0);
});

test("sign-in: hammering one account from one address is throttled with 429 and Retry-After", async ({ request }) => {
  // An address nobody has: the throttle is the same, and no other test's sign-in waits on it.
  const email = "nobody@demo.example";
  let last = 0;
  let retryAfter: string | undefined;
  for (let i = 0; i < 8 && last !== 429; i++) {
    const csrf = await (await request.get("/api/auth/csrf")).json();
    const response = await request.post("/api/auth/callback/credentials", {
      form: { email, password: "wrong-password", csrfToken: csrf.csrfToken },
      maxRedirects: 0,
    });
    last = response.status();
    retryAfter = response.headers()["retry-after"];
  }
  expect(last).toBe(429);
  expect(Number(retryAfter)).toBeGreaterThan(0);
  // A forged X-Forwarded-For does not make a new address: no proxy is trusted.
  const csrf = await (await request.get("/api/auth/csrf")).json();
  const spoofed = await request.post("/api/auth/callback/credentials", {
    form: { email, password: "wrong-password", csrfToken: csrf.csrfToken },
    headers: { "x-forwarded-for": "203.0.113.77" },
    maxRedirects: 0,
  });
  expect(spoofed.status()).toBe(429);
});

test("a body far past the limit is refused with 413 before it is read", async ({ request }) => {
  const big = "x".repeat(3 * 1024 * 1024);
  const auth = await request.post("/api/auth/callback/credentials", { data: big, maxRedirects: 0 });
  expect(auth.status()).toBe(413);
  const api = await request.post("/api/v1/complaints", {
    data: big,
    headers: { authorization: "Bearer czt_invalid", "content-type": "application/json" },
  });
  expect([401, 413]).toContain(api.status());
});
