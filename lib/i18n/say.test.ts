import { describe, expect, it } from "vitest";
import { complaintCreateSchema } from "@/lib/complaints/validations";
import { fieldErrorsOf, parseIn } from "@/lib/validation";
import { parsingIn, phraseIn, refuse, ruleText } from "./say";

const valid = {
  receivedOn: "2026-03-01",
  market: "SE",
  channel: "customer_service",
  summary: "Kortet spärrades",
};

function errorsIn(locale: "en" | "sv", input: unknown) {
  const parsed = parseIn(complaintCreateSchema, input, locale);
  if (parsed.success) throw new Error("expected a refusal");
  return fieldErrorsOf(parsed.error);
}

describe("schemas' own messages", () => {
  it("are said in the reader's language", () => {
    const input = { ...valid, summary: " ", receivedOn: "2026-02-30", authorityId: crypto.randomUUID() };
    expect(errorsIn("sv", input)).toEqual({
      summary: ["Skriv en kort sammanfattning"],
      receivedOn: ["Det datumet finns inte"],
      authorityId: ["Klagomål till kundtjänst har ingen myndighet"],
    });
    expect(errorsIn("en", input)).toEqual({
      summary: ["Write a short summary"],
      receivedOn: ["This date does not exist"],
      authorityId: ["Customer service complaints have no authority"],
    });
  });

  it("fill in their values and fall back to the error map's sentence where a schema says nothing", () => {
    const errors = errorsIn("sv", { ...valid, receivedOn: "1999-12-31", customerRef: "x".repeat(201) });
    expect(errors.receivedOn).toEqual(["Datumet ligger för långt bak i tiden (före 2000-01-01)"]);
    expect(errors.customerRef?.[0]).toMatch(/200/);
    expect(errors.customerRef?.[0]).not.toMatch(/characters/);
  });

  it("are English outside a parse for someone, and the locale is restored after one", () => {
    expect(ruleText("complaintRules.nothingToChange")).toBe("Nothing to change");
    expect(parsingIn("sv", () => ruleText("complaintRules.nothingToChange"))).toBe("Inget att ändra");
    expect(() =>
      parsingIn("sv", () => {
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(ruleText("complaintRules.nothingToChange")).toBe("Nothing to change");
  });
});

describe("refuse", () => {
  it("says the refusal and its fields in each language", () => {
    const error = refuse("invalid", "complaintRules.nothingToChange", {
      summary: "complaintRules.summaryMissing",
      receivedOn: ["commonRules.dateFormat", ["commonRules.dateTooEarly", { min: "2000-01-01" }]],
      month: ["commonRules.monthBetween", { min: "2000-01", max: "2100-12" }],
    });
    expect(error.message).toBe("Nothing to change");
    expect(error.in("sv")).toEqual({
      message: "Inget att ändra",
      details: {
        summary: ["Skriv en kort sammanfattning"],
        receivedOn: ["Ange datumet som ÅÅÅÅ-MM-DD", "Datumet ligger för långt bak i tiden (före 2000-01-01)"],
        month: ["Ange en månad mellan 2000-01 och 2100-12"],
      },
    });
  });

  it("says a value that is a phrase of its own in the same language", () => {
    const phrase = [
      "importRules.outcome.unreadableAt",
      { line: 3, reason: ["importRules.csv.fieldCount", {}] },
    ] as const;
    expect(phraseIn("sv", phrase)).toBe(
      "Filen kan inte läsas på rad 3: en rad har ett annat antal fält än rubrikraden",
    );
    expect(phraseIn("en", phrase)).toBe(
      "The file cannot be read at line 3: a row has a different number of fields from the header row",
    );
  });

  it("names the key when a message is missing rather than failing", () => {
    expect(phraseIn("sv", "complaintRules.nope" as never)).toBe("complaintRules.nope");
  });
});
