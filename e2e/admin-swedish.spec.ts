import { expect, test } from "@playwright/test";
import { expectNoEnglish, readInSwedish } from "./support/i18n";
import { authFile, DEMO_USERS } from "./support/roles";

// A Swedish day as lib/format writes it: "30 sep. 2019", "2 maj 2026".
const SWEDISH_DAY = String.raw`\d{1,2} (jan|feb|mars|apr|maj|juni|juli|aug|sep|okt|nov|dec)\.? \d{4}`;
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const shot = (name: string) => `/tmp/sv-admin-taxonomies-${name}.png`;

test.describe("an admin who reads Swedish", () => {
  test.use({ storageState: authFile("admin"), viewport: { width: 1440, height: 900 } });

  test.beforeEach(async ({ context, baseURL }) => {
    await readInSwedish(context, baseURL);
  });

  test("keeps the taxonomies in Swedish: products, categories, root causes, authorities and markets", async ({
    page,
  }) => {
    // One journey through five tabs with real changes: longer than the default on two shared cores.
    test.setTimeout(360_000);
    const id = unique();
    await page.goto("/admin/taxonomies");
    await expect(page).toHaveTitle(/Klassificeringar/);
    await expect(page.getByRole("heading", { name: "Klassificeringar", level: 1 })).toBeVisible();
    const tabs = page.getByRole("navigation", { name: "Klassificering" });
    await expect(tabs.getByRole("link", { name: "Produkter" })).toHaveAttribute("aria-current", "page");
    for (const tab of ["Kategorier", "Grundorsaker", "Myndigheter", "Marknader"])
      await expect(tabs.getByRole("link", { name: tab })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "Alias (matchar fortfarande vid import)" })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "Åtgärder" })).toBeVisible();
    await expectNoEnglish(page, ["taxonomies"]);

    // Products: create one, in Swedish from the button to the toast.
    const product = `Sparkonto ${id}`;
    await page.getByRole("button", { name: "Ny produkt" }).click();
    const create = page.getByRole("dialog", { name: "Ny produkt" });
    await expect(create.getByText("15 arbetsdagar i stället för 8 veckor")).toBeVisible();
    await expect(create.getByRole("button", { name: "Avbryt" })).toBeVisible();
    await create.getByLabel("Namn").fill(product);
    await create.getByLabel("Beskrivning").fill("Konto med ränta");
    await create.getByRole("button", { name: "Skapa produkt" }).click();
    await expect(create).toHaveCount(0);
    await expect(page.getByText(`${product} har skapats`)).toBeVisible();
    const row = page.getByRole("row", { name: product });
    await expect(row).toContainText("Aktiv");
    await expect(row).toContainText("Nej");
    await row.getByRole("button", { name: `Alias för ${product}` }).click();
    const aliases = page.getByRole("dialog", { name: `Alias för ${product}` });
    await expect(aliases.getByText("Inga alias ännu.")).toBeVisible();
    await aliases.getByLabel("Nytt alias").fill(`Sparkonto plus ${id}`);
    await aliases.getByRole("button", { name: "Lägg till alias" }).click();
    await expect(aliases.getByRole("list", { name: "Alias" })).toContainText(`Sparkonto plus ${id}`);
    await expectNoEnglish(page, ["taxonomies"]);
    await page.screenshot({ path: shot("products-aliases") });
    await page.keyboard.press("Escape");
    await page.screenshot({ path: shot("products"), fullPage: true });

    // Categories: a top-level one and a subcategory under it.
    const parent = `Betalningar ${id}`;
    await tabs.getByRole("link", { name: "Kategorier" }).click();
    await expect(page.getByText("Klagomålens klassificering i två nivåer")).toBeVisible();
    await page.getByRole("button", { name: "Ny kategori" }).click();
    const newCategory = page.getByRole("dialog", { name: "Ny kategori" });
    await expect(newCategory.getByLabel("Huvudkategori")).toHaveValue("");
    await newCategory.getByLabel("Namn").fill(parent);
    await newCategory.getByRole("button", { name: "Skapa kategori" }).click();
    await expect(page.getByRole("row", { name: parent, exact: true })).toBeVisible();
    await page.getByRole("button", { name: `Lägg till en underkategori i ${parent}` }).click();
    const child = page.getByRole("dialog", { name: `Ny underkategori i ${parent}` });
    await child.getByLabel("Namn").fill("Missad förfallodag");
    await child.getByRole("button", { name: "Skapa kategori" }).click();
    await expect(page.getByText(`${parent} > Missad förfallodag har skapats`)).toBeVisible();
    await expect(page.getByRole("row", { name: `${parent} > Missad förfallodag` })).toBeVisible();
    await expectNoEnglish(page, ["taxonomies"]);
    await page.screenshot({ path: shot("categories"), fullPage: true });

    // Root causes: one in use cannot be deleted, and says why in Swedish; the merge dialog is Swedish too.
    await tabs.getByRole("link", { name: "Grundorsaker" }).click();
    await expect(page.getByRole("columnheader", { name: "Taggade klagomål" })).toBeVisible();
    const remove = page.getByRole("button", { name: "Radera Slow refund" });
    await expect(remove).toHaveAttribute("aria-disabled", "true");
    await remove.focus();
    await page.keyboard.press("Enter");
    const why = page.getByRole("dialog", { name: "Varför Slow refund inte kan raderas" });
    await expect(why).toHaveText(
      /^Slow refund används av [\d\s\u00a0]+ klagomål( och [\d\s\u00a0]+ åtgärder?)?, så den kan inte raderas\. Inaktivera den i stället: den finns kvar på befintliga poster men erbjuds inte längre\.$/,
    );
    await page.keyboard.press("Escape");
    const cause = `Otydlig avgift ${id}`;
    await page.getByRole("button", { name: "Ny grundorsak" }).click();
    const newCause = page.getByRole("dialog", { name: "Ny grundorsak" });
    await expect(newCause.getByText("Vad handläggarna ska tagga med den")).toBeVisible();
    await newCause.getByLabel("Namn").fill(cause);
    await newCause.getByRole("button", { name: "Skapa grundorsak" }).click();
    await expect(page.getByRole("row", { name: cause })).toContainText("Aktiv");
    await page.getByRole("button", { name: `Slå ihop ${cause}` }).click();
    const merge = page.getByRole("dialog", { name: `Slå ihop ${cause} med en annan grundorsak` });
    await expect(merge.getByText("Dess 0 klagomålstaggar och 0 kopplade åtgärder flyttas")).toBeVisible();
    await expect(merge.getByLabel("Slå ihop med")).toBeVisible();
    await expectNoEnglish(page, ["taxonomies"]);
    await page.screenshot({ path: shot("root-causes-merge") });
    await merge.getByRole("button", { name: "Avbryt" }).click();
    await page.getByRole("button", { name: `Inaktivera ${cause}` }).click();
    await expect(page.getByText(`${cause} erbjuds inte längre för nytt arbete`)).toBeVisible();
    await expect(page.getByRole("row", { name: cause })).toContainText("Inaktiv");
    await page.screenshot({ path: shot("root-causes"), fullPage: true });

    // Authorities: channels are codes, said in Swedish; authority names stay as stored.
    await tabs.getByRole("link", { name: "Myndigheter" }).click();
    const authority = `Reklamationsnämnden ${id}`;
    await page.getByRole("button", { name: "Ny myndighet" }).click();
    const newAuthority = page.getByRole("dialog", { name: "Ny myndighet" });
    await newAuthority.getByLabel("Marknad").selectOption("SE");
    await expect(newAuthority.getByLabel("Kanal").locator("option:checked")).toHaveText("Konsumentverket");
    await newAuthority.getByLabel("Kanal").selectOption("other_authority");
    await newAuthority.getByLabel("Namn", { exact: true }).fill(authority);
    await newAuthority.getByLabel("Kortnamn").fill("RN");
    await newAuthority.getByRole("button", { name: "Skapa myndighet" }).click();
    await expect(page.getByRole("row", { name: `SE ${authority}` })).toContainText("Annan myndighet");
    await expectNoEnglish(page, ["taxonomies"]);
    await page.screenshot({ path: shot("authorities"), fullPage: true });

    // Markets: search languages in Swedish words; rename dialog in Swedish.
    await tabs.getByRole("link", { name: "Marknader" }).click();
    const sweden = page.getByRole("row", { name: "SE Sweden" });
    await expect(sweden).toContainText("svenska");
    await sweden.getByRole("button", { name: "Ändra sökspråket för SE" }).click();
    const language = page.getByRole("dialog", { name: "Sökspråk för Sweden (SE)" });
    await expect(language.getByLabel("Sökspråk").locator("option:checked")).toHaveText("svenska");
    await language.getByRole("button", { name: "Spara språk" }).click();
    await expect(page.getByText("Ingen ändring")).toBeVisible();
    await expectNoEnglish(page, ["taxonomies"]);
    await page.screenshot({ path: shot("markets"), fullPage: true });
  });

  test("manages users and API tokens in Swedish", async ({ page }) => {
    const reviewer = DEMO_USERS.reviewer;
    // Tokens on the leadership account: the English token journey works on the reviewer's, and a revoked
    // token of ours in that list would answer its wait for "Revoked" too early.
    const holder = DEMO_USERS.leadership;
    await page.goto("/admin/users");
    await expect(page).toHaveTitle(/Användare/);
    await expect(page.getByRole("heading", { name: "Användare", level: 1 })).toBeVisible();
    for (const header of ["Namn", "E-post", "Roll", "Senaste inloggning", "API-nycklar", "Åtgärder"])
      await expect(page.getByRole("columnheader", { name: header, exact: true })).toBeVisible();
    const row = page.getByRole("row", { name: reviewer.email });
    await expect(row).toContainText("Handläggare");
    await expect(row).toContainText("Aktiv");
    await expect(page.getByRole("row", { name: DEMO_USERS.admin.email })).toContainText("(du)");
    await expectNoEnglish(page, ["users", "codes"]);

    await page.getByRole("button", { name: "Ny användare" }).click();
    const create = page.getByRole("dialog", { name: "Ny användare" });
    await expect(create.getByText("Minst 10 tecken.")).toBeVisible();
    await expect(create.getByLabel("Roll").locator("option")).toHaveText([
      "Administratör",
      "Handläggare",
      "Produktansvarig",
      "Ledning",
    ]);
    await expectNoEnglish(page, ["users"]);
    await page.screenshot({ path: shot("users-new") });
    await page.keyboard.press("Escape");
    await expect(create).toHaveCount(0);

    // A token: created, shown once, then revoked, all in Swedish with a Swedish date.
    await page
      .getByRole("row", { name: holder.email })
      .getByRole("button", { name: `API-nycklar för ${holder.email}` })
      .click();
    const tokens = page.getByRole("dialog", { name: `API-nycklar för ${holder.name}` });
    await expect(tokens.getByLabel("Nyckelns namn")).toHaveAttribute("placeholder", "t.ex. skript för månadsrapporten");
    const name = `Månadsrapport ${unique()}`;
    await tokens.getByLabel("Nyckelns namn").fill(name);
    await tokens.getByRole("button", { name: "Skapa nyckel" }).click();
    await expect(tokens.getByText("Kopiera nyckeln nu: den visas inte igen.")).toBeVisible();
    await expect(tokens.getByTestId("new-token")).toHaveText(/^czt_/);
    const item = tokens.getByRole("listitem").filter({ hasText: name });
    await expect(item).toContainText(new RegExp(`skapad ${SWEDISH_DAY} · senast använd aldrig`));
    await expectNoEnglish(page, ["users"]);
    await page.screenshot({ path: shot("users-tokens") });
    await item.getByRole("button", { name: `Återkalla ${name}` }).click();
    await expect(page.getByText("Nyckeln har återkallats")).toBeVisible();
    await expect(item.getByText("Återkallad")).toBeVisible();
    await page.keyboard.press("Escape");
    await page.screenshot({ path: shot("users"), fullPage: true });
  });
});
