import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PERMISSIONS } from "@/lib/auth/roles";
import { isOperation } from "./operation";
import { operations } from "./registry";

const ROOT = process.cwd();

/** Every module under lib/ that the application runs (not tests, nor their fixtures). */
function libModules(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        if (name !== "fixtures") walk(full);
      } else if (/\.tsx?$/.test(name) && !/\.test(-util)?\.tsx?$|test-(fixtures|util)\.ts$/.test(name)) {
        out.push(path.relative(ROOT, full));
      }
    }
  };
  walk(path.join(ROOT, "lib"));
  return out.sort();
}

describe("the operations registry", () => {
  it("gives every operation a known permission and a unique name", () => {
    expect(operations.length).toBeGreaterThan(0);
    for (const op of operations) {
      expect(Object.keys(PERMISSIONS), op.name).toContain(op.permission);
      expect(op.name, op.name).toMatch(/^[a-z][a-z-]*\.[a-z][A-Za-z]*$/);
      expect(isOperation(op), op.name).toBe(true);
    }
    const names = operations.map((op) => op.name);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });

  it("lists every operation a module under lib/ exports", async () => {
    const listed = new Set<unknown>(operations);
    const missing: string[] = [];
    let found = 0;
    for (const file of libModules()) {
      const exports: Record<string, unknown> = await import(/* @vite-ignore */ path.join(ROOT, file));
      for (const [name, value] of Object.entries(exports)) {
        if (!isOperation(value)) continue;
        found++;
        if (!listed.has(value)) missing.push(`${file}#${name} (${value.name})`);
      }
    }
    expect(missing).toEqual([]);
    expect(found).toBe(operations.length);
  });
});
