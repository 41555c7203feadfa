import { describe, expect, it } from "vitest";
import { fieldErrorsOf, parseIn } from "@/lib/validation";
import { scheduleSchema } from "./validations";

describe("the retention schedule's messages", () => {
  it("are said in the reader's language", () => {
    const errors = (locale: "en" | "sv") => {
      const parsed = parseIn(scheduleSchema, { frequency: "custom", time: "25:00", cron: "nope" }, locale);
      if (parsed.success) throw new Error("expected a refusal");
      return fieldErrorsOf(parsed.error);
    };
    expect(errors("sv")).toEqual({
      time: ["En tid på dygnet som TT:MM (UTC)"],
      cron: ["Fem fält: minut timme dag-i-månaden månad veckodag, t.ex. 30 1 * * *"],
    });
    expect(errors("en")).toEqual({
      time: ["A time of day as HH:MM (UTC)"],
      cron: ["Five fields: minute hour day-of-month month day-of-week, e.g. 30 1 * * *"],
    });
  });
});
