import { describe, expect, it } from "vitest";
import { findMentions, mentionQueryAt } from "./mentions";

const people = [
  { id: "1", name: "Anna Lind", email: "reviewer@demo.example" },
  { id: "2", name: "Anna Lindqvist", email: "alq@demo.example" },
  { id: "3", name: "Petra Holm", email: "pm@demo.example" },
];

describe("findMentions", () => {
  it("finds full names and handles, case-insensitively", () => {
    expect(findMentions("@anna lind please look, cc @PM", people).map((p) => p.id)).toEqual(["1", "3"]);
  });
  it("prefers the longest name", () => {
    expect(findMentions("@Anna Lindqvist what do you think?", people).map((p) => p.id)).toEqual(["2"]);
  });
  it("ignores e-mail addresses and partial words", () => {
    expect(findMentions("mail pm@demo.example or @pmx", people)).toEqual([]);
  });
  it("finds nothing without an @", () => {
    expect(findMentions("Anna Lind knows", people)).toEqual([]);
  });
});

describe("mentionQueryAt", () => {
  it("reads the name being typed after @", () => {
    expect(mentionQueryAt("hello @Ann", 10)).toEqual({ start: 6, query: "Ann" });
    expect(mentionQueryAt("hello @Anna Li", 14)).toEqual({ start: 6, query: "Anna Li" });
    expect(mentionQueryAt("mail a@b", 8)).toBeNull();
    expect(mentionQueryAt("no mention", 10)).toBeNull();
  });
});
