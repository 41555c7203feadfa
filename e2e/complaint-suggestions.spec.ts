import { expect, test } from "@playwright/test";
import { authFile } from "./support/roles";

test.use({ storageState: authFile("reviewer") });

test("a reviewer applies a suggested root cause and completes the analysis", async ({ page }) => {
  const tag = `sugg${Date.now().toString(36)}`;
  // A new complaint that says what an analysed demo complaint says.
  const listed = await page.request.get("/api/v1/complaints?status=closed&market=SE&excluded=no&per_page=5");
  expect(listed.status()).toBe(200);
  const { data } = (await listed.json()) as { data: { id: string }[] };
  // Counted closed complaints were analysed, so they name a root cause.
  const model = await (await page.request.get(`/api/v1/complaints/${data[0]!.id}`)).json();
  expect(model.rootCauses.length).toBeGreaterThan(0);
  const created = await page.request.post("/api/v1/complaints", {
    data: {
      externalId: tag,
      receivedOn: "2019-05-02",
      market: "SE",
      channel: "customer_service",
      productId: model.productId,
      summary: model.summary,
      narrative: model.narrative ?? undefined,
    },
  });
  expect(created.status()).toBe(201);
  const complaint = (await created.json()) as { id: string; reference: string; version: number };
  let version = complaint.version;
  for (const status of ["triaged", "in_analysis"]) {
    const moved = await page.request.patch(`/api/v1/complaints/${complaint.id}`, { data: { version, status } });
    expect(moved.status()).toBe(200);
    version = (await moved.json()).version;
  }

  const api = await (await page.request.get(`/api/v1/complaints/${complaint.id}/suggestions`)).json();
  expect(api.similar.length).toBeGreaterThan(0);
  expect(api.causes.length).toBeGreaterThan(0);
  const best = api.causes[0] as { name: string; rootCauseId: string };

  await page.goto(`/complaints/${complaint.id}`);
  const similar = page.getByRole("region", { name: "Similar complaints" });
  await expect(similar.getByRole("link", { name: api.similar[0].reference })).toBeVisible();
  // When they were looked for (the job runner finds them ahead for the complaints being worked).
  await expect(similar.getByText(/^As of \d/)).toBeVisible();
  const suggested = page.getByRole("region", { name: "Suggested root causes" });
  await suggested.getByRole("button", { name: `Apply ${best.name}` }).click();
  await expect(suggested.getByText("Tagged")).toBeVisible();
  await expect(page.getByRole("list", { name: "History" })).toContainText(`tagged root cause ${best.name}`);
  await page.getByRole("button", { name: "Mark analysed" }).click();
  await expect(page.getByRole("button", { name: "Close", exact: true })).toBeVisible();
  await page.screenshot({ path: "test-results/complaint-suggestions.png", fullPage: true });
});
