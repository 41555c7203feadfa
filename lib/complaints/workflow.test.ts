import { describe, expect, it } from "vitest";
import { COMPLAINT_STATUSES } from "@/lib/domain/values";
import { AppError } from "@/lib/errors";
import { assertTransition, canTransition, nextStatuses, transitionLabel } from "./workflow";

describe("workflow", () => {
  it("moves forward one step at a time", () => {
    expect(nextStatuses("new")).toEqual(["triaged"]);
    expect(canTransition("triaged", "in_analysis")).toBe(true);
    expect(canTransition("new", "closed")).toBe(false);
    expect(canTransition("in_analysis", "triaged")).toBe(false);
  });
  it("reopens closed and analysed complaints into analysis", () => {
    expect(canTransition("closed", "in_analysis")).toBe(true);
    expect(canTransition("analysed", "in_analysis")).toBe(true);
    expect(transitionLabel("closed", "in_analysis")).toBe("Reopen");
    expect(transitionLabel("triaged", "in_analysis")).toBe("Start analysis");
  });
  it("never allows staying put or skipping", () => {
    for (const s of COMPLAINT_STATUSES) expect(canTransition(s, s)).toBe(false);
  });
  it("refuses a bad move with a field error", () => {
    expect(() => assertTransition("new", "closed")).toThrow(AppError);
    try {
      assertTransition("new", "closed");
    } catch (error) {
      expect((error as AppError).details).toEqual({ status: ["From new the next status is triaged"] });
    }
  });
});
