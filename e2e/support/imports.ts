import { expect, type Page } from "@playwright/test";

/** Imports canonical CSV rows through the API as the signed-in user and waits for the job to finish. */
export async function importRows(page: Page, rows: string[]) {
  const csv = `${["external_id,received_on,market,channel,summary,product,root_causes", ...rows].join("\n")}\n`;
  const response = await page.request.post("/api/v1/imports", {
    multipart: { file: { name: "taxonomy.csv", mimeType: "text/csv", buffer: Buffer.from(csv) }, start: "1" },
  });
  expect(response.status()).toBe(202);
  const { id } = await response.json();
  await expect
    .poll(async () => (await (await page.request.get(`/api/v1/imports/${id}`)).json()).status)
    .toBe("completed");
}
