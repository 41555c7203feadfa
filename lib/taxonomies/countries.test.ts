import { describe, expect, it } from "vitest";
import { countryName, defaultSearchLanguage, isCountryCode, SEARCH_LANGUAGES } from "./countries";

describe("country → search language", () => {
  it("gives the Nordic and German markets their own stemmers", () => {
    expect(defaultSearchLanguage("SE")).toBe("swedish");
    expect(defaultSearchLanguage("NO")).toBe("norwegian");
    expect(defaultSearchLanguage("DK")).toBe("danish");
    expect(defaultSearchLanguage("FI")).toBe("finnish");
    expect(defaultSearchLanguage("DE")).toBe("german");
    expect(defaultSearchLanguage("AT")).toBe("german");
    expect(defaultSearchLanguage("NL")).toBe("dutch");
    expect(defaultSearchLanguage("GB")).toBe("english");
    expect(defaultSearchLanguage("ES")).toBe("spanish");
  });

  it("takes a country's first language PostgreSQL can stem", () => {
    expect(defaultSearchLanguage("CH")).toBe("german");
    expect(defaultSearchLanguage("BE")).toBe("dutch");
    expect(defaultSearchLanguage("SJ")).toBe("norwegian");
  });

  it("falls back to simple where no stemmer fits, or for a code that is no country", () => {
    expect(defaultSearchLanguage("PL")).toBe("simple");
    expect(defaultSearchLanguage("JP")).toBe("simple");
    expect(defaultSearchLanguage("QQ")).toBe("simple");
    expect(defaultSearchLanguage("se")).toBe("simple");
  });

  it("only answers with configurations both PostgreSQL 15 and PGlite have", () => {
    for (const code of ["SE", "NO", "CH", "BR", "GR", "TR", "IE", "LT", "ID", "IN", "NP", "EG", "PL"])
      expect(SEARCH_LANGUAGES).toContain(defaultSearchLanguage(code));
  });

  it("knows ISO 3166-1 alpha-2 codes", () => {
    expect(isCountryCode("NO")).toBe(true);
    expect(isCountryCode("XX")).toBe(false);
    expect(isCountryCode("EU")).toBe(false);
    expect(isCountryCode("no")).toBe(false);
    expect(countryName("DK")).toBe("Denmark");
  });
});
