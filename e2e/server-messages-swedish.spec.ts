import { expect, test } from "@playwright/test";
import { readInSwedish } from "./support/i18n";
import { authFile } from "./support/roles";

// Messages the server composes (refusals, validation, error pages) reach a person who reads Swedish in
// Swedish; English readers keep theirs (the other journeys assert those).

test.describe("a reviewer who reads Swedish", () => {
  test.use({ storageState: authFile("reviewer") });

  test("is told in Swedish why a bulk move cannot apply, and what a workflow refusal means", async ({
    page,
    context,
    baseURL,
  }) => {
    await readInSwedish(context, baseURL);
    const tag = `svrefuse${Date.now().toString(36)}`;
    const created: { id: string; reference: string; version: number }[] = [];
    for (const n of [1, 2, 3]) {
      const response = await page.request.post("/api/v1/complaints", {
        data: {
          externalId: `${tag}-${n}`,
          receivedOn: "2019-04-01",
          market: "SE",
          channel: "customer_service",
          summary: `Otydlig faktura ${tag} ${n}`,
        },
      });
      expect(response.status()).toBe(201);
      created.push(await response.json());
    }
    const [first, second, third] = created;
    if (!first || !second || !third) throw new Error("three complaints expected");
    // The bulk bar offers only moves some of the selected can make: the third, in analysis, can be marked analysed.
    let version = third.version;
    for (const status of ["triaged", "in_analysis"]) {
      const moved = await page.request.patch(`/api/v1/complaints/${third.id}`, { data: { version, status } });
      expect(moved.status()).toBe(200);
      version = (await moved.json()).version;
    }

    // The API answers in the caller's language too, with the same code clients decide by.
    const skipped = await page.request.patch(`/api/v1/complaints/${first.id}`, {
      data: { version: first.version, status: "closed" },
    });
    expect(skipped.status()).toBe(400);
    const body = await skipped.json();
    expect(body.error.code).toBe("invalid");
    expect(body.error.message).toBe("Ett klagomål med status ny kan inte få status stängd");
    expect(body.error.details).toEqual([
      { path: "status", message: "Från status ny kan nästa status bara vara sorterad" },
    ]);

    await page.goto(`/complaints?q=${tag}`);
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
    await page.getByRole("checkbox", { name: "Markera alla på sidan" }).click();
    const bar = page.getByRole("region", { name: "Massåtgärder" });
    await bar.getByLabel("Massåtgärd").selectOption("status");
    await bar.getByLabel("Status", { exact: true }).selectOption("analysed");
    const refusals = bar.getByRole("region", { name: "Klagomål som detta inte kan tillämpas på" });
    for (const complaint of [first, second]) {
      await expect(
        refusals.getByText(
          `${complaint.reference} är fortfarande nytt — påbörja analysen innan det markeras som analyserat`,
        ),
      ).toBeVisible();
    }
    await expect(refusals).not.toContainText("start the analysis");
    await page.screenshot({ path: "/tmp/sv-server-messages-bulk-refusals.png" });
  });

  test("finds the not-found pages in Swedish", async ({ page, context, baseURL }) => {
    await readInSwedish(context, baseURL);
    // A record that is gone, inside the app's frame.
    const gone = await page.goto("/complaints/00000000-0000-4000-8000-000000000000");
    expect(gone?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Här finns ingenting" })).toBeVisible();
    await expect(page.getByText("Sidan eller posten finns inte, eller så har den tagits bort.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Tillbaka till startsidan" })).toBeVisible();
    await expect(page.getByText("Nothing here")).toHaveCount(0);
    await page.screenshot({ path: "/tmp/sv-server-messages-not-found.png" });
    // An address that is no page at all.
    const none = await page.goto("/no-such-page-here");
    expect(none?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Här finns ingenting" })).toBeVisible();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: "/tmp/sv-server-messages-not-found-390.png" });
  });
});

test.describe("an admin who reads Swedish", () => {
  test.use({ storageState: authFile("admin") });

  test("gets a form's validation message in Swedish in the browser", async ({ page, context, baseURL }) => {
    await readInSwedish(context, baseURL);
    await page.goto("/admin/retention");
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
    // Ids, not labels: the page's own words are translated on their own.
    await page.locator("#schedule-frequency").selectOption("custom");
    await page.locator("#schedule-cron").fill("1 ".repeat(60));
    await page.locator("form:has(#schedule-frequency) button[type=submit]").click();
    await expect(page.getByText("Cron får ha högst 100 tecken")).toBeVisible();
    await expect(page.getByText("Cron must have at most 100 characters")).toHaveCount(0);
    await page.screenshot({ path: "/tmp/sv-server-messages-form-validation.png" });
  });
});

test.describe("a reviewer who reads Swedish, on what the server refuses", () => {
  test.use({ storageState: authFile("reviewer") });

  test("is told in Swedish which parts of a link were left out, and why a complaint was refused", async ({
    page,
    context,
    baseURL,
  }) => {
    await readInSwedish(context, baseURL);
    // A link with a status the list does not know and a date that does not exist.
    await page.goto("/complaints?status=bogus&received_from=2019-02-30");
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
    const notice = page.getByText("Några delar av länken kunde inte användas").locator("..");
    await expect(notice).toContainText("Status “bogus”: Ingen status som listan känner till");
    await expect(notice).toContainText("Mottaget från “2019-02-30”: Det datumet finns inte");
    await expect(notice).not.toContainText("Received from");
    await page.screenshot({ path: "/tmp/sv-ignored-filters.png" });

    // The API answers a taken external id and a schema's own message in the caller's language.
    const externalId = `svtaken${Date.now().toString(36)}`;
    const complaint = { externalId, receivedOn: "2019-04-01", market: "SE", channel: "customer_service" };
    expect(
      (await page.request.post("/api/v1/complaints", { data: { ...complaint, summary: "Första" } })).status(),
    ).toBe(201);
    const taken = await page.request.post("/api/v1/complaints", { data: { ...complaint, summary: "Andra" } });
    expect(taken.status()).toBe(400);
    expect((await taken.json()).error.message).toBe("Det externa id:t används redan");
    const blank = await page.request.post("/api/v1/complaints", {
      data: { ...complaint, externalId: `${externalId}-2`, summary: " " },
    });
    expect(blank.status()).toBe(400);
    expect((await blank.json()).error.details).toEqual([{ path: "summary", message: "Skriv en kort sammanfattning" }]);
  });
});
