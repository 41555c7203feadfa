import path from "node:path";
import { expect, test } from "@playwright/test";
import { authFile } from "./support/roles";

const shots = (name: string) => path.join("test-results", "markets", `${name}.png`);

test.describe("markets are data", () => {
  test.use({ storageState: authFile("admin") });

  test("an admin creates a Norwegian market, installs the starter taxonomy for it, and deactivates it", async ({
    page,
  }) => {
    await page.goto("/admin/taxonomies?tab=markets");
    await expect(page.getByRole("row", { name: "SE Sweden" })).toContainText("swedish");

    await page.getByRole("button", { name: "New market" }).click();
    const dialog = page.getByRole("dialog", { name: "New market" });
    await dialog.getByLabel("Country code").fill("XX");
    await dialog.getByLabel("Name").fill("Nowhere");
    await dialog.getByRole("button", { name: "Create market" }).click();
    await expect(dialog.getByText("Enter an ISO 3166-1 alpha-2 country code, such as NO or DK")).toBeVisible();
    await dialog.getByLabel("Country code").fill("sj");
    await dialog.getByLabel("Name").fill("Svalbard og Jan Mayen");
    await dialog.getByLabel("Search language").selectOption("norwegian");
    await dialog.getByRole("button", { name: "Create market" }).click();
    await expect(dialog).toHaveCount(0);
    const row = page.getByRole("row", { name: "SJ Svalbard og Jan Mayen" });
    await expect(row).toContainText("norwegian");
    await expect(row).toContainText("Active");

    // A market just created has no authorities or deadlines: the page offers the starter taxonomy.
    await expect(page.getByText("SJ has no authorities or deadline rules yet.")).toBeVisible();
    await page.screenshot({ path: shots("new-market"), fullPage: true });
    await page.getByRole("button", { name: "Install starter taxonomy" }).click();
    await expect(page.getByText(/Installed 0 root causes, 0 categories and 4 authorities/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Install starter taxonomy" })).toHaveCount(0);

    await page.goto("/admin/taxonomies?tab=authorities");
    for (const name of ["Forbrukertilsynet", "Datatilsynet", "Finanstilsynet", "Finansklagenemnda"])
      await expect(page.getByRole("row", { name: `SJ ${name}` })).toBeVisible();

    await page.goto("/admin/taxonomies?tab=markets");
    await page.getByRole("button", { name: "Deactivate SJ" }).click();
    await expect(page.getByRole("row", { name: "SJ Svalbard og Jan Mayen" })).toContainText("Inactive");
    await page.getByRole("button", { name: "Reactivate SJ" }).click();
    await expect(page.getByRole("row", { name: "SJ Svalbard og Jan Mayen" })).toContainText("Active");
  });
});
