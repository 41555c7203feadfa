import { expect, type Page } from "@playwright/test";

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** Signed in: the redirects have landed on the role's start page and the session cookie is set. */
export async function expectSignedIn(page: Page) {
  await page.waitForURL((url) => url.pathname !== "/" && !url.pathname.startsWith("/sign-in"));
  await page.waitForLoadState();
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name.endsWith("authjs.session-token"))).toBe(true);
}
