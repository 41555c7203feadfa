import { expect, test } from "@playwright/test";
import { authFile } from "./support/roles";

const RENAME = "Rename Klarna konto to Klarna delbetalningskonto";

test.use({ storageState: authFile("product_manager") });

test("a product manager discusses an action, mentioning a reviewer, who finds the comment in the inbox", async ({
  page,
  browser,
}) => {
  const tag = `march${Date.now().toString(36)}`;
  await page.goto("/remediation");
  await page.getByRole("link", { name: RENAME }).click();
  await expect(page.getByRole("heading", { name: RENAME, level: 1 })).toBeVisible();

  // Typing "@Ann" suggests Anna Lind; Enter picks her.
  const box = page.getByRole("combobox", { name: "Comment" });
  await box.fill("Could you look at the March figures ");
  await box.pressSequentially("@Ann");
  await expect(page.getByRole("option", { name: /Anna Lind/ })).toBeVisible();
  await box.press("Enter");
  await expect(box).toHaveValue("Could you look at the March figures @Anna Lind ");
  await box.pressSequentially(`before we verify? ${tag}`);
  await page.getByRole("button", { name: "Add comment" }).click();
  await expect(page.getByText("Sent to Anna Lind")).toBeVisible();
  const comment = page.getByRole("listitem").filter({ hasText: tag });
  await expect(comment).toContainText("Petra Holm");
  await expect(comment).toContainText("Mentioned: Anna Lind");
  await expect(box).toHaveValue("");
  await page.getByRole("list", { name: "History" }).scrollIntoViewIfNeeded();
  await expect(page.getByRole("list", { name: "History" })).toContainText("Petra Holm commented");
  await page.screenshot({ path: "test-results/remediation-comments.png", fullPage: true });

  // The reviewer's inbox has it, and it opens the action at the comment.
  const reviewer = await browser.newContext({ storageState: authFile("reviewer") });
  const inbox = await reviewer.newPage();
  await inbox.goto("/inbox");
  const message = inbox.getByRole("listitem", { name: `Petra Holm mentioned you in a comment on: ${RENAME}` }).filter({
    hasText: tag,
  });
  await expect(message).toBeVisible();
  await inbox.screenshot({ path: "test-results/remediation-comments-inbox.png", fullPage: true });
  await message.getByRole("link", { name: RENAME }).click();
  await expect(inbox).toHaveURL(/\/remediation\/[0-9a-f-]{36}#comment-[0-9a-f-]{36}$/);
  await expect(inbox.locator(`#${new URL(inbox.url()).hash.slice(1)}`)).toContainText(tag);
  await reviewer.close();
});
