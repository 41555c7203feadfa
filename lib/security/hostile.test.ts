import { describe, expect, it } from "vitest";
import { hostileParam, hostileProblem, MAX_NESTING, NESTING_MESSAGE, NUL_MESSAGE, SURROGATE_MESSAGE } from "./hostile";

describe("hostileProblem", () => {
  it("names the field holding a NUL, a lone surrogate or a bad key", () => {
    expect(hostileProblem({ summary: "ok", narrative: "a\u0000b" })).toEqual({
      path: "narrative",
      message: NUL_MESSAGE,
    });
    expect(hostileProblem({ changes: { summary: "x\ud800" } })).toEqual({
      path: "changes.summary",
      message: SURROGATE_MESSAGE,
    });
    expect(hostileProblem({ items: ["a", "\udc00"] })?.path).toBe("items.1");
    expect(hostileProblem({ "k\u0000": 1 })?.path).toBe("k\u0000");
  });

  it("passes ordinary text, paired surrogates and other odd Unicode", () => {
    expect(hostileProblem({ a: "😀 \u200b \u202e ﷽ <script>", b: [1, null, true], c: new Date() })).toBeNull();
  });

  it("stops at the nesting limit without recursing", () => {
    let deep: unknown = "x";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(hostileProblem(deep)?.message).toBe(NESTING_MESSAGE);
    let ok: unknown = "x";
    for (let i = 0; i < MAX_NESTING - 1; i++) ok = { a: ok };
    expect(hostileProblem(ok)).toBeNull();
  });

  it("checks form data and query strings", () => {
    const form = new FormData();
    form.set("email", "a\u0000@b");
    expect(hostileProblem(form)?.path).toBe("email");
    expect(hostileParam(new URLSearchParams("q=a%00b"))).toEqual({ path: "q", message: NUL_MESSAGE });
    expect(hostileParam(new URLSearchParams("q=%ED%A0%80"))).toBeNull();
  });
});
