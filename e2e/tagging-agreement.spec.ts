import { expect, type Page, test } from "@playwright/test";
import { demoMonth } from "./support/demo";
import { authFile, DEMO_PASSWORD } from "./support/roles";
import { expectSignedIn, signIn } from "./support/sign-in";

/** Codes the sample's complaints in order, one root cause (or "None of these") each. */
async function codeAll(page: Page, codes: string[]) {
  for (const [i, code] of codes.entries()) {
    await expect(page.getByText(new RegExp(`^Complaint ${i + 1} of ${codes.length} ·`))).toBeVisible();
    await page.getByRole("radio", { name: code, exact: true }).check();
    await page.getByRole("button", { name: "Save and next" }).click();
    // After the last one the page moves on (to "coded all", or to the results when the other coder is done).
    if (i < codes.length - 1) await expect(page.getByRole("link", { name: `Complaint ${i + 1}, coded` })).toBeVisible();
  }
}

test.describe("two reviewers measuring their tagging agreement", () => {
  test.use({ storageState: authFile("reviewer") });

  test("draw a sample, code it blind, and read kappa and their disagreements", async ({ page, browser }) => {
    const name = `Agreement ${Date.now().toString(36)}`;
    await page.goto("/agreement");
    const form = page.getByRole("form", { name: "New sample" });
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("First coder").selectOption({ label: "Anna Lind" });
    await form.getByLabel("Second coder").selectOption({ label: "Anna Lind" });
    await form.getByLabel("Complaints").fill("5");
    await form.getByRole("button", { name: "Draw sample" }).click();
    await expect(form.getByText("Choose two different coders")).toBeVisible();
    await form.getByLabel("Second coder").selectOption({ label: "Erik Berg" });
    await form.getByLabel("Market").selectOption({ label: "Sweden" });
    await form.getByLabel("Received from").fill(demoMonth("2019-01"));
    await form.getByLabel("Received to").fill(demoMonth("2019-03"));
    await form.getByRole("button", { name: "Draw sample" }).click();
    await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
    const sampleUrl = page.url();

    await codeAll(page, ["Missed due date", "Missed due date", "Slow refund", "Slow refund", "None of these"]);
    await expect(page.getByText("You have coded all 5. The results appear when Erik Berg has too")).toBeVisible();
    await expect(page.getByRole("table", { name: "Disagreements" })).toHaveCount(0);
    await page.screenshot({ path: "test-results/agreement-coding.png", fullPage: true });

    // A context of its own, not signed in as Anna (the test's storage state would carry over).
    const erik = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const other = await erik.newPage();
    await signIn(other, "reviewer2@demo.example", DEMO_PASSWORD);
    await expectSignedIn(other);
    await other.goto(sampleUrl);
    // Blind: Erik starts from scratch and sees none of Anna's codes.
    await expect(other.getByText("Your codes: 0 of 5")).toBeVisible();
    await codeAll(other, ["Missed due date", "Missed due date", "Slow refund", "Missed due date", "None of these"]);
    // 4 of 5 agree; chance would give 9 of 25: κ = (0.8 − 0.36) / 0.64 ≈ 0.69.
    await expect(other.getByRole("region", { name: "Agreement" })).toContainText("κ 0.69 substantial");
    await erik.close();

    await page.goto(sampleUrl);
    await expect(page.getByRole("region", { name: "Agreement" })).toContainText(
      "the same root cause 80 % of the time, against 36 %",
    );
    const disagreements = page.getByRole("table", { name: "Disagreements" });
    await expect(disagreements.getByRole("row")).toHaveCount(2);
    await expect(disagreements.getByRole("row").nth(1)).toContainText("Slow refund");
    await expect(disagreements.getByRole("row").nth(1)).toContainText("Missed due date");
    await expect(page.getByRole("button", { name: "Save and next" })).toHaveCount(0);
    await page.screenshot({ path: "test-results/agreement-results.png", fullPage: true });

    await page.goto("/agreement");
    await expect(
      page.getByRole("table", { name: "Samples" }).getByRole("row", { name: new RegExp(name) }),
    ).toContainText("κ 0.69 substantial");
  });
});

test.describe("a product manager", () => {
  test.use({ storageState: authFile("product_manager") });

  test("does not code samples", async ({ page }) => {
    const response = await page.goto("/agreement");
    expect(response?.status()).toBe(403);
  });
});
