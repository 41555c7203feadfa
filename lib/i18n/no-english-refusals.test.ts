import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Directories whose refusals and schema messages are all said by key (`refuse`, `rule`, `ruleText`),
 * so a reader gets them in their language. Extend the list with a directory once it is converted.
 */
const KEYED_MESSAGE_DIRS = [
  "lib/complaints",
  "lib/root-causes",
  "lib/suggestions",
  "lib/notifications",
  "lib/palette",
  "lib/exports",
  "lib/remediation",
  "lib/users",
  "lib/auth",
  "lib/privacy",
  "lib/operations",
  "lib/jobs",
  "lib/audit",
] as const;

/** English text where a message key belongs, each with what it is. */
const ENGLISH = [
  { what: "an AppError with English text", pattern: /new AppError\(\s*"[a-z_]+",\s*["`]/g },
  { what: "a zod message as English text", pattern: /message:\s*["`][A-Z]/g },
  { what: "a zod message as English text", pattern: /,\s*["`][A-Z]/g },
  { what: "a zod message as English text", pattern: /\bz\.\w+\(\s*["`][A-Z]/g },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [file] : [];
  });
}

/** Every line of `text` a pattern matches, once, as "file:line: what: the line". */
function englishIn(file: string, text: string): string[] {
  const lines = text.split("\n");
  const found = new Map<number, string>();
  for (const { what, pattern } of ENGLISH) {
    for (const match of text.matchAll(pattern)) {
      const line = text.slice(0, match.index).split("\n").length;
      if (!found.has(line)) found.set(line, `${file}:${line}: ${what}: ${lines[line - 1]?.trim()}`);
    }
  }
  return [...found.entries()].sort(([a], [b]) => a - b).map(([, said]) => said);
}

describe("no English refusals", () => {
  it.each(KEYED_MESSAGE_DIRS)("%s says its refusals and schema messages by key", (dir) => {
    const files = sourceFiles(path.join(process.cwd(), dir));
    expect(files.length).toBeGreaterThan(0);
    const found = files.flatMap((file) => englishIn(path.relative(process.cwd(), file), readFileSync(file, "utf8")));
    expect(found).toEqual([]);
  });

  it("catches the forms it looks for", () => {
    const sample = [
      'throw new AppError("invalid", "Unknown root cause");',
      'throw new AppError("not_found", `Only the coders code it`);',
      'z.enum(CHANNELS, { message: "Choose a channel" })',
      'z.string().min(1, "Choose a market")',
      'z.uuid("Choose the first coder")',
    ].join("\n");
    expect(englishIn("sample.ts", sample)).toHaveLength(5);
    const keyed = 'throw refuse("invalid", "complaintRules.rootCauseUnknown");\nz.string().min(1, rule("x.y"));';
    expect(englishIn("keyed.ts", keyed)).toEqual([]);
  });
});
