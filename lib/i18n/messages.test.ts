import { describe, expect, it } from "vitest";
import en from "@/messages/en";
import sv from "@/messages/sv";
import { negotiateLocale } from "./locales";

/** Every leaf's dotted key and its text. */
function leaves(value: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === "string") out.set(prefix, value);
  else if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      for (const [k, v] of leaves(child, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
    }
  }
  return out;
}

/** ICU arguments a message takes ({count}, {date}, …), sorted, so both languages fill the same blanks. */
const argumentsOf = (text: string) =>
  [...text.matchAll(/\{(\w+)(?:,|\})/g)].map((m) => m[1]).sort((a, b) => a!.localeCompare(b!));

describe("messages", () => {
  const english = leaves(en);
  const swedish = leaves(sv);

  it("has the same keys in English and Swedish", () => {
    expect([...swedish.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it("fills the same arguments in both languages", () => {
    for (const [key, text] of english) expect(argumentsOf(swedish.get(key) ?? ""), key).toEqual(argumentsOf(text));
  });

  it("leaves no message empty", () => {
    for (const [key, text] of [...english, ...swedish]) expect(text.trim(), key).not.toBe("");
  });

  it("says every code in Swedish, not in English", () => {
    // Words that are the same in both languages are fine ("Status", "Import"); a code label never is.
    for (const [key, text] of leaves(sv.codes)) {
      const english = leaves(en.codes).get(key);
      if (["status.status", "mappingTarget.status"].includes(key)) continue;
      expect(text, `codes.${key}`).not.toBe(english);
    }
  });
});

describe("choosing the language", () => {
  it("keeps a person's saved choice over the browser's", () => {
    expect(negotiateLocale("sv", "en-GB,en;q=0.9")).toBe("sv");
    expect(negotiateLocale("en", "sv-SE")).toBe("en");
  });

  it("starts from the browser's languages by preference, and English when none is ours", () => {
    expect(negotiateLocale(undefined, "sv-SE,sv;q=0.9,en;q=0.8")).toBe("sv");
    expect(negotiateLocale(undefined, "de-DE,en;q=0.5,sv;q=0.7")).toBe("sv");
    expect(negotiateLocale(undefined, "de-DE,fr;q=0.5")).toBe("en");
    expect(negotiateLocale(undefined, null)).toBe("en");
    expect(negotiateLocale("klingon", "sv;q=0")).toBe("en");
  });
});
