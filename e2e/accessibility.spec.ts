import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import type { Role } from "@/lib/domain/values";
import { authFile } from "./support/roles";

// The main pages each role works in; a complaint page is reached from the list.
const PAGES: Record<Role, string[]> = {
  reviewer: ["/complaints", "complaint", "/dashboard", "/inbox", "/remediation", "/reports/root-causes", "/imports"],
  product_manager: ["/complaints", "complaint", "/remediation", "/reports/root-causes", "/dashboard"],
  leadership: ["/dashboard", "/reports/root-causes", "/remediation"],
  admin: [
    "/complaints",
    "/complaints/new",
    "/admin/users",
    "/admin/taxonomies",
    "/admin/volumes",
    "/admin/publication",
    "/admin/deadlines",
    "/admin/retention",
    "/admin/privacy",
    "/admin/audit",
  ],
};

/** Serious and critical WCAG A/AA violations on the page as it stands, with where they are. */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      where: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    }));
}

async function open(page: Page, path: string) {
  if (path === "complaint") {
    await page.goto("/complaints");
    await page.getByRole("table").first().locator("tbody tr").first().getByRole("link").first().click();
    await expect(page).toHaveURL(/\/complaints\/[0-9a-f-]{36}$/);
  } else {
    await page.goto(path);
  }
  await expect(page.locator("main")).toBeVisible();
  // Settled: nothing still streaming in. A page that polls (an import's progress, the inbox badge) is
  // never quite idle, so the wait is bounded rather than open-ended.
  await page.waitForLoadState("networkidle", { timeout: 10_000 }).catch(() => {});
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
}

for (const [role, paths] of Object.entries(PAGES) as [Role, string[]][]) {
  test.describe(`accessibility as ${role}`, () => {
    test.use({ storageState: authFile(role) });

    // A test per page: each has its own time, and a failure names its page.
    for (const path of paths) {
      test(`${path === "complaint" ? "a complaint" : path} has no serious or critical axe violations`, async ({
        page,
      }) => {
        await open(page, path);
        expect(await seriousViolations(page)).toEqual([]);
      });
    }
  });
}

test("the sign-in page has no serious or critical axe violations, in English and in Swedish", async ({ browser }) => {
  for (const locale of ["en-GB", "sv-SE"]) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await open(page, "/sign-in");
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  }
});

test.describe("accessibility in Swedish", () => {
  test.use({ storageState: authFile("reviewer"), locale: "sv-SE" });

  test("the list, a complaint and the dashboard in Swedish have no serious or critical axe violations", async ({
    page,
  }) => {
    await page.goto("/sign-in");
    await page.context().addCookies([{ name: "locale", value: "sv", url: page.url() }]);
    const found: Record<string, unknown> = {};
    for (const path of ["/complaints", "complaint", "/dashboard"]) {
      await open(page, path);
      await expect(page.locator("html")).toHaveAttribute("lang", "sv");
      const violations = await seriousViolations(page);
      if (violations.length) found[path] = violations;
    }
    expect(found).toEqual({});
  });
});
