import { expect, test } from "@playwright/test";
import { authFile } from "./support/roles";

test.use({ storageState: authFile("reviewer") });

test("the log-complaint form preselects a lone authority and keeps 'Link as family' after a refused save", async ({
  page,
}) => {
  const tag = `family${Date.now().toString(36)}`;
  const earlier = await page.request.post("/api/v1/complaints", {
    data: {
      externalId: `${tag}-first`,
      receivedOn: "2019-04-01",
      market: "SE",
      channel: "customer_service",
      summary: `Refund missing ${tag}`,
      customerRef: `CUST-${tag}`,
    },
  });
  expect(earlier.status()).toBe(201);
  const original = (await earlier.json()) as { reference: string };

  await page.goto("/complaints/new");
  await page.getByLabel("Market").selectOption("SE");
  await page.getByLabel("Channel").selectOption("consumer_agency");
  // Sweden has one consumer agency: it is chosen already.
  const authority = page.getByLabel("Authority");
  await expect(authority.locator("option:checked")).toHaveText("Konsumentverket (KOV)");
  // Left empty on purpose, so the server refuses the save after the link is chosen.
  await authority.selectOption("");
  // The same customer within a month, with much the same summary: the duplicate warning offers a link.
  await page.getByLabel("Received on").fill("2019-04-03");
  await page.getByLabel("Summary").fill(`Refund missing ${tag} again`);
  await page.getByLabel("Customer reference").fill(`CUST-${tag}`);
  await page.getByRole("button", { name: "Save complaint" }).click();
  await page.getByRole("button", { name: `Link as family of ${original.reference}` }).click();
  await expect(page.getByText("Choose the authority the complaint was registered with")).toBeVisible();
  await expect(
    page.getByText(`When saved, this complaint will be linked as family of ${original.reference}.`),
  ).toBeVisible();
  await page.screenshot({ path: "test-results/complaint-form-kept-link.png", fullPage: true });

  await authority.selectOption({ label: "Konsumentverket (KOV)" });
  await page.getByRole("button", { name: "Save complaint" }).click();
  await expect(page).toHaveURL(/\/complaints\/[0-9a-f-]{36}$/);
  // Linked: the new complaint's history says so.
  await expect(
    page.getByRole("list", { name: "History" }).getByText(`linked ${original.reference} as the same matter`),
  ).toBeVisible();
});
