import { expect, test } from "@playwright/test";
import { importRows } from "./support/imports";
import { authFile } from "./support/roles";

test.use({ storageState: authFile("admin") });

test("an admin merges one root cause into another: tags move, the old name still imports, the history stays", async ({
  page,
}) => {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const from = `Konto misread ${id}`;
  const into = `Unclear product name ${id}`;
  await page.goto("/admin/taxonomies?tab=root-causes");
  for (const name of [from, into]) {
    await page.getByRole("button", { name: "New root cause" }).click();
    const create = page.getByRole("dialog", { name: "New root cause" });
    await create.getByLabel("Name").fill(name);
    await create.getByRole("button", { name: "Create root cause" }).click();
    await expect(page.getByRole("row", { name })).toBeVisible();
  }
  await importRows(page, [
    `MERGE-A-${id},2019-03-05,SE,customer_service,Thought it was a bank account,,${from}`,
    `MERGE-B-${id},2019-03-06,SE,customer_service,Did not see it was credit,,${from}|${into}`,
  ]);
  await page.reload();
  await expect(page.getByRole("row", { name: from }).getByRole("cell").nth(2)).toHaveText("2");

  await page.getByRole("button", { name: `Merge ${from}` }).click();
  const dialog = page.getByRole("dialog", { name: `Merge ${from} into another cause` });
  await dialog.getByRole("button", { name: "Merge" }).click();
  await expect(
    dialog.getByText("Choose a root cause from the list").or(dialog.getByRole("alert")).first(),
  ).toBeVisible();
  await dialog.getByLabel("Merge into").selectOption({ label: into });
  await page.screenshot({ path: "test-results/admin-root-cause-merge-dialog.png" });
  await dialog.getByRole("button", { name: "Merge" }).click();
  await expect(page.getByText(`${from} merged: 2 tags moved`)).toBeVisible();

  // The merged cause stays, inactive, pointing at the other; the other answers to its name.
  const merged = page.getByRole("row", { name: from });
  await expect(merged).toContainText(`Merged into ${into}`);
  await expect(merged.getByText("Inactive")).toBeVisible();
  const target = page.getByRole("row", { name: into });
  await expect(target).toContainText(`Also imports as: ${from}`);
  await expect(target.getByRole("cell").nth(2)).toHaveText("2");
  await page.screenshot({ path: "test-results/admin-root-cause-merge.png", fullPage: true });

  // A file that still uses the old name imports onto the other cause.
  await importRows(page, [`MERGE-C-${id},2019-03-07,SE,customer_service,Same again,,${from}`]);
  await page.reload();
  await expect(page.getByRole("row", { name: into }).getByRole("cell").nth(2)).toHaveText("3");
  await expect(page.getByRole("row", { name: from }).getByRole("cell").nth(2)).toHaveText("0");

  // The audit log records the merge with what moved.
  const audit = await (await page.request.get("/api/v1/audit-log?action=root_cause.merge")).json();
  expect(JSON.stringify(audit)).toContain(into);
});
