import { type BrowserContext, expect, type Page } from "@playwright/test";
import en from "@/messages/en";
import sv from "@/messages/sv";

type Namespace = keyof typeof en;

/** Every leaf of a message tree with its dotted key. */
function leaves(value: unknown, prefix = ""): [string, string][] {
  if (typeof value === "string") return [[prefix, value]];
  if (!value || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
}

/** Reads the screen in Swedish from the next page on, as a person who chose it (the choice is a cookie). */
export async function readInSwedish(context: BrowserContext, baseURL: string | undefined): Promise<void> {
  if (!baseURL) throw new Error("readInSwedish needs the test's baseURL");
  await context.addCookies([{ name: "locale", value: "sv", url: baseURL }]);
}

/**
 * The English texts of these namespaces that Swedish says differently and that are long enough to be
 * unmistakable (two words or more, no {placeholders}): none may show on a Swedish page. Lower-case
 * fragments of two words ("due date", put into a history sentence) are left out: the bank's own data
 * ("Missed due date", a root cause) holds them too.
 */
export function englishOnlyTexts(namespaces: readonly Namespace[]): string[] {
  return namespaces.flatMap((ns) => {
    const swedish = new Map(leaves(sv[ns]));
    return leaves(en[ns])
      .filter(([key, text]) => swedish.get(key) !== text && !text.includes("{") && /\S\s+\S/.test(text))
      .filter(([, text]) => !(/^[a-z]/.test(text) && text.trim().split(/\s+/).length < 3))
      .map(([, text]) => text);
  });
}

/** Fails with the English texts of these namespaces that the page (its main region and dialogs) still shows. */
export async function expectNoEnglish(page: Page, namespaces: readonly Namespace[]): Promise<void> {
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  const { body, records } = await page.evaluate(() => ({
    // The rendered text; textContent would read the scripts that carry every message.
    body: document.body.innerText,
    // Choices that are records (a category, a product, a person: their value is an id) are data in the
    // bank's own words, not interface text.
    records: [...document.querySelectorAll("option")]
      .filter((option) => /^[0-9a-f-]{36}$/.test(option.value))
      .map((option) => option.textContent ?? ""),
  }));
  const text = records.reduce((rest, record) => rest.replace(record, ""), body);
  const shown = englishOnlyTexts(namespaces).filter((english) => text.includes(english));
  expect(shown, "English texts on a Swedish page").toEqual([]);
}
