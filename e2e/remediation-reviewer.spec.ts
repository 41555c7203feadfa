import { expect, test } from "@playwright/test";
import { demoDay, demoMonth } from "./support/demo";
import { authFile } from "./support/roles";

test.use({ storageState: authFile("reviewer") });

test("a reviewer proposes an action, links its root cause and evidence, ships it and checks its effect", async ({
  page,
}) => {
  const tag = `rv${Date.now().toString(36)}`;
  const title = `Explain the account name in checkout ${tag}`;
  const complaint = await page.request.post("/api/v1/complaints", {
    data: {
      externalId: tag,
      receivedOn: demoDay("2019-02-11"),
      market: "SE",
      channel: "customer_service",
      summary: `Thought konto was a bank account ${tag}`,
    },
  });
  expect(complaint.status()).toBe(201);
  const { reference } = await complaint.json();

  await page.goto("/remediation");
  await expect(page.getByRole("heading", { name: "Remediation", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "New action" }).click();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Description").fill("Say in checkout that the account is credit.");
  await page.getByLabel("Owner").selectOption({ label: "Petra Holm" });
  await page.getByLabel("Market").selectOption("SE");
  await page.getByRole("button", { name: "Propose action" }).click();

  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(page.getByText("Proposed", { exact: true })).toBeVisible();

  await page.getByLabel("Root cause to link").selectOption({ label: "Unclear product name" });
  await page.getByRole("button", { name: "Link root cause" }).click();
  await expect(page.getByRole("list", { name: "Linked root causes" }).getByText("Unclear product name")).toBeVisible();

  await page.getByLabel("Complaint reference").fill(reference);
  await page.getByRole("button", { name: "Add evidence" }).click();
  const evidence = page.getByRole("list", { name: "Evidence complaints" });
  await expect(evidence.getByRole("link", { name: reference })).toHaveAttribute("href", /\/complaints\/[0-9a-f-]{36}$/);

  // Only the workflow's next steps are offered.
  await expect(page.getByRole("button", { name: "Mark shipped" })).toHaveCount(0);
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText("Approved", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Start work" }).click();
  await expect(page.getByText("In progress", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Mark shipped" }).click();
  const dialog = page.getByRole("dialog", { name: "Mark shipped" });
  // Shipped in the demo month that stands for March 2019: six demo months before and after it.
  await dialog.getByLabel("Shipped on").fill(demoDay("2019-03-01"));
  await dialog.getByRole("button", { name: "Mark shipped" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText("Shipped", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Run effectiveness check" }).click();
  const verdict = page.getByLabel("Verdict");
  await expect(verdict).toHaveText(/^(Fewer complaints after shipping|No clear change|More complaints after shipping)/);
  await expect(page.getByRole("row").filter({ hasText: "Before" })).toContainText(
    `${demoMonth("2018-09")} – ${demoMonth("2019-02")}`,
  );
  await expect(page.getByRole("row").filter({ hasText: "After" })).toContainText(
    `${demoMonth("2019-04")} – ${demoMonth("2019-09")}`,
  );
  await expect(page.getByText(/Rate ratio after\/before: \d+\.\d\d \(95 % CI \d+\.\d\d–\d+\.\d\d\)/)).toBeVisible();
  await expect(page.getByRole("list", { name: "History" })).toContainText("Anna Lind ran the effectiveness check");
  await page.screenshot({ path: "test-results/remediation-detail.png", fullPage: true });

  // The list shows it with its root cause and the verdict, filtered through the URL.
  await page.getByRole("link", { name: "Remediation" }).first().click();
  await page.getByLabel("Status").selectOption("shipped");
  await expect(page).toHaveURL(/status=shipped/);
  await expect(page.getByRole("cell", { name: "Proposed", exact: true })).toHaveCount(0);
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
  const row = page.getByRole("row", { name: title });
  await expect(row).toContainText("Unclear product name");
  await expect(row.getByText(/^(Fewer complaints|No clear change|More complaints)$/)).toBeVisible();
  await expect(row).toContainText(/Rate [−+±]\d+\.\d %/);
  await page.screenshot({ path: "test-results/remediation-list.png", fullPage: true });
});

test("an action that has not shipped cannot be checked, and bad input names its field", async ({ page }) => {
  const tag = `rv${Date.now().toString(36)}`;
  await page.goto("/remediation/new");
  await page.getByLabel("Evidence complaints").fill("C-1999-999999");
  await page.getByRole("button", { name: "Propose action" }).click();
  await expect(page.getByText("Give the action a title")).toBeVisible();
  await page.screenshot({ path: "test-results/remediation-new.png", fullPage: true });
  await page.getByLabel("Title").fill(`Not shipped ${tag}`);
  await page.getByRole("button", { name: "Propose action" }).click();
  await expect(page.getByText("No complaint has the reference C-1999-999999")).toBeVisible();
  await page.getByLabel("Evidence complaints").fill("");
  await page.getByRole("button", { name: "Propose action" }).click();
  await expect(page.getByRole("heading", { name: `Not shipped ${tag}`, level: 1 })).toBeVisible();
  await expect(page.getByText("The check can run once the action has shipped.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Run effectiveness check" })).toHaveCount(0);

  // The edit form: a due date in the past makes the open action overdue.
  await page.getByRole("button", { name: "Edit details" }).click();
  await page.getByLabel("Due date").fill("2019-01-31");
  await page.getByLabel("Title").fill("");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Give the action a title")).toBeVisible();
  await page.getByLabel("Title").fill(`Not shipped ${tag}`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Overdue", { exact: true })).toBeVisible();
  await expect(page.getByText("31 Jan 2019")).toBeVisible();
  await expect(page.getByText(/version 2/)).toBeVisible();
});
