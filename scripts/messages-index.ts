// Writes messages/<locale>.ts from the namespace files in messages/<locale>/, so a new namespace is one
// new JSON file per language and one run of `npm run messages:index`.
import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { LOCALES } from "@/lib/i18n/locales";

// Identifiers CommonJS reserves: such a namespace is imported under another name.
const RENAMED: Record<string, string> = { exports: "exportJobs" };

for (const locale of LOCALES) {
  const dir = path.join(process.cwd(), "messages", locale);
  const names = readdirSync(dir)
    .filter((file) => file.endsWith(".json"))
    .map((file) => file.slice(0, -".json".length))
    .sort();
  const lines = [
    `// One file per namespace (messages/${locale}/<namespace>.json), so work on different pages touches different files.`,
    "// `exports` is imported under another name: CommonJS reserves that identifier.",
    "// Written by `npm run messages:index`.",
    "",
    ...names.map((name) => `import ${RENAMED[name] ?? name} from "./${locale}/${name}.json";`),
    "",
    "const messages = {",
    ...names.map((name) => (RENAMED[name] ? `  ${name}: ${RENAMED[name]},` : `  ${name},`)),
    "};",
    "",
    "export default messages;",
    "",
  ];
  writeFileSync(path.join(process.cwd(), "messages", `${locale}.ts`), lines.join("\n"));
}
