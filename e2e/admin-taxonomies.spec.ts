import { expect, test } from "@playwright/test";
import { importRows } from "./support/imports";
import { authFile } from "./support/roles";

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test.describe("taxonomy administration", () => {
  test.use({ storageState: authFile("admin") });

  test("an admin creates and renames a product; the old name stays an alias that imports still match", async ({
    page,
  }) => {
    const id = unique();
    const oldName = `Konto ${id}`;
    const newName = `Delbetalningskonto ${id}`;
    await page.goto("/admin/taxonomies");
    await expect(page.getByRole("link", { name: "Products" })).toHaveAttribute("aria-current", "page");

    await page.getByRole("button", { name: "New product" }).click();
    const create = page.getByRole("dialog", { name: "New product" });
    await create.getByRole("button", { name: "Create product" }).click();
    await expect(create.getByText("Enter a product name")).toBeVisible();
    await create.getByLabel("Name").fill(oldName);
    await create.getByLabel("Description").fill("Revolving credit account");
    await create.getByRole("button", { name: "Create product" }).click();
    await expect(create).toHaveCount(0);
    await expect(page.getByRole("row", { name: oldName })).toBeVisible();

    await page.getByRole("button", { name: `Edit ${oldName}` }).click();
    const edit = page.getByRole("dialog", { name: `Edit ${oldName}` });
    await expect(edit.getByText("15 business days instead of 8 weeks")).toBeVisible();
    await edit.getByLabel("Name").fill(newName);
    await edit.getByRole("button", { name: "Save product" }).click();
    await expect(edit).toHaveCount(0);
    const row = page.getByRole("row", { name: newName });
    await expect(row.getByText(oldName, { exact: true })).toBeVisible();

    // The old name is taken now: as an alias of the renamed product.
    await page.getByRole("button", { name: "New product" }).click();
    const again = page.getByRole("dialog", { name: "New product" });
    await again.getByLabel("Name").fill(oldName.toUpperCase());
    await again.getByRole("button", { name: "Create product" }).click();
    await expect(again.getByRole("alert")).toHaveText(`“${oldName.toUpperCase()}” is already an alias of ${newName}`);
    await page.screenshot({ path: "test-results/admin-taxonomies-products.png" });
    await again.getByRole("button", { name: "Cancel" }).click();

    await page.getByRole("button", { name: `Aliases of ${newName}` }).click();
    const aliases = page.getByRole("dialog", { name: `Aliases of ${newName}` });
    await expect(aliases.getByRole("list", { name: "Aliases" })).toContainText(oldName);
    await aliases.getByLabel("New alias").fill(`Konto plus ${id}`);
    await aliases.getByRole("button", { name: "Add alias" }).click();
    await expect(aliases.getByRole("list", { name: "Aliases" })).toContainText(`Konto plus ${id}`);
    await page.screenshot({ path: "test-results/admin-taxonomies-aliases.png" });
    await aliases.getByRole("button", { name: "Close" }).click();

    await importRows(page, [`TAXO-${id},2019-03-04,SE,customer_service,Old product name,${oldName},`]);
    await page.reload();
    await expect(page.getByRole("row", { name: newName }).getByRole("cell").nth(3)).toHaveText("1");
  });

  test("an admin adds a subcategory under a parent", async ({ page }) => {
    const id = unique();
    const parent = `Payments ${id}`;
    await page.goto("/admin/taxonomies?tab=categories");
    await page.getByRole("button", { name: "New category" }).click();
    const create = page.getByRole("dialog", { name: "New category" });
    await create.getByLabel("Name").fill(parent);
    await create.getByRole("button", { name: "Create category" }).click();
    await expect(page.getByRole("row", { name: parent, exact: true })).toBeVisible();

    await page.getByRole("button", { name: `Add a subcategory to ${parent}` }).click();
    const child = page.getByRole("dialog", { name: `New subcategory of ${parent}` });
    await expect(child.getByLabel("Parent category")).toHaveValue(/.+/);
    await child.getByLabel("Name").fill("Missed due date");
    await child.getByRole("button", { name: "Create category" }).click();
    await expect(page.getByRole("row", { name: `${parent} > Missed due date` })).toBeVisible();
    await page.screenshot({ path: "test-results/admin-taxonomies-categories.png" });
  });

  test("an admin renames a root cause and is refused deleting one that is in use", async ({ page }) => {
    const id = unique();
    const name = `Slow refund ${id}`;
    const renamed = `Refund too slow ${id}`;
    await page.goto("/admin/taxonomies?tab=root-causes");
    await page.getByRole("button", { name: "New root cause" }).click();
    const create = page.getByRole("dialog", { name: "New root cause" });
    await create.getByLabel("Name").fill(name);
    await create.getByLabel("Description").fill("A refund took longer than promised.");
    await create.getByRole("button", { name: "Create root cause" }).click();
    await expect(page.getByRole("row", { name })).toBeVisible();

    await page.getByRole("button", { name: `Edit ${name}` }).click();
    const edit = page.getByRole("dialog", { name: `Edit ${name}` });
    await edit.getByLabel("Name").fill(renamed);
    await edit.getByRole("button", { name: "Save root cause" }).click();
    await expect(page.getByRole("row", { name: renamed })).toBeVisible();
    await expect(page.getByRole("row", { name })).toHaveCount(0);

    await importRows(page, [`TAXO-RC-${id},2019-03-05,SE,customer_service,Refund came late,,${renamed}`]);
    await page.reload();
    // In use: Delete is disabled, and pressing it (by keyboard here) says why instead of asking to confirm.
    const remove = page.getByRole("button", { name: `Delete ${renamed}` });
    await expect(remove).toHaveAttribute("aria-disabled", "true");
    await remove.focus();
    await page.keyboard.press("Enter");
    const why = page.getByRole("dialog", { name: `Why ${renamed} cannot be deleted` });
    await expect(why).toHaveText(
      `${renamed} is used by 1 complaint, so it cannot be deleted. Deactivate it instead: it stays on existing records but is no longer offered.`,
    );
    await expect(page.getByRole("dialog", { name: `Delete ${renamed}?` })).toHaveCount(0);
    await page.screenshot({ path: "test-results/admin-taxonomies-refusal.png" });
    await page.keyboard.press("Escape");
    await expect(why).toHaveCount(0);

    await page.getByRole("button", { name: `Deactivate ${renamed}` }).click();
    await expect(page.getByRole("row", { name: renamed }).getByText("Inactive")).toBeVisible();
  });
});

test.describe("authorities", () => {
  test.use({ storageState: authFile("admin") });

  test("an admin adds an authority for a market and channel, renames it, and finds the markets", async ({ page }) => {
    const name = `Reklamationsnämnd ${unique()}`;
    await page.goto("/admin/taxonomies?tab=authorities");
    await page.getByRole("button", { name: "New authority" }).click();
    const create = page.getByRole("dialog", { name: "New authority" });
    await create.getByLabel("Market").selectOption("NO");
    await create.getByLabel("Channel").selectOption("other_authority");
    await create.getByLabel("Name", { exact: true }).fill(name);
    await create.getByRole("button", { name: "Create authority" }).click();
    const row = page.getByRole("row", { name: `NO ${name}` });
    await expect(row).toContainText("Other authority");

    await row.getByRole("button", { name: `Rename ${name}` }).click();
    const edit = page.getByRole("dialog", { name: `Rename ${name}` });
    await edit.getByLabel("Name", { exact: true }).fill(`${name} (new name)`);
    await edit.getByRole("button", { name: "Save authority" }).click();
    await expect(page.getByRole("row", { name: `NO ${name} (new name)` })).toBeVisible();
    await page.screenshot({ path: "test-results/admin-taxonomies-authorities.png" });

    await page.getByRole("link", { name: "Markets" }).click();
    await expect(page.getByRole("row", { name: "SE Sweden" }).getByRole("button", { name: "Rename SE" })).toBeVisible();
    await page.screenshot({ path: "test-results/admin-taxonomies-markets.png" });
  });
});

test.describe("taxonomies for reviewers", () => {
  test.use({ storageState: authFile("reviewer") });

  test("a reviewer has no Taxonomies entry and is refused the page", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Taxonomies" })).toHaveCount(
      0,
    );
    const response = await page.goto("/admin/taxonomies?tab=root-causes");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    await expect(page.getByRole("button", { name: "New root cause" })).toHaveCount(0);
  });
});
