import { describe, expect, it } from "vitest";
import { fieldErrorsOf, parseIn } from "@/lib/validation";
import { paletteQuerySchema } from "./validations";

function errorsIn(locale: "en" | "sv", text: string) {
  const parsed = parseIn(paletteQuerySchema, { text }, locale);
  if (parsed.success) throw new Error("expected a refusal");
  return fieldErrorsOf(parsed.error);
}

describe("the palette's query", () => {
  it("is refused in the reader's language", () => {
    expect(errorsIn("sv", "a")).toEqual({ text: ["Skriv minst två tecken"] });
    expect(errorsIn("en", "a")).toEqual({ text: ["Type at least two characters"] });
    expect(errorsIn("sv", "x".repeat(201))).toEqual({ text: ["Söktexten får vara högst 200 tecken"] });
    expect(errorsIn("en", "ab\u0000")).toEqual({ text: ["Search text cannot contain a NUL character"] });
  });
});
