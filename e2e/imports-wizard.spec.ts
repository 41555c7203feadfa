import path from "node:path";
import { expect, test } from "@playwright/test";
import { authFile } from "./support/roles";

const CFPB_FILE = path.join(process.cwd(), "fixtures", "cfpb", "cfpb_credit_card_narratives_191.csv");
const shots = (name: string) => path.join("test-results", "imports", `${name}.png`);

test.describe("reviewer imports the CFPB export", () => {
  test.use({ storageState: authFile("reviewer") });

  test("runs the wizard with the CFPB mapping, watches the progress and opens an imported complaint", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await page.goto("/imports");
    await expect(page.getByRole("heading", { name: "Import complaints" })).toBeVisible();
    await page.getByLabel("CSV file").setInputFiles(CFPB_FILE);
    await page.getByRole("button", { name: "Upload and preview" }).click();

    // 1. How the file is read.
    await expect(page.getByRole("heading", { name: /^Import cfpb_credit_card_narratives_191/ })).toBeVisible();
    await expect(page.getByText("UTF-8", { exact: true })).toBeVisible();
    await expect(page.getByText("comma", { exact: true })).toBeVisible();

    // 2. Map columns: start from the saved CFPB mapping, then take the category from Sub-issue.
    await page.getByLabel("Start from a saved mapping").selectOption("CFPB");
    await expect(page.getByLabel("Field for column Complaint ID")).toHaveValue("external_id");
    await expect(page.getByLabel("Market for every row")).toHaveValue("US");
    await expect(page.getByLabel("Field for column narrative_length")).toHaveValue("");
    await page.getByLabel("Field for column Sub-issue").selectOption("category");

    // 3. Map values: every CFPB route is a registered complaint with the consumer agency.
    const channels = page.getByRole("table", { name: "Channel values" });
    await expect(channels.getByRole("row", { name: /Web/ })).toContainText("Consumer agency");
    await expect(channels).not.toContainText("consumer_agency");
    const categories = page.getByRole("table", { name: "Category values" });
    await expect(categories.getByRole("row", { name: /Card opened without my consent or knowledge/ })).toContainText(
      "(new)",
    );

    // 4. Preview: every row readable, as it will be stored.
    await expect(page.getByText("191 rows, 0 with problems")).toBeVisible();
    const preview = page.getByRole("table", { name: "Rows as they will be stored" });
    await expect(preview.getByRole("row")).toHaveCount(11);
    await expect(preview).toContainText("14069121");
    await expect(preview).toContainText("Consumer agency");
    await expect(preview).not.toContainText("consumer_agency");
    await page.screenshot({ path: shots("wizard"), fullPage: true });

    // 5. Run, and follow the job.
    await page.getByRole("button", { name: "Start import" }).click();
    const bar = page.getByRole("progressbar", { name: "Import progress" });
    await expect(bar).toBeVisible();
    await expect(page.getByText("Completed", { exact: true })).toBeVisible({ timeout: 120_000 });
    await expect(bar).toHaveAttribute("aria-valuenow", "100");
    await expect(page.getByText(/Imported 191 rows/).first()).toBeVisible();

    // The progress survives a reload: it is read from the job, not kept in the page.
    await page.reload();
    await expect(page.getByRole("progressbar", { name: "Import progress" })).toHaveAttribute("aria-valuenow", "100");
    await page.screenshot({ path: shots("progress"), fullPage: true });

    // The history lists it with who and how many.
    await page.getByRole("link", { name: "All imports" }).click();
    const history = page.getByRole("table", { name: "Import history" });
    const row = history.getByRole("row", { name: /cfpb_credit_card_narratives_191/ }).first();
    await expect(row).toContainText("Anna Lind");
    await expect(row).toContainText("191");
    await page.screenshot({ path: shots("history"), fullPage: true });

    // Open an imported complaint.
    await row.getByRole("link", { name: /cfpb_credit_card_narratives_191/ }).click();
    const imported = page.getByRole("link", { name: /^C-2025-\d{6}$/ }).first();
    const reference = (await imported.textContent())!.trim();
    await imported.click();
    await expect(page).toHaveURL(/\/complaints\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { name: reference })).toBeVisible();
  });
});
