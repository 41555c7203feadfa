import { countries } from "countries-list";

/**
 * PostgreSQL's built-in text-search configurations that PostgreSQL 15 and PGlite both have (16 added
 * armenian, basque, catalan, hindi, serbian and yiddish, which a PostgreSQL 15 server refuses).
 * `simple` only lower-cases: no stemming, no stop words; it suits a language without a stemmer.
 */
export const SEARCH_LANGUAGES = [
  "simple",
  "arabic",
  "danish",
  "dutch",
  "english",
  "finnish",
  "french",
  "german",
  "greek",
  "hungarian",
  "indonesian",
  "irish",
  "italian",
  "lithuanian",
  "nepali",
  "norwegian",
  "portuguese",
  "romanian",
  "russian",
  "spanish",
  "swedish",
  "tamil",
  "turkish",
] as const;
export type SearchLanguage = (typeof SEARCH_LANGUAGES)[number];

// ISO 639-1 language → the configuration that stems it (Bokmål and Nynorsk by the Norwegian stemmer).
const BY_LANGUAGE_CODE: Record<string, SearchLanguage> = {
  ar: "arabic",
  da: "danish",
  nl: "dutch",
  en: "english",
  fi: "finnish",
  fr: "french",
  de: "german",
  el: "greek",
  hu: "hungarian",
  id: "indonesian",
  ga: "irish",
  it: "italian",
  lt: "lithuanian",
  ne: "nepali",
  no: "norwegian",
  nb: "norwegian",
  nn: "norwegian",
  pt: "portuguese",
  ro: "romanian",
  ru: "russian",
  es: "spanish",
  sv: "swedish",
  ta: "tamil",
  tr: "turkish",
};

type CountryCode = keyof typeof countries;

/** Whether `code` is an ISO 3166-1 alpha-2 country code (upper case), per the countries-list package. */
export function isCountryCode(code: string): code is CountryCode {
  return /^[A-Z]{2}$/.test(code) && Object.hasOwn(countries, code);
}

/** The country's English name ("Norway"), or undefined for a code that is not a country. */
export function countryName(code: string): string | undefined {
  return isCountryCode(code) ? countries[code].name : undefined;
}

/**
 * The text-search language for a new market in this country: its first official language that
 * PostgreSQL can stem (Finland → finnish, Switzerland → german), else `simple`. Only a default for a
 * market created by an import; an admin changes it on the Taxonomies page.
 */
export function defaultSearchLanguage(code: string): SearchLanguage {
  if (!isCountryCode(code)) return "simple";
  for (const language of countries[code].languages) {
    const config = BY_LANGUAGE_CODE[language];
    if (config) return config;
  }
  return "simple";
}
