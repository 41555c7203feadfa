/** The interface's languages. A person reads one at a time; the choice is kept in a cookie. */
export const LOCALES = ["en", "sv"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
export const LOCALE_COOKIE = "locale";

/** The regional variant behind each language, for Intl: British English, Swedish as written in Sweden. */
export const INTL_LOCALE: Record<Locale, string> = { en: "en-GB", sv: "sv-SE" };

/** Each language's own name, so a person finds theirs whatever the screen is in. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", sv: "Svenska" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The saved choice wins; without one, the first language of the browser's Accept-Language that we have
 * (by quality), else English.
 */
export function negotiateLocale(saved: string | undefined, acceptLanguage: string | null | undefined): Locale {
  if (isLocale(saved)) return saved;
  const wanted = (acceptLanguage ?? "")
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { language: tag.toLowerCase().split("-")[0] ?? "", quality: Number.isNaN(quality) ? 0 : quality, index };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { language } of wanted) if (isLocale(language)) return language;
  return DEFAULT_LOCALE;
}
