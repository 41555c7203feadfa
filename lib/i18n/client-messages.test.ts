import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clientMessages, SERVER_ONLY_NAMESPACES } from "./client-messages";
import { messagesFor } from "./messages";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === "node_modules" ? [] : sourceFiles(file);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : [];
  });
}

describe("the messages sent to the browser", () => {
  const files = ["app", "components", "lib"].flatMap((dir) => sourceFiles(path.join(process.cwd(), dir)));

  it("leave out only namespaces no component reads", () => {
    const readers: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const namespace of SERVER_ONLY_NAMESPACES) {
        const hooks = new RegExp(`useTranslations\\(\\s*["'\`]${namespace}[."'\`]|useMessages\\(\\)\\.${namespace}\\b`);
        if (hooks.test(text)) readers.push(`${path.relative(process.cwd(), file)} reads ${namespace}`);
      }
    }
    expect(readers).toEqual([]);
  });

  it("hold every other namespace whole", () => {
    const all = messagesFor("sv");
    const sent = clientMessages(all);
    for (const namespace of SERVER_ONLY_NAMESPACES) expect(sent).not.toHaveProperty(namespace);
    expect(sent.complaints).toBe(all.complaints);
    expect(Object.keys(sent).length).toBe(Object.keys(all).length - SERVER_ONLY_NAMESPACES.length);
  });
});
