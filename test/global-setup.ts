import { randomBytes } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { assertLocalDatabase } from "./db";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated PostgreSQL database each test file's own database is copied from (CREATE DATABASE … TEMPLATE). */
    pgTemplate: string;
    /** A migrated PGlite data directory (a tar file) each test file's in-memory database starts from. */
    pgliteTemplate: string;
  }
}

/**
 * The migrations run once per test run, into a template every test file's database is copied from,
 * which costs a fraction of migrating again: on PostgreSQL a template database (CREATE DATABASE …
 * TEMPLATE), on PGlite a dump of a migrated data directory that each file's in-memory database loads.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return pgliteTemplate(project);
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

async function pgliteTemplate(project: TestProject) {
  const file = path.join(tmpdir(), `complaint-pglite-template-${process.pid}-${randomBytes(4).toString("hex")}.tar`);
  const handle = openDatabase({ dir: "memory://" });
  try {
    await migrateDatabase(handle);
    const dump = await handle.pglite!.dumpDataDir("none");
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await handle.close();
  }
  project.provide("pgliteTemplate", file);
  return async () => {
    await rm(file, { force: true });
  };
}
