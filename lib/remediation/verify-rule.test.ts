import { describe, expect, it } from "vitest";
import { phraseIn } from "@/lib/i18n/say";
import { verifyBlocker as blockerKey, canVerify } from "./verify-rule";

/** The blocker as an English reader reads it. */
const verifyBlocker = (c: Parameters<typeof blockerKey>[0]) => {
  const key = blockerKey(c);
  return key && phraseIn("en", key);
};

const check = (rateRatio: number | null, ciLow: number | null) => ({
  id: "c",
  rateRatio,
  ciLow,
  computedAt: new Date("2026-01-01T00:00:00Z"),
});

describe("the verify rule", () => {
  it("needs a recorded check with figures", () => {
    expect(verifyBlocker(null)).toMatch(/Run the effectiveness check first/);
    expect(verifyBlocker(check(null, null))).toMatch(/not enough data/);
  });

  it("refuses a check whose whole interval says worse, and accepts fewer or no clear change", () => {
    expect(verifyBlocker(check(1.6, 1.05))).toMatch(/more complaints after shipping/);
    expect(blockerKey(check(1.6, 1.05)) && phraseIn("sv", blockerKey(check(1.6, 1.05))!)).toMatch(/fler klagomål/);
    expect(verifyBlocker(check(1.3, 0.9))).toBeNull();
    expect(verifyBlocker(check(0.5, 0.28))).toBeNull();
    // An interval that touches 1 is not "worse".
    expect(verifyBlocker(check(1.4, 1))).toBeNull();
  });

  it("lets reviewers and admins verify, not product managers or leadership", () => {
    expect(canVerify("admin")).toBe(true);
    expect(canVerify("reviewer")).toBe(true);
    expect(canVerify("product_manager")).toBe(false);
    expect(canVerify("leadership")).toBe(false);
  });
});
