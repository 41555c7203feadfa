import { describe, expect, it } from "vitest";
import { z } from "zod";
import { errorMapFor, fieldLabel } from "./error-map";
import { fieldErrorsOf } from "./index";

const volume = z.object({ market: z.string().length(2), month: z.string(), purchases: z.number().int().min(0) });

describe("validation messages are sentences that name the field", () => {
  it("turns zod's defaults into sentences (the map is installed by lib/validation)", () => {
    const result = volume.safeParse({ market: "SE", month: "2019-01", purchases: Number.NaN });
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!)).toEqual({ purchases: ["Purchases must be a number"] });
  });

  it("says a day field's wrong type is a wrong date, and a missing one is required", () => {
    const schema = z.object({ receivedOn: z.string(), dueOn: z.string() });
    const result = schema.safeParse({ receivedOn: 20190101 });
    expect(fieldErrorsOf(result.error!)).toEqual({
      receivedOn: ["Received on must be a date"],
      dueOn: ["Due on is required"],
    });
  });

  it("lists the choices of an enum, and names bounds in words", () => {
    const schema = z.object({
      sort: z.object({ key: z.enum(["receivedOn", "status"]) }),
      summary: z.string().max(5),
      page: z.number().min(1),
    });
    const result = schema.safeParse({ sort: { key: "colour" }, summary: "far too long", page: 0 });
    expect(fieldErrorsOf(result.error!)).toEqual({
      "sort.key": ["Sort column must be one of: receivedOn, status"],
      summary: ["Summary must have at most 5 characters"],
      page: ["Page must be at least 1"],
    });
  });

  it("keeps a schema's own message", () => {
    const schema = z.object({ market: z.string({ message: "Choose a market" }) });
    expect(fieldErrorsOf(schema.safeParse({}).error!)).toEqual({ market: ["Choose a market"] });
  });

  it("speaks Swedish when a parse is given the Swedish map", () => {
    const result = volume.safeParse(
      { market: "SE", month: "2019-01", purchases: "4 900 000" },
      { error: errorMapFor("sv") },
    );
    expect(fieldErrorsOf(result.error!)).toEqual({ purchases: ["Köp måste vara ett tal"] });
  });

  it("humanises a field without a name of its own, and names the input when there is no field", () => {
    expect(fieldLabel(["rows", 3, "customerRef"])).toBe("Customer ref");
    expect(fieldLabel(["acknowledged_at"])).toBe("Acknowledged at");
    expect(fieldLabel([])).toBe("The input");
    expect(fieldErrorsOf(z.number().safeParse("x").error!)).toEqual({ _: ["The input must be a number"] });
  });
});
