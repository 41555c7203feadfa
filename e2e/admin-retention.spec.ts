import { type APIRequestContext, expect, test } from "@playwright/test";
import { authFile } from "./support/roles";

const NARRATIVE = "Kunden skriver: mitt personnummer är 811218-9876, maila kund@example.se.";

/** A complaint through the import API, as history arrives: closed, with no recorded closing. */
async function importClosedComplaint(request: APIRequestContext, externalId: string, receivedOn: string) {
  const csv = `external_id,received_on,market,channel,summary,narrative,customer_ref,status\n${externalId},${receivedOn},NO,customer_service,Retention ${externalId},"${NARRATIVE}",CUST-${externalId},closed\n`;
  // A browser uploads a file as a form; a raw CSV body is for scripts with a token.
  const upload = await request.post("/api/v1/imports", {
    multipart: { file: { name: `${externalId}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) }, start: "1" },
  });
  expect(upload.status()).toBe(202);
  const { id } = (await upload.json()) as { id: string };
  await expect
    .poll(async () => ((await (await request.get(`/api/v1/imports/${id}`)).json()) as { status: string }).status)
    .toBe("completed");
  const list = await request.get(`/api/v1/complaints?external_id=${externalId}`);
  return ((await list.json()) as { data: { id: string; reference: string }[] }).data[0];
}

test.describe("an admin keeping personal data only as long as allowed", () => {
  test.use({ storageState: authFile("admin") });

  test("sets a market's rule, sees what is due, erases it and reads the run", async ({ page }) => {
    const tag = `ret${Date.now().toString(36)}`;
    const old = await importClosedComplaint(page.request, tag, "2001-03-15");

    await page.goto("/admin/retention");
    await expect(page.getByRole("heading", { name: "Retention", level: 1 })).toBeVisible();
    const norway = page.getByRole("row", { name: "Norway" });
    await norway.getByRole("button", { name: /the rule for Norway/ }).click();
    const dialog = page.getByRole("dialog", { name: "Retention for Norway" });
    await dialog.getByLabel("Keep for (months)").fill("0");
    await dialog.getByRole("button", { name: "Save rule" }).click();
    await expect(dialog.getByText("At least 1 month")).toBeVisible();
    // Twenty years: only history from before 2006 or so is due, nothing of the demo data.
    await dialog.getByLabel("Keep for (months)").fill("240");
    await dialog.getByRole("button", { name: "Save rule" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(norway).toContainText("20 years after closing");
    await expect(norway.getByRole("cell").nth(2)).toHaveText("1");
    await page.screenshot({ path: "test-results/admin-retention.png", fullPage: true });

    await page.getByRole("button", { name: "Erase due personal data" }).click();
    await page
      .getByRole("dialog", { name: "Erase personal data now?" })
      .getByRole("button", { name: "Erase 1" })
      .click();
    await expect(page.getByText("Personal data erased from 1 complaint")).toBeVisible();
    await expect(norway.getByRole("cell").nth(2)).toHaveText("0");
    await expect(page.getByRole("table", { name: "Recent retention runs" }).getByRole("row").nth(1)).toContainText(
      "NO 1",
    );

    await page.goto(`/complaints/${old!.id}`);
    await expect(page.getByText(/^Personal data erased on/)).toBeVisible();
    await expect(page.getByText("811218-9876")).toHaveCount(0);
    await expect(page.getByText(`CUST-${tag}`)).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Erase personal data" })).toHaveCount(0);

    await page.goto("/admin/retention");
    await norway.getByRole("button", { name: "Remove the rule for Norway" }).click();
    await expect(norway).toContainText("No rule: kept");
  });

  test("erases one complaint's personal data on the customer's request", async ({ page, browser }) => {
    const tag = `era${Date.now().toString(36)}`;
    const reviewer = await browser.newContext({ storageState: authFile("reviewer") });
    const created = await reviewer.request.post("/api/v1/complaints", {
      data: {
        externalId: tag,
        receivedOn: "2019-05-03",
        market: "SE",
        channel: "customer_service",
        summary: `Faktura ${tag}`,
        narrative: NARRATIVE,
        customerRef: `CUST-${tag}`,
      },
    });
    expect(created.status()).toBe(201);
    const { id, reference } = (await created.json()) as { id: string; reference: string };
    const asReviewer = await reviewer.newPage();
    await asReviewer.goto(`/complaints/${id}`);
    await expect(asReviewer.getByText(`CUST-${tag}`)).toBeVisible();
    await expect(asReviewer.getByRole("button", { name: "Erase personal data" })).toHaveCount(0);
    await reviewer.close();

    await page.goto(`/complaints/${id}`);
    await page.getByRole("button", { name: "Erase personal data" }).click();
    const dialog = page.getByRole("dialog", { name: `Erase the personal data of ${reference}?` });
    await dialog.getByRole("button", { name: "Erase personal data" }).click();
    await expect(dialog.getByText("Say why, e.g. the customer's request and its reference")).toBeVisible();
    await dialog.getByLabel("Reason").fill("Customer asked by letter, case 2019-114");
    await dialog.getByRole("button", { name: "Erase personal data" }).click();
    await expect(page.getByText(/^Personal data erased on/)).toBeVisible();
    await expect(page.getByText(`CUST-${tag}`)).toHaveCount(0);
    await expect(page.getByText("811218-9876")).toHaveCount(0);
    await expect(page.getByRole("list", { name: "History" })).toContainText(
      "erased the customer's personal data (Customer asked by letter, case 2019-114)",
    );
    // Erased data cannot be typed back in: the two fields are shown as erased, without an edit button.
    await expect(page.getByText("Erased (personal data)")).toHaveCount(2);
    await expect(page.getByRole("button", { name: "Edit narrative" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Edit customer reference" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Edit summary" })).toBeVisible();
    await page.screenshot({ path: "test-results/complaint-erased.png", fullPage: true });
  });
});
