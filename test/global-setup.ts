import { randomBytes } from "node:crypto";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { assertLocalDatabase } from "./db";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated PostgreSQL database each test file's own database is copied from (CREATE DATABASE … TEMPLATE). */
    pgTemplate: string;
  }
}

/**
 * On PostgreSQL the migrations run once per test run, into a template; every test file then gets a copy
 * of it, which costs a fraction of migrating again. (PGlite databases are in memory and migrate per file.)
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return;
  assertLocalDatabase(serverUrl);
  const name = `test_template_${Date.now()}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = openDatabase({ url: url.toString(), max: 1 });
  try {
    await migrateDatabase(handle);
  } finally {
    await handle.close();
  }
  project.provide("pgTemplate", name);
  return async () => {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  };
}
